import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';

/**
 * `npm run scan`: Electronegativity over the desktop shell (electron/) and the renderer, through its
 * API because its CLI exits 0 whatever it finds. Fails on any finding not accepted, with a reason,
 * in scripts/security-scan-suppressions.json, on any file it could not parse, on a suppression
 * that no longer matches, and if the scanner itself misses a planted insecure window (a canary).
 * Our TypeScript goes through the scanner's Babel parser (the one in node_modules, current), so the
 * sources are scanned as written; parse failures are listed, never skipped.
 */

const root = path.resolve(import.meta.dirname, '..');
const scannedFolders = ['electron', 'renderer'];
const suppressionsFile = path.join(root, 'scripts', 'security-scan-suppressions.json');
const scannerDir = path.join(root, 'node_modules', '@doyensec', 'electronegativity');

interface Issue {
  id: string;
  file: string;
  sample?: string;
  location: { line: number; column: number };
  severity: { name: string };
  confidence: { name: string };
  manualReview: boolean;
  description: string;
}
interface ScanResult {
  globalChecks: number;
  atomicChecks: number;
  errors: { file: string; message: string; tolerable: boolean }[];
  issues: Issue[];
}
interface Suppression {
  id: string;
  file: string;
  sample?: string;
  reason: string;
}
interface Suppressions {
  excludedChecks: { check: string; reason: string }[];
  suppressions: Suppression[];
}

const require = createRequire(path.join(scannerDir, 'dist', 'locales', 'i18n.js'));
offlineScanner();
const run = require(path.join(scannerDir, 'dist', 'runner.js')) as (
  options: Record<string, unknown>,
  forCli: boolean,
) => Promise<ScanResult>;
const electronVersion = (
  JSON.parse(readFileSync(path.join(root, 'node_modules', 'electron', 'package.json'), 'utf8')) as { version: string }
).version;
const config = JSON.parse(readFileSync(suppressionsFile, 'utf8')) as Suppressions;
for (const entry of [...config.excludedChecks, ...config.suppressions]) {
  if (!entry.reason?.trim()) fail(`every entry in ${path.relative(root, suppressionsFile)} needs a reason`);
}

async function scan(input: string): Promise<ScanResult> {
  // It says it could not fetch translations each run; that is the offline stub above working.
  const log = console.log;
  console.log = (...args: unknown[]) => {
    if (!String(args[0]).startsWith('Could not retrieve updated translations')) log(...args);
  };
  try {
    return await run(
      {
        input,
        electronVersionOverride: electronVersion, // judge defaults by the Electron we ship
        excludeFromScan: config.excludedChecks.map((entry) => entry.check),
        isRelative: true,
      },
      false,
    );
  } finally {
    console.log = log;
  }
}

/**
 * The scanner loads translations from the network at start-up (and crashes when that times out
 * offline); `got` is replaced with a refusal so it uses its bundled English strings.
 */
function offlineScanner(): void {
  const gotPath = require.resolve('got');
  const refuse = () => Promise.reject(new Error('the security scan runs offline'));
  const stub = Object.assign(refuse, { default: refuse, __esModule: true });
  require.cache[gotPath] = { id: gotPath, filename: gotPath, loaded: true, exports: stub } as unknown as NodeJS.Module;
}

function fail(message: string): never {
  console.error(`security scan: ${message}`);
  process.exit(1);
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => path.join(entry.parentPath, entry.name));
}

// 1. Canary: the scanner must still catch an obviously insecure window, or a clean result means nothing.
const canaryDir = mkdtempSync(path.join(tmpdir(), 'azcred-scan-canary-'));
writeFileSync(
  path.join(canaryDir, 'main.ts'),
  "import { BrowserWindow } from 'electron';\nconst size: number = 800;\nnew BrowserWindow({ width: size, webPreferences: { " +
    'nodeIntegration: true, contextIsolation: false } });\n',
);
const canary = await scan(canaryDir);
rmSync(canaryDir, { recursive: true, force: true });
const caught = new Set(canary.issues.map((issue) => issue.id));
for (const id of ['NODE_INTEGRATION_JS_CHECK', 'CONTEXT_ISOLATION_JS_CHECK', 'SANDBOX_JS_CHECK']) {
  if (!caught.has(id)) fail(`the scanner missed ${id} in a planted insecure window; it is not working, so its silence proves nothing.`);
}

