/**
 * `npm run demo`: the whole app offline in a minute. Starts the project's Azure emulator, fills a
 * data folder of its own (`.demo/`, never your real one) with sample accounts, identities, tokens
 * and a role audit through the core's `dispatch`, then opens the app on it: the desktop window when
 * Electron can run here, browser mode otherwise. Ctrl+C stops the app and the emulator.
 * See docs/demo.md.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { rmSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import type { RunningEmulator } from '../e2e/azure-emulator/server.ts';
import { appVersion } from '../electron/core/platform/app-version.ts';
import { createCore, type Core } from '../electron/core/core.ts';
import { launcherFolder } from '../electron/web/launcher-file.ts';
import { openLaunchLink, printFreshLinksOnEnter } from '../electron/web/launch-links.ts';
import { browserOpeningLine } from '../electron/core/platform/open-browser.ts';
import { startWebServer, type WebServer } from '../electron/web/server.ts';
import type { VaultStatus } from '../shared/vault.ts';
import { buildRendererIfStale, desktopRuntime, root } from './app-launch.ts';
import { prepareDemoFolder } from './demo-folder.ts';
import { cliLines, seedSummary, tryLines, vaultLine } from './demo-printout.ts';
import { contractCall } from './contract-call.ts';
import { seedWhenVaultOpens } from './demo-seed-on-open.ts';
import { demoUserNames, seedDemo, startDemoEmulator } from './demo-seed.ts';

const usage = `Usage: npm run demo -- [--fresh] [--browser] [--no-open] [--memory] [--home DIR]
  --fresh     start again from an empty demo folder
  --browser   browser mode even where the desktop window can open
  --no-open   print the launch link, open no window or browser (remote machines, tests)
  --memory    secrets in memory for this session only, no keychain (the CLI cannot read them)
  --home DIR  the demo folder (default: .demo in the checkout)`;

function options() {
  try {
    const { values } = parseArgs({
      options: {
        fresh: { type: 'boolean' },
        browser: { type: 'boolean' },
        'no-open': { type: 'boolean' },
        memory: { type: 'boolean' },
        home: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    });
    return values;
  } catch (error) {
    return fail(`${(error as Error).message}\n${usage}`);
  }
}

function fail(message: string): never {
  console.error(`azcred demo: ${message}`);
  process.exit(2);
}

const args = options();
if (args.help) {
  console.log(usage);
  process.exit(0);
}
const started = Date.now();
const home = path.resolve(args.home ?? path.join(root, '.demo'));
await prepareDemoFolder(home, { fresh: args.fresh ?? false, env: process.env }).catch((error: unknown) => fail((error as Error).message));
// A memory-only vault forgets its secrets: its folder starts empty each time, so no account lacks its key.
const dataFolder = path.join(home, args.memory ? 'memory' : 'data');
if (args.memory) rmSync(dataFolder, { recursive: true, force: true });

let emulator: RunningEmulator | undefined;
let core: Core | undefined;
let server: WebServer | undefined;
let app: ChildProcess | undefined;
let stopping = false;
async function stop(code = 0): Promise<never> {
  if (!stopping) {
    stopping = true;
    app?.kill('SIGTERM');
    await Promise.allSettled([server?.close(), core?.close()]);
    await emulator?.close();
  }
  process.exit(code);
}
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => void stop());

try {
  buildRendererIfStale();
  const running = await startDemoEmulator(path.join(home, 'emulator'));
  emulator = running;
  core = createCore({
    mode: 'browser',
    dataFolder: { path: dataFolder, source: 'AZCRED_HOME' },
    version: appVersion(new URL('../package.json', import.meta.url)),
  });
  const call = contractCall(core);
  if (args.memory) await call('vault.open', { mode: 'memory' });
  const vault = await call('vault.status');
  const seed = vault.state === 'open' ? await seedDemo(call, running) : undefined;

  console.log('\nAzure Credential Manager demo: everything talks to the Azure emulator on this machine (test data only).');
  if (seed) console.log(seedSummary(seed).join('\n'));
  console.log(vaultLine(vault, dataFolder));
  console.log([...tryLines(running, { caFile: running.caFile, signedIn: [...demoUserNames] }), ...cliLines(vault, dataFolder)].join('\n'));

  // The desktop app opens the vault in a process of its own: only a keychain vault is open there as it is here.
  const keychainOpen = vault.state === 'open' && vault.mode === 'keychain';
  const noKeychain = {
    reason: 'the vault is not open in the keychain, and the desktop app would open it in a process of its own, without the sample data',
    remedy: '',
  };
  const desktop = args['no-open'] || args.browser ? undefined : keychainOpen ? desktopRuntime('npm run demo') : noKeychain;
  if (desktop && 'path' in desktop) {
    await core.close();
    core = undefined;
    app = spawn(desktop.path, [root], { cwd: root, stdio: 'inherit', env: { ...process.env, AZCRED_HOME: dataFolder } });
    app.on('exit', () => void stop());
    console.log(`The desktop window is opening (ready in ${seconds(started)}). Press Ctrl+C to stop it and the emulator.`);
  } else {
    if (desktop)
      console.log(
        `The desktop window cannot open here: ${desktop.reason}. Serving browser mode instead.${desktop.remedy && ` ${desktop.remedy}`}`,
      );
    if (!seed) seedWhenVaultOpens(core, (opened) => seedChosenVault(opened, running));
    server = await startWebServer({ core });
    const link = server.newLaunchLink();
    const opening = args['no-open'] ? undefined : openLaunchLink(link, launcherFolder(process.env, dataFolder));
    console.log(`Open: ${link.url}`);
    console.log(
      `  (ready in ${seconds(started)}) The link signs in one browser, once, within a minute; do not share it. Press Enter here ` +
        `for a fresh link; Ctrl+C stops the app and the emulator.`,
    );
    printFreshLinksOnEnter(server, process.stdin, (text) => console.log(text));
    void opening?.then((result) => console.log(`  ${browserOpeningLine(result)}`));
  }
} catch (error) {
  console.error(`azcred demo: ${(error as Error).message}`);
  await stop(1);
}

/** Without a keychain the user picks a vault in the app's banner; the sample data goes in before the app hears that the vault is open. */
async function seedChosenVault(opened: VaultStatus, running: RunningEmulator): Promise<void> {
  if (!core) return;
  try {
    const seed = await seedDemo(contractCall(core), running);
    console.log(`\nSample data added; the page shows it now:\n${seedSummary(seed).join('\n')}`);
    console.log([vaultLine(opened, dataFolder), ...cliLines(opened, dataFolder)].join('\n'));
  } catch (error) {
    console.error(`azcred demo: the sample data could not be added: ${(error as Error).message}`);
  }
}

function seconds(since: number): string {
  return `${((Date.now() - since) / 1000).toFixed(1)} s`;
}
