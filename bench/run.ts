/**
 * `npm run bench`: every case measured side by side with its baseline in one run, on the real
 * parts (the built CLI, the keychain, the emulator over HTTPS, the browser-mode host, Chromium).
 * Prints a table and writes bench/results/bench.json and bench.md. A missed target is reported,
 * not failed: the exit code is 0 unless a case could not be measured. `--only cli,vault` runs some.
 */
import { mkdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { startEmulator } from '../e2e/azure-emulator/server.ts';
import { buildBrowserHostIfStale, buildCliIfStale, buildRendererIfStale, root } from '../scripts/app-launch.ts';
import { measureBrowser } from './browser-cases.ts';
import { measureBundle } from './bundle-case.ts';
import { measureCli } from './cli-case.ts';
import { addEmulatorAccounts, addManyAccounts, addManyKeptTokens, benchCore, newDataFolder } from './fixtures.ts';
import { startHost, type HostProcess } from './host-process.ts';
import { measureMinting } from './minting-case.ts';
import { measurePushToPage } from './push-case.ts';
import { judge, machine, markdown, textTable, type CaseResult } from './report.ts';
import { measureVault } from './vault-case.ts';

const resultsFolder = path.join(root, 'bench', 'results');
const groups = ['cli', 'minting', 'vault', 'ui', 'bundle'] as const;
const manyAccounts = 1000;
const manyTokens = 1000;
const vaultSecrets = 1000;
const pushAccount = 'Showroom';

const onlyArg = process.argv.indexOf('--only');
const only = onlyArg > 0 ? (process.argv[onlyArg + 1] ?? '').split(',') : [...groups];
const unknown = only.filter((g) => !(groups as readonly string[]).includes(g));
if (unknown.length > 0) {
  console.error(`bench: unknown case group ${unknown.join(', ')}; the groups are ${groups.join(', ')}.`);
  process.exit(2);
}
if (process.platform === 'linux' && process.env['AZCRED_IN_KEYRING_SESSION'] !== '1') {
  console.error('bench: run it as `npm run bench` (inside scripts/with-keyring.sh), so the keychain is a real, throwaway one.');
  process.exit(2);
}
const wanted = (group: (typeof groups)[number]) => only.includes(group);

// The ui group runs the CLI too: a token it mints, shown on the open Tokens page.
if (wanted('cli') || wanted('ui')) buildCliIfStale();
if (wanted('ui') || wanted('bundle')) buildRendererIfStale();
if (wanted('ui')) buildBrowserHostIfStale();

const results: CaseResult[] = [];
const step = async (label: string, work: () => Promise<CaseResult | CaseResult[]>) => {
  const started = performance.now();
  process.stdout.write(`bench: ${label}…`);
  const got = await work();
  results.push(...(Array.isArray(got) ? got : [got]));
  process.stdout.write(` ${((performance.now() - started) / 1000).toFixed(1)} s\n`);
};

const emulator = await startEmulator();
const cleanup: (() => Promise<void>)[] = [() => emulator.close()];
try {
  if (wanted('cli')) await step('CLI, cached STS, ACS and Entra tokens', () => measureCli(emulator, 30));
  if (wanted('cli')) await step('azcred run --identity', async () => (await import('./run-as-case.ts')).measureRunAs(emulator, 30));
  if (wanted('minting')) await step('minting overhead', () => measureMinting(emulator, 40));
  if (wanted('vault')) await step(`vault with ${vaultSecrets} secrets`, () => measureVault(vaultSecrets, 30));
  if (wanted('ui')) {
    const fullFolder = await newDataFolder('ui');
    const emptyFolder = await newDataFolder('ui-empty');
    const pushFolder = await newDataFolder('ui-push');
    cleanup.push(
      () => rm(fullFolder, { recursive: true, force: true }),
      () => rm(emptyFolder, { recursive: true, force: true }),
      () => rm(pushFolder, { recursive: true, force: true }),
    );
    await step(`seeding ${manyAccounts} accounts and ${manyTokens} tokens`, async () => {
      const core = benchCore(fullFolder);
      try {
        await addManyAccounts(core, manyAccounts);
        await addManyKeptTokens(core, manyTokens);
      } finally {
        await core.close();
      }
      const pushCore = benchCore(pushFolder);
      try {
        await addEmulatorAccounts(pushCore, emulator, pushAccount);
      } finally {
        await pushCore.close();
      }
      return [];
    });
    const hosts: HostProcess[] = [];
    cleanup.push(() => Promise.all(hosts.map((h) => h.stop())).then(() => undefined));
    hosts.push(await startHost(fullFolder), await startHost(emptyFolder));
    const [full, empty] = hosts as [HostProcess, HostProcess];
    await step('UI in Chromium and host memory', () =>
      measureBrowser(full, empty, manyAccounts, manyTokens, { navigation: 12, filter: 20, countdownWindows: 3, countdownSeconds: 10 }),
    );
    const push = await startHost(pushFolder);
    hosts.push(push);
    await step('a CLI-minted token reaching the open Tokens page', () => measurePushToPage(push, pushFolder, pushAccount, 10));
  }
  if (wanted('bundle')) await step('renderer bundle', () => measureBundle(path.join(root, 'dist', 'renderer')));
} finally {
  for (const undo of cleanup.reverse()) await undo().catch((error: unknown) => console.error(`bench: cleanup failed: ${String(error)}`));
}

const judged = results.map(judge);
const when = new Date();
const host = machine();
await mkdir(resultsFolder, { recursive: true });
await writeFile(
  path.join(resultsFolder, 'bench.json'),
  `${JSON.stringify({ measuredAt: when.toISOString(), machine: host, cases: judged }, null, 2)}\n`,
);
await writeFile(path.join(resultsFolder, 'bench.md'), markdown(judged, when, host));
console.log(`\n${textTable(judged)}\n`);
const targeted = judged.filter((c) => c.target.kind !== 'reported' && c.notMeasured === undefined);
const missed = targeted.filter((c) => !c.met);
console.log(
  missed.length === 0
    ? 'All targets met.'
    : `MISSED ${missed.length} of ${targeted.length} targets: ${missed.map((c) => c.id).join(', ')}.`,
);
console.log(
  `Written: ${path.relative(root, path.join(resultsFolder, 'bench.json'))}, ${path.relative(root, path.join(resultsFolder, 'bench.md'))}.`,
);
