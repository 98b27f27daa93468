import { execFile, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmulator, type RunningEmulator } from '../e2e/azure-emulator/server.ts';
import { defaultScenario, jwtClaims } from '../e2e/azure-emulator/test/emulator-fixtures.ts';
import { createCore } from '../electron/core/core.ts';
import { createMemoryKeychain } from '../electron/core/vault/keychain.ts';
import { coreValues } from '../electron/core/test-support/test-core.ts';
import { importEmulatorCloud } from '../electron/cli/test-support/run-azcred.ts';

const run = promisify(execFile);
const root = path.resolve(import.meta.dirname, '..');
const accountId = '35d830cb-f062-4062-9792-d6316039df56';
const passphrase = 'packed azcred passphrase 7';
let emulator: RunningEmulator;
let work: string;
let home: string;
let azcredBin: string;

/**
 * Runs the globally installed `azcred` with `node` on PATH first: the project's own Node, or another.
 * Asynchronously: the emulator answers from this process, which a synchronous spawn would block.
 */
function installed(
  args: string[],
  options: { nodeDir?: string; env?: Record<string, string> } = {},
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const nodeDir = options.nodeDir ?? path.dirname(process.execPath);
  const env = {
    ...process.env,
    PATH: `${nodeDir}:${process.env['PATH'] ?? ''}`,
    AZCRED_HOME: home,
    AZCRED_NO_BROWSER: '1',
    ...options.env,
  };
  return new Promise((resolve, reject) => {
    const child = execFile(azcredBin, args, { encoding: 'utf8', env }, (error, stdout, stderr) => {
      if (error && typeof error.code !== 'number') reject(error);
      else resolve({ code: child.exitCode, stdout, stderr });
    });
  });
}

// Packs the checkout as `npm pack` does (prepare builds the bundle), installs the tarball globally
// into a throwaway prefix, offline and without the optional keytar (so nothing is fetched and no
// native build runs), and uses that `azcred` as a user who put it on PATH would.
describe('azcred installed globally from the packed tarball', () => {
  beforeAll(async () => {
    work = await mkdtemp(path.join(os.tmpdir(), 'azcred-packed-'));
    home = path.join(work, 'home');
    const npm = { cwd: root, env: { ...process.env, PATH: `${path.dirname(process.execPath)}:${process.env['PATH'] ?? ''}` } };
    await run('npm', ['pack', '--silent', '--pack-destination', work], npm);
    const [tarball] = (await readdir(work)).filter((f) => f.endsWith('.tgz'));
    expect(tarball).toBeDefined();
    const prefix = path.join(work, 'prefix');
    await run(
      'npm',
      [
        'install',
        '--global',
        '--prefix',
        prefix,
        '--offline',
        '--omit=optional',
        '--no-audit',
        '--no-fund',
        path.join(work, tarball ?? ''),
      ],
      npm,
    );
    azcredBin = path.join(prefix, 'bin', 'azcred');
    emulator = await startEmulator({ scenario: defaultScenario() });
  }, 180_000);
  afterAll(async () => {
    await emulator?.close();
    await rm(work, { recursive: true, force: true });
  });

  it('puts an azcred on PATH that prints its version and its help', async () => {
    expect(existsSync(azcredBin)).toBe(true);
    const version = await installed(['--version']);
    expect(version).toMatchObject({ code: 0, stdout: '0.1.0\n' });
    const help = await installed(['--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/^Usage: azcred <command>/);
    const group = await installed(['account', '--help']);
    expect(group.code, group.stderr).toBe(0);
    expect(group.stdout).toMatch(/^Usage: azcred account <command>/);
    expect(group.stdout).toMatch(/\n {2}add arr +add a Remote Rendering account/);
  });

  it('prints a kept STS token from a passphrase vault, with no keytar installed', async () => {
    // A data folder as the app leaves it: a passphrase vault (the only persistent vault without
    // keytar), the emulator's cloud and an ARR account.
    const app = createCore({
      mode: 'test',
      dataFolder: { path: home, source: 'AZCRED_HOME' },
      version: '0.0.0-test',
      vault: { keychain: createMemoryKeychain() },
    });
    try {
      await coreValues(app).vault.open({ mode: 'passphrase', passphrase });
      await importEmulatorCloud(emulator, home);
      const primaryKey = emulator.scenario.remoteRenderingAccounts.find((a) => a.accountId === accountId)?.primaryKey ?? '';
      await coreValues(app).accounts.add({
        kind: 'arr',
        name: 'contoso',
        accountId,
        accountDomain: 'westeurope',
        primaryKey,
        cloud: 'AzureEmulator',
      });
    } finally {
      await app.close();
    }
    const env = { AZCRED_VAULT_PASSPHRASE: passphrase };
    const minted = await installed(['token', 'arr', 'contoso', '--fresh'], { env });
    expect(minted.code, minted.stderr).toBe(0);
    expect(jwtClaims(minted.stdout.trim())['aid']).toBe(accountId);
    const cached = await installed(['token', 'arr', 'contoso'], { env });
    expect(cached).toMatchObject({ code: 0, stdout: minted.stdout });
    expect(`${minted.stderr}${cached.stderr}`).not.toContain(passphrase);
  });

  // The machine's own Node (Debian's 20 here) cannot run the core: say so in one line, no stack trace.
  const systemNode = ['/usr/bin/node', '/usr/local/bin/node'].find((file) => {
    if (!existsSync(file)) return false;
    const [major = 0, minor = 0] = spawnSync(file, ['-p', 'process.versions.node'], { encoding: 'utf8' }).stdout.split('.').map(Number);
    return major < 22 || (major === 22 && minor < 18);
  });
  it.runIf(systemNode)("names the Node it needs, in one line, on the machine's older Node", async () => {
    const old = await installed(['--help'], { nodeDir: path.dirname(systemNode ?? '') });
    expect(old.code).toBe(1);
    expect(old.stdout).toBe('');
    expect(old.stderr).toMatch(/^azcred needs Node\.js 22\.18 or newer; this is Node \d+\.\d+\.\d+\. Install a current Node .*\n$/);
  });

  it.runIf(systemNode)("runs a checkout's azcred (npm link) on the checkout's own Node when the machine's is older", () => {
    const linked = spawnSync(systemNode ?? '', [path.join(root, 'bin', 'azcred.js'), '--version'], {
      encoding: 'utf8',
      env: { ...process.env, AZCRED_HOME: home },
    });
    expect(linked).toMatchObject({ status: 0, stdout: '0.1.0\n', stderr: '' });
  });
});