// 2. The real scan, over one copy of the scanned folders so project-wide checks see them together.
const workDir = mkdtempSync(path.join(tmpdir(), 'azcred-scan-'));
const unscannable: string[] = [];
const inlineDisables: string[] = [];
let scannableCount = 0;
for (const folder of scannedFolders) {
  cpSync(path.join(root, folder), path.join(workDir, folder), { recursive: true });
  for (const file of filesUnder(path.join(root, folder))) {
    const relative = path.relative(root, file);
    if (/\.(js|jsx|ts|tsx|html|htm)$/i.test(file)) scannableCount++;
    // The scanner's loader skips these extensions silently; say so rather than pass them unread.
    if (/\.(mjs|cjs|mts|cts)$/i.test(file)) unscannable.push(relative);
    // Inline `eng-disable` comments would hide findings outside the suppressions file.
    if (/\.(js|jsx|ts|tsx|html|htm)$/i.test(file) && /eng-disable/.test(readFileSync(file, 'utf8'))) inlineDisables.push(relative);
  }
}
const result = await scan(workDir);
rmSync(workDir, { recursive: true, force: true });

const findings = result.issues.map((issue) => ({ ...issue, file: issue.file.split(path.sep).join('/') }));
const used = new Set<Suppression>();
const rows: { status: string; issue: (typeof findings)[number]; note: string }[] = [];
for (const issue of findings) {
  const suppression = config.suppressions.find(
    (entry) => entry.id === issue.id && entry.file === issue.file && (!entry.sample || (issue.sample ?? '').includes(entry.sample)),
  );
  if (suppression) used.add(suppression);
  rows.push({ status: suppression ? 'suppressed' : 'FINDING', issue, note: suppression ? suppression.reason : issue.description });
}
const stale = config.suppressions.filter((entry) => !used.has(entry));

console.log(
  `Electronegativity ${readPackageVersion()} for Electron ${electronVersion}: ${result.atomicChecks} atomic and ` +
    `${result.globalChecks} project-wide checks over ${scannableCount} files in ${scannedFolders.join('/, ')}/.`,
);
for (const entry of config.excludedChecks) console.log(`  excluded check ${entry.check}: ${entry.reason}`);
if (rows.length > 0) {
  console.log('');
  printTable(
    rows.map(({ status, issue, note }) => [
      status,
      issue.id,
      `${issue.severity.name}/${issue.confidence.name}`,
      issue.file === 'N/A' ? 'project' : `${issue.file}:${issue.location.line}`,
      shorten(note, 90),
    ]),
  );
}

const problems: string[] = [];
const open = rows.filter((row) => row.status === 'FINDING');
if (open.length > 0)
  problems.push(`${open.length} finding(s) not suppressed: fix the code, or add a reviewed suppression with its reason.`);
for (const error of result.errors) problems.push(`could not parse ${path.relative(workDir, error.file)}: ${error.message}`);
for (const file of unscannable) problems.push(`${file} has an extension the scanner does not read; rename it or scan it another way.`);
for (const file of inlineDisables)
  problems.push(`${file} uses an inline eng-disable comment; suppressions belong in ${path.relative(root, suppressionsFile)}.`);
for (const entry of stale) problems.push(`suppression ${entry.id} for ${entry.file} matches nothing any more: remove it.`);

console.log('');
if (problems.length > 0) {
  for (const problem of problems) console.error(`FAIL ${problem}`);
  process.exit(1);
}
console.log(`Passed: no open findings, ${rows.length} suppressed after review, every file parsed.`);

function readPackageVersion(): string {
  return (JSON.parse(readFileSync(path.join(scannerDir, 'package.json'), 'utf8')) as { version: string }).version;
}

function shorten(text: string, max: number): string {
  const oneLine = text.replace(/\s+/g, ' ').trim();
  return oneLine.length > max ? `${oneLine.slice(0, max - 1)}…` : oneLine;
}

function printTable(table: string[][]): void {
  const widths = table[0]?.map((_, column) => Math.max(...table.map((row) => row[column]?.length ?? 0))) ?? [];
  for (const row of table)
    console.log(
      `  ${row
        .map((cell, column) => cell.padEnd(widths[column] ?? 0))
        .join('  ')
        .trimEnd()}`,
    );
}
