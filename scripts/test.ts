/**
 * `npm test`: every check the project has, in the order that fails fastest, then one closing line
 * `Tests: N passed, N failed` counting the vitest and Playwright tests together.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const reports = path.join(root, '.test-reports');
rmSync(reports, { recursive: true, force: true });
mkdirSync(reports, { recursive: true });

const steps: { name: string; command: string[]; env?: Record<string, string> }[] = [
  { name: 'type-check', command: ['npm', 'run', '--silent', 'typecheck'] },
  { name: 'lint', command: ['npm', 'run', '--silent', 'lint'] },
  { name: 'build', command: ['npm', 'run', '--silent', 'build'] },
  {
    name: 'unit and integration (vitest, real Secret Service)',
    command: ['scripts/with-keyring.sh', 'npx', 'vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${path.join(reports, 'vitest.json')}`],
  },
  {
    name: 'end to end (Playwright, Chromium, real Secret Service)',
    command: ['scripts/with-keyring.sh', 'npx', 'playwright', 'test', '--reporter=list,json'],
    env: { PLAYWRIGHT_JSON_OUTPUT_NAME: path.join(reports, 'playwright.json') },
  },
  { name: 'Electron security scan', command: ['npm', 'run', '--silent', 'scan'] },
];

const timings: string[] = [];
let failedStep: string | undefined;
for (const step of steps) {
  console.log(`\n=== ${step.name}`);
  const started = Date.now();
  const [file, ...args] = step.command as [string, ...string[]];
  const run = spawnSync(file, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...step.env } });
  timings.push(`${step.name}: ${((Date.now() - started) / 1000).toFixed(1)} s${run.status === 0 ? '' : ' (FAILED)'}`);
  if (run.status !== 0) {
    failedStep = step.name;
    break;
  }
}

function readJson(file: string): unknown {
  try {
    return JSON.parse(readFileSync(path.join(reports, file), 'utf8'));
  } catch {
    return undefined;
  }
}

const vitest = readJson('vitest.json') as { numPassedTests?: number; numFailedTests?: number } | undefined;
const playwright = readJson('playwright.json') as { stats?: { expected?: number; unexpected?: number; flaky?: number } } | undefined;
const passed = (vitest?.numPassedTests ?? 0) + (playwright?.stats?.expected ?? 0);
const failed = (vitest?.numFailedTests ?? 0) + (playwright?.stats?.unexpected ?? 0) + (playwright?.stats?.flaky ?? 0);

console.log(`\n${timings.join('\n')}`);
if (failedStep) console.log(`\nStopped at: ${failedStep}.`);
console.log(`Tests: ${passed} passed, ${failed} failed`);
process.exit(failedStep ? 1 : 0);
