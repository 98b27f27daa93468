/**
 * `npm test`: first what the machine needs (the Debian packages, keytar's native part), then every
 * check the project has, in the order that fails fastest, then one closing line
 * `Tests: N passed, N failed` counting the vitest and Playwright tests together.
 */
import { spawn, spawnSync } from 'node:child_process';
import { closeSync, mkdirSync, openSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildKeychainAddon, keychainAddonState } from './keychain-addon.ts';
import { ensureTestPackages } from './system-packages.ts';

const root = fileURLToPath(new URL('..', import.meta.url));
const reports = path.join(root, '.test-reports');
rmSync(reports, { recursive: true, force: true });
mkdirSync(reports, { recursive: true });

/** The set-up a fresh machine needs; answers why it could not be done. */
function prepareMachine(): string | undefined {
  const packages = ensureTestPackages();
  if (packages) return packages;
  const addon = keychainAddonState();
  if (addon.state === 'built') return undefined;
  if (addon.state === 'absent')
    return `The tests use the OS keychain, but ${addon.why}. Run npm install (without --omit=optional), then npm test again.`;
  console.log('Building the OS keychain addon (keytar) from source.');
  const built = buildKeychainAddon();
  return built.ok
    ? undefined
    : `The OS keychain addon (keytar) could not be built: ${built.why}.\n${built.output.split('\n').slice(-20).join('\n')}`;
}

/**
 * A step marked `alongside` runs at the same time as the step after it, its output kept in a file and
 * printed when both are done: the unit tests wait on child processes and the emulator much of the
 * time, and the end-to-end tests on Chromium, so the two together take about the time of the longer
 * (each in its own Secret Service session). Both are made to pass on a busy machine (issue 14).
 */
const steps: { name: string; command: string[]; env?: Record<string, string>; alongside?: boolean }[] = [
  { name: 'type-check', command: ['npm', 'run', '--silent', 'typecheck'] },
  { name: 'lint', command: ['npm', 'run', '--silent', 'lint'] },
  { name: 'build', command: ['npm', 'run', '--silent', 'build'] },
  {
    name: 'unit and integration (vitest, real Secret Service)',
    command: [
      'scripts/with-keyring.sh',
      'npx',
      'vitest',
      'run',
      '--reporter=default',
      '--reporter=json',
      `--outputFile.json=${path.join(reports, 'vitest.json')}`,
    ],
    alongside: true,
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
console.log('=== machine set-up (Debian packages, keychain addon)');
const setUpStarted = Date.now();
const setUpProblem = prepareMachine();
timings.push(`machine set-up: ${((Date.now() - setUpStarted) / 1000).toFixed(1)} s${setUpProblem ? ' (FAILED)' : ''}`);
if (setUpProblem) {
  console.error(`\n${setUpProblem}`);
  failedStep = 'machine set-up';
}
/** A step started alongside the next: its name, when it started, its log file and its exit code once done. */
let running: { name: string; started: number; log: string; done: Promise<number> } | undefined;

function startAlongside(step: (typeof steps)[number]): NonNullable<typeof running> {
  const log = path.join(reports, `${step.command[2] ?? 'step'}.log`);
  const fd = openSync(log, 'w');
  const [file, ...args] = step.command as [string, ...string[]];
  const child = spawn(file, args, { cwd: root, stdio: ['ignore', fd, fd], env: { ...process.env, ...step.env } });
  closeSync(fd);
  const done = new Promise<number>((resolve) => {
    child.on('close', (code) => resolve(code ?? 1));
    child.on('error', () => resolve(1));
  });
  return { name: step.name, started: Date.now(), log, done };
}

async function finishAlongside(): Promise<void> {
  if (!running) return;
  const { name, started, log, done } = running;
  running = undefined;
  const code = await done;
  console.log(`\n=== ${name} (ran alongside; its output)`);
  process.stdout.write(readFileSync(log, 'utf8'));
  timings.push(`${name}: ${((Date.now() - started) / 1000).toFixed(1)} s${code === 0 ? '' : ' (FAILED)'}`);
  if (code !== 0) failedStep ??= name;
}

for (const step of failedStep ? [] : steps) {
  if (step.alongside) {
    console.log(`\n=== ${step.name} (started; its output comes when the next step ends)`);
    running = startAlongside(step);
    continue;
  }
  console.log(`\n=== ${step.name}`);
  const started = Date.now();
  const [file, ...args] = step.command as [string, ...string[]];
  const run = spawnSync(file, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...step.env } });
  timings.push(`${step.name}: ${((Date.now() - started) / 1000).toFixed(1)} s${run.status === 0 ? '' : ' (FAILED)'}`);
  await finishAlongside();
  if (run.status !== 0) failedStep ??= step.name;
  if (failedStep) break;
}
await finishAlongside();

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
