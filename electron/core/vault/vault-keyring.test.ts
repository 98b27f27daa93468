import { execFile, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import type * as Keytar from 'keytar';
import { keychainService } from './keychain.ts';
import { keptBackups } from './vault-backups.ts';
import { decryptVault } from './vault-file.ts';
import { openVault } from './vault.ts';
import { foldersForThisFile } from '../test-support/folder-per-test.ts';
import { roundAfterRoundTests, stressRounds } from '../test-support/round-after-round.ts';

// Integration with the real Secret Service that scripts/with-keyring.sh starts, and with real
// second processes (the CLI next to the app), each `node vault-child.ts`.
const keytar = createRequire(import.meta.url)('keytar') as typeof Keytar;
const child = fileURLToPath(new URL('./test-support/vault-child.ts', import.meta.url));
const run = promisify(execFile);
const newFolder = foldersForThisFile('azcred-vault-it-');
const itRoundAfterRound = roundAfterRoundTests(newFolder, { ms: 60_000, perRoundMs: 15_000 });

interface ChildResult {
  ok: boolean;
  reason?: string;
  message?: string;
  elapsedMs: number;
  info?: { id: string; secretCount: number; quarantined: { path: string; message: string } | null };
  secrets?: Record<string, string>;
}

async function inChild(job: object, env: NodeJS.ProcessEnv = process.env): Promise<ChildResult> {
  // A child that gave up on a hung keychain kills itself (see test-support/vault-child.ts); its output is still whole.
  const { stdout } = await run(process.execPath, [child, JSON.stringify(job)], {
    env: { ...env, AZCRED_LOG: 'silent' },
    timeout: 20_000,
  }).catch((error: { stdout?: string; signal?: string }) =>
    error.signal === 'SIGKILL' && error.stdout ? { stdout: error.stdout } : Promise.reject(error),
  );
  return JSON.parse(stdout.trim().split('\n').at(-1) ?? '{}') as ChildResult;
}

function withoutBus(extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  const env = { ...process.env, ...extra };
  if (!extra['DBUS_SESSION_BUS_ADDRESS']) delete env['DBUS_SESSION_BUS_ADDRESS'];
  delete env['DISPLAY'];
  return env;
}

describe.runIf(process.platform === 'linux' && process.env['AZCRED_IN_KEYRING_SESSION'] === '1')('the vault with the real keychain', () => {
  it('keeps secrets for a new process, and sees what that process wrote after a reload', async () => {
    const folder = newFolder();
    const vault = await openVault({ dataFolder: folder });
    await vault.setMany({ 'account/a1/primaryKey': 'pk-1', 'account/a1/secondaryKey': 'sk-1' });
    const read = await inChild({ dataFolder: folder, op: 'read' });
    expect(read).toMatchObject({ ok: true, secrets: { 'account/a1/primaryKey': 'pk-1', 'account/a1/secondaryKey': 'sk-1' } });
    await inChild({ dataFolder: folder, op: 'write-each', secrets: { 'account/a2/primaryKey': 'pk-2' } });
    expect(vault.get('account/a2/primaryKey')).toBeUndefined();
    await vault.reload();
    expect(vault.get('account/a2/primaryKey')).toBe('pk-2');
  });

  it('gives a second data folder its own vault and its own keychain entry', async () => {
    const first = await openVault({ dataFolder: newFolder() });
    await first.set('s', 'first-folder');
    const second = await openVault({ dataFolder: newFolder() });
    expect(second.names()).toEqual([]);
    expect(second.info().id).not.toBe(first.info().id);
    const keys = await Promise.all([first, second].map((vault) => keytar.getPassword(keychainService, `vault-${vault.info().id}`)));
    expect(keys[0]).toMatch(/^[A-Za-z0-9+/]{43}=$/);
    expect(keys[1]).toMatch(/^[A-Za-z0-9+/]{43}=$/);
    expect(keys[0]).not.toBe(keys[1]);
  });

  it('says no Secret Service is running when the process has no D-Bus session, and writes nothing', async () => {
    const folder = newFolder();
    for (const env of [withoutBus(), withoutBus({ DBUS_SESSION_BUS_ADDRESS: `unix:path=${folder}/no-such-bus` })]) {
      const result = await inChild({ dataFolder: folder, op: 'open', keychainTimeoutMs: 3000 }, env);
      expect(result).toMatchObject({ ok: false, reason: 'no_secret_service' });
      expect(result.message).toBe(
        'No Secret Service is running (gnome-keyring or KWallet). Start one, or choose a passphrase vault or a memory-only ' +
          'session in Settings.',
      );
      expect(result.elapsedMs).toBeLessThan(3000);
    }
    expect(readdirSync(folder)).toEqual([]);
  });

  describe('with a bus that never answers', () => {
    let bus: Server;
    afterAll(() => bus?.close());

    it('gives up after the keychain timeout', async () => {
      const folder = newFolder();
      const socket = path.join(folder, 'silent-bus');
      bus = createServer(() => {}).listen(socket);
      await new Promise((resolve) => bus.once('listening', resolve));
      const result = await inChild(
        { dataFolder: folder, op: 'open', keychainTimeoutMs: 1000 },
        withoutBus({ DBUS_SESSION_BUS_ADDRESS: `unix:path=${socket}` }),
      );
      expect(result).toMatchObject({
        ok: false,
        reason: 'keychain_timeout',
        message: expect.stringMatching(/did not answer within 1 s.*passphrase vault or a memory-only session/),
      });
      expect(result.elapsedMs).toBeGreaterThanOrEqual(1000);
      expect(result.elapsedMs).toBeLessThan(2500);
    });
  });

  it('says the keychain is locked, for an existing vault and a new one', async () => {
    // A private session so locking its keyring cannot disturb the other tests' keyring.
    const existing = newFolder();
    const fresh = newFolder();
    const job = (folder: string, op: string) =>
      `'${JSON.stringify({ dataFolder: folder, op, keychainTimeoutMs: 3000, secrets: { s: 'v' } })}'`;
    const script = `
      export XDG_DATA_HOME="$(mktemp -d)"
      eval "$(printf 'pw\\n' | gnome-keyring-daemon --unlock --components=secrets)" >/dev/null
      node ${child} ${job(existing, 'write-each')}
      gdbus call --session --dest org.freedesktop.secrets --object-path /org/freedesktop/secrets \\
        --method org.freedesktop.Secret.Service.Lock "['/org/freedesktop/secrets/collection/login']" >/dev/null
      node ${child} ${job(existing, 'read')}
      node ${child} ${job(fresh, 'open')}
      rm -rf "$XDG_DATA_HOME"`;
    const env = { ...withoutBus(), AZCRED_LOG: 'silent' };
    const { stdout } = await run('dbus-run-session', ['--', 'bash', '-c', script], { env, timeout: 20_000 });
    const [written, locked, lockedFresh] = stdout
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as ChildResult);
    expect(written).toMatchObject({ ok: true });
    const message =
      'The keychain is locked. Unlock it (for example by signing in again or in Passwords and Keys) and retry, or choose a ' +
      'passphrase vault or a memory-only session in Settings.';
    expect(locked).toMatchObject({ ok: false, reason: 'keychain_locked', message });
    expect(lockedFresh).toMatchObject({ ok: false, reason: 'keychain_locked', message });
    expect(locked!.elapsedMs).toBeLessThan(3000);
    expect(readFileSync(path.join(existing, 'vault.bin')).length).toBeGreaterThan(0);
  });

  it('quarantines a damaged file or one the keychain key does not fit, byte for byte, in another process', async () => {
    const cases: Record<string, (file: Buffer, id: string) => Promise<Buffer>> = {
      'flipped byte': async (file) => {
        const copy = Buffer.from(file);
        copy[copy.length - 5]! ^= 0x80;
        return copy;
      },
      truncated: async (file) => file.subarray(0, file.length - 17),
      'wrong key': async (file, id) => {
        await keytar.setPassword(keychainService, `vault-${id}`, randomBytes(32).toString('base64'));
        return file;
      },
    };
    for (const [what, damage] of Object.entries(cases)) {
      const folder = newFolder();
      const vault = await openVault({ dataFolder: folder });
      await vault.set('s', 'v');
      const file = path.join(folder, 'vault.bin');
      const broken = await damage(readFileSync(file), vault.info().id);
      writeFileSync(file, broken);
      const result = await inChild({ dataFolder: folder, op: 'read' });
      expect(result.ok, what).toBe(true);
      expect(result.secrets, what).toEqual({});
      const notice = result.info?.quarantined;
      expect(notice?.message, what).toMatch(
        /^The vault file could not be decrypted .*; it was moved to .*vault\.bin\.corrupt-.*\. Your account list is intact; re-enter the keys or restore the file/,
      );
      expect(readFileSync(notice!.path).equals(broken), what).toBe(true);
    }
  });

  it('leaves a whole vault file, and no litter or stall for the next process, when the writer is killed at any moment', async () => {
    // A 2 MB secret makes each write long enough for a kill to land inside it (measured: a plain
    // overwrite in place instead of temp file + rename leaves a cut file within the first few kills).
    const folder = newFolder();
    const size = 2 * 1024 * 1024;
    const file = path.join(folder, 'vault.bin');
    // Temp files of the vault (encrypted secrets outside the vault file) and the lock's own temp directories.
    const litter = () =>
      readdirSync(folder, { recursive: true, encoding: 'utf8' }).filter((name) => /\.tmp-|\.lock\.(new|old)-/.test(name));
    let killedHoldingLock = 0;
    let id = '';
    for (let kill = 1; kill <= 8; kill++) {
      const writer = spawn(process.execPath, [child, JSON.stringify({ dataFolder: folder, op: 'rewrite', size })], {
        env: { ...process.env, AZCRED_LOG: 'silent' },
        stdio: ['ignore', 'pipe', 'inherit'],
      });
      const exited = new Promise((resolve) => writer.once('exit', resolve));
      // Killed a random moment after its first whole write, so the kill falls in the next one at varying depths.
      await new Promise<void>((resolve, reject) => {
        writer.stdout.once('data', () => setTimeout(resolve, Math.random() * 40));
        writer.once('exit', () => reject(new Error('the writer stopped before it was killed')));
      });
      writer.kill('SIGKILL');
      await exited;
      id ||= (JSON.parse(readFileSync(path.join(folder, 'vault.json'), 'utf8')) as { id: string }).id;
      const key = Buffer.from((await keytar.getPassword(keychainService, `vault-${id}`)) ?? '', 'base64');
      const { secrets } = decryptVault(readFileSync(file), key);
      expect(secrets.get('big'), `after kill ${kill}`).toMatch(new RegExp(`^\\d+:x{${size}}$`));
      if (existsSync(path.join(folder, 'vault.lock'))) killedHoldingLock++;

      // The next process to write takes over the killed writer's lock at once (it waited 10 s before) and sweeps its temp files.
      const next = await inChild({ dataFolder: folder, op: 'write-each', secrets: { next: String(kill) } });
      expect(next, `after kill ${kill}`).toMatchObject({ ok: true, info: { secretCount: 2, quarantined: null } });
      expect(next.elapsedMs, `after kill ${kill}`).toBeLessThan(3000);
      expect(litter(), `after kill ${kill}`).toEqual([]);
    }
    // Otherwise the timing check had nothing to catch (measured: 6 to 8 of 8 kills land while the lock is held).
    expect(killedHoldingLock).toBeGreaterThan(0);
    // Eight writers started and killed, and eight more processes: on a busy machine each start takes seconds.
  }, 120_000);

  itRoundAfterRound('loses nothing when four processes write at once, round after round', async (folder) => {
    const writers = 4;
    const perWriter = 20;
    for (let round = 1; round <= stressRounds; round++) {
      const jobs = Array.from({ length: writers }, (_, w) => {
        const secrets = Object.fromEntries(
          Array.from({ length: perWriter }, (_, i) => [`r${round}/w${w}/s${i}`, `value-${round}-${w}-${i}`]),
        );
        return inChild({ dataFolder: folder, op: 'write-each', secrets });
      });
      const results = await Promise.all(jobs);
      expect(
        results.every((result) => result.ok),
        JSON.stringify(results.filter((result) => !result.ok)),
      ).toBe(true);
      const read = await inChild({ dataFolder: folder, op: 'read' });
      expect(Object.keys(read.secrets ?? {})).toHaveLength(writers * perWriter * round);
      expect(read.secrets?.[`r${round}/w3/s19`]).toBe(`value-${round}-3-19`);
      expect(read.info?.quarantined).toBeNull();
    }
    expect(readdirSync(folder).sort()).toEqual(['backups', 'vault.bin', 'vault.json']);
    expect(readdirSync(path.join(folder, 'backups'))).toHaveLength(keptBackups);
  });
});
