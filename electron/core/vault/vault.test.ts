import { spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { tempLockDirectory } from '../platform/lock/owned-lock-directory.ts';
import { createMemoryKeychain, keychainService } from './keychain.ts';
import { readVaultHeader } from './vault-file.ts';
import { openVault, type OpenVaultOptions } from './vault.ts';

// The lowest cost the vault accepts, so passphrase tests stay fast; the default is tested once.
const fastScrypt = { N: 2 ** 14, r: 8, p: 1 };
let folder: string;
let keychain: ReturnType<typeof createMemoryKeychain>;
const open = (options: Partial<OpenVaultOptions> = {}) => openVault({ dataFolder: folder, keychain, scryptParams: fastScrypt, ...options });
const files = () => readdirSync(folder).sort();
const vaultFile = () => path.join(folder, 'vault.bin');

beforeEach(() => {
  folder = mkdtempSync(path.join(tmpdir(), 'azcred-vault-'));
  keychain = createMemoryKeychain();
});
afterEach(() => rmSync(folder, { recursive: true, force: true }));

describe('a keychain vault', () => {
  it('keeps secrets across opens with one keychain entry named after the vault id', async () => {
    const vault = await open();
    await vault.set('account/a1/primaryKey', 'k-1');
    await vault.setMany({ 'account/a1/secondaryKey': 'k-2', 'account/a2/primaryKey': 'k-3' });
    const again = await open();
    expect(again.names()).toEqual(['account/a1/primaryKey', 'account/a1/secondaryKey', 'account/a2/primaryKey']);
    expect(again.get('account/a1/secondaryKey')).toBe('k-2');
    expect([...keychain.entries.keys()]).toEqual([`${keychainService}\u0000vault-${again.info().id}`]);
    expect(again.info()).toMatchObject({ mode: 'keychain', location: vaultFile(), secretCount: 3, quarantined: null });
  });

  it('deletes one secret or every secret under a prefix, on disk too', async () => {
    const vault = await open();
    await vault.setMany([
      ['account/a1/primaryKey', 'x'],
      ['account/a1/secondaryKey', 'y'],
      ['account/a2/primaryKey', 'z'],
    ]);
    expect(await vault.deletePrefix('account/a1/')).toBe(2);
    expect(await vault.delete('account/a2/primaryKey')).toBe(true);
    expect(await vault.delete('account/a2/primaryKey')).toBe(false);
    expect((await open()).names()).toEqual([]);
  });

  it('keeps each file it writes as a backup generation (0600, the newest eight) and leaves no temp files behind', async () => {
    const vault = await open();
    await vault.set('s', 'first');
    await vault.set('s', 'second');
    expect(files()).toEqual(['backups', 'vault.bin', 'vault.json']);
    const generations = readdirSync(path.join(folder, 'backups')).sort();
    expect(generations).toEqual([expect.stringMatching(/^vault-.*\.bin$/), expect.stringMatching(/^vault-.*\.bin$/)]);
    expect(statSync(path.join(folder, 'backups', generations[1]!)).mode & 0o777).toBe(0o600);
    expect(statSync(path.join(folder, 'backups')).mode & 0o777).toBe(0o700);
    // The newest is what was written last; the one before holds the previous state.
    expect(readFileSync(path.join(folder, 'backups', generations[1]!))).toEqual(readFileSync(vaultFile()));
    writeFileSync(vaultFile(), readFileSync(path.join(folder, 'backups', generations[0]!)));
    expect((await open()).get('s')).toBe('first');
    for (let i = 0; i < 10; i++) await vault.set('n', String(i));
    expect(readdirSync(path.join(folder, 'backups'))).toHaveLength(8);
  });

  it('refuses an existing vault whose keychain entry is gone, without touching the file', async () => {
    await (await open()).set('s', 'v');
    const before = readFileSync(vaultFile());
    keychain.entries.clear();
    await expect(open()).rejects.toMatchObject({ code: 'vault_unavailable', reason: 'keychain_key_missing' });
    expect(readFileSync(vaultFile())).toEqual(before);
  });

  it('fails, and never falls back, when the keychain does not answer in time', async () => {
    const hung = { ...keychain, getPassword: () => new Promise<string | null>(() => {}) };
    const started = Date.now();
    await expect(openVault({ dataFolder: folder, keychain: hung, keychainTimeoutMs: 200 })).rejects.toMatchObject({
      reason: 'keychain_timeout',
    });
    expect(Date.now() - started).toBeLessThan(2000);
    expect(files().filter((name) => name.startsWith('vault.bin'))).toEqual([]);
  });
});

describe('what a killed writer leaves', () => {
  // A process id that no longer runs, and one that does for the length of a test.
  const exitedPid = () => spawnSync(process.execPath, ['-e', '']).pid;
  const runningProcess = () => spawn(process.execPath, ['-e', 'setTimeout(() => {}, 60_000)'], { stdio: 'ignore' });
  const plantLock = (owner: string) => {
    mkdirSync(path.join(folder, 'vault.lock'));
    writeFileSync(path.join(folder, 'vault.lock', 'owner'), owner);
  };
  /** Opening reads without the lock; the first write takes it. */
  const timeWrite = async () => {
    const vault = await open();
    const started = Date.now();
    await vault.set('s', 'v');
    return Date.now() - started;
  };

  it("has its temp files removed by the next write, never a running writer's", async () => {
    await (await open()).set('s', 'v');
    const running = runningProcess();
    try {
      const dead = exitedPid();
      const orphans = [
        `vault.bin.tmp-${dead}-0a1b2c3d4e5f`,
        `vault.bin.bak.tmp-${dead}-0a1b2c3d4e5f`,
        `vault.json.tmp-${dead}-0a1b2c3d4e5f`,
      ];
      const live = `vault.bin.tmp-${running.pid}-0a1b2c3d4e5f`;
      for (const name of [...orphans, live]) writeFileSync(path.join(folder, name), 'encrypted bytes');
      const next = await open();
      expect(next.get('s')).toBe('v');
      await next.set('t', 'w');
      expect(files()).toEqual(['backups', 'vault.bin', live, 'vault.json']);
    } finally {
      running.kill();
    }
  });

  it('has its lock taken over at once, where the 10 s staleness rule made the next process wait', async () => {
    plantLock(`${exitedPid()} ${hostname()} t0k3n`);
    expect(await timeWrite()).toBeLessThan(2000);
    expect(files()).toEqual(['backups', 'vault.bin', 'vault.json']);
  });

  it("has the half-made lock directory of a process killed while taking the lock removed by the next one, never a running one's", async () => {
    const running = runningProcess();
    try {
      const lock = path.join(folder, 'vault.lock');
      const orphan = tempLockDirectory(lock, exitedPid()); // killed before it wrote its owner record
      const live = tempLockDirectory(lock, running.pid);
      for (const directory of [orphan, live]) mkdirSync(directory);
      expect(await timeWrite()).toBeLessThan(2000);
      expect(files()).toEqual(['backups', 'vault.bin', 'vault.json', path.basename(live)].sort());
    } finally {
      running.kill();
    }
  });

  it('never takes over the lock of a holder that still runs, or one on another host', async () => {
    await (await open()).set('s', 'v');
    const running = runningProcess();
    try {
      for (const owner of [`${running.pid} ${hostname()} t0k3n`, `${exitedPid()} another-host t0k3n`]) {
        plantLock(owner);
        // The holder releases after 700 ms: the write must end after that, however slow the machine is.
        let releasedAt: number | undefined;
        setTimeout(() => {
          rmSync(path.join(folder, 'vault.lock'), { recursive: true, force: true });
          releasedAt = performance.now();
        }, 700);
        await (await open()).set('s', 'v');
        const wroteAt = performance.now();
        expect(releasedAt, owner).toBeDefined();
        expect(wroteAt, owner).toBeGreaterThanOrEqual(releasedAt ?? Infinity);
      }
    } finally {
      running.kill();
    }
  });
});

describe('an unreadable vault file', () => {
  const damage: Record<string, (file: Buffer) => Buffer> = {
    'a flipped byte in the ciphertext': (file) => {
      const copy = Buffer.from(file);
      copy[copy.length - 20]! ^= 0x01;
      return copy;
    },
    'a flipped byte in the header': (file) => {
      const copy = Buffer.from(file);
      copy[12]! ^= 0x01;
      return copy;
    },
    'a truncated file': (file) => file.subarray(0, file.length - 30),
    'a file cut inside the header': (file) => file.subarray(0, 7),
  };
  for (const [what, change] of Object.entries(damage)) {
    it(`is quarantined byte for byte and reported: ${what}`, async () => {
      await (await open()).set('s', 'v');
      const broken = change(readFileSync(vaultFile()));
      writeFileSync(vaultFile(), broken);
      const vault = await open();
      const notice = vault.info().quarantined;
      expect(notice?.message).toMatch(
        /could not be decrypted.*moved to .*vault\.bin\.corrupt-.*Your account list is intact; re-enter the keys or restore the file/,
      );
      expect(readFileSync(notice!.path)).toEqual(broken);
      expect(vault.names()).toEqual([]);
      expect(existsSync(vaultFile())).toBe(false);
      // The vault works again afterwards and the last good copy is still there.
      await vault.set('t', 'w');
      expect((await open()).get('t')).toBe('w');
      expect(readdirSync(folder).filter((name) => name.includes('.corrupt-'))).toHaveLength(1);
    });
  }

  it('is quarantined when the keychain key does not fit it (wrong key)', async () => {
    const first = await open();
    await first.set('s', 'v');
    keychain.entries.set(`${keychainService}\u0000vault-${first.info().id}`, randomBytes(32).toString('base64'));
    const vault = await open();
    expect(vault.info().quarantined).toMatchObject({ problem: 'wrong_key' });
  });

  it('is refused and left alone when a newer app wrote it', async () => {
    await (await open()).set('s', 'v');
    const before = files();
    const future = Buffer.from(readFileSync(vaultFile()));
    future[4] = 2;
    writeFileSync(vaultFile(), future);
    await expect(open()).rejects.toMatchObject({
      reason: 'unsupported_version',
      message: expect.stringMatching(/newer version.*format 2.*Update Azure Credential Manager.*left as it is/),
    });
    expect(readFileSync(vaultFile())).toEqual(future);
    expect(files()).toEqual(before);
  });
});

describe('a passphrase vault', () => {
  it('opens with the right passphrase, refuses a wrong one, and holds no plaintext', async () => {
    const vault = await open({ mode: 'passphrase', passphrase: 'correct horse' });
    await vault.set('s', 'plain-secret-value');
    const bytes = readFileSync(vaultFile());
    expect(bytes.includes('plain-secret-value')).toBe(false);
    expect(readVaultHeader(bytes).header.kdf).toMatchObject({ name: 'scrypt', ...fastScrypt });
    await expect(open({ mode: 'passphrase', passphrase: 'wrong horse' })).rejects.toMatchObject({ reason: 'wrong_passphrase' });
    expect(readFileSync(vaultFile())).toEqual(bytes);
    expect((await open({ mode: 'passphrase', passphrase: 'correct horse' })).get('s')).toBe('plain-secret-value');
    expect(keychain.entries.size).toBe(0);
  });

  it('is recorded, so the next open asks for the passphrase instead of making a keychain vault', async () => {
    await open({ mode: 'passphrase', passphrase: 'p' });
    await expect(open()).rejects.toMatchObject({ reason: 'passphrase_required' });
    await expect(open({ mode: 'keychain' })).rejects.toMatchObject({ reason: 'mode_mismatch' });
    expect(keychain.entries.size).toBe(0);
    expect((await open({ passphrase: 'p' })).info().mode).toBe('passphrase');
  });

  it('is pinned to its passphrase from the moment it is created, before any secret is set', async () => {
    await open({ mode: 'passphrase', passphrase: 'chosen' });
    await expect(open({ passphrase: 'another' })).rejects.toMatchObject({ reason: 'wrong_passphrase' });
  });

  it('records sane default scrypt costs and a per-vault salt', async () => {
    const other = mkdtempSync(path.join(tmpdir(), 'azcred-vault-'));
    try {
      await (await openVault({ dataFolder: folder, mode: 'passphrase', passphrase: 'p' })).set('s', 'v');
      await (await openVault({ dataFolder: other, mode: 'passphrase', passphrase: 'p' })).set('s', 'v');
      const kdf = readVaultHeader(readFileSync(vaultFile())).header.kdf;
      expect(kdf).toMatchObject({ N: 2 ** 17, r: 8, p: 1 });
      expect(kdf?.salt).not.toBe(readVaultHeader(readFileSync(path.join(other, 'vault.bin'))).header.kdf?.salt);
    } finally {
      rmSync(other, { recursive: true, force: true });
    }
  });
});

describe('a memory-only vault', () => {
  it('writes nothing to disk and touches no keychain', async () => {
    const vault = await open({ mode: 'memory' });
    await vault.set('s', 'v');
    expect(vault.get('s')).toBe('v');
    expect(vault.info()).toMatchObject({ mode: 'memory', location: null, secretCount: 1 });
    expect(files()).toEqual([]);
    expect(keychain.entries.size).toBe(0);
  });
});

describe('the secret canary', () => {
  afterEach(() => vi.restoreAllMocks());

  it('never appears in any file but the vault files, nor in anything logged', async () => {
    const canary = `canary-${randomBytes(12).toString('hex')}`;
    const forms = [canary, Buffer.from(canary).toString('base64'), Buffer.from(canary).toString('hex')];
    const logged: string[] = [];
    for (const method of ['log', 'error', 'warn', 'info', 'debug'] as const) {
      vi.spyOn(console, method).mockImplementation((...args: unknown[]) => void logged.push(args.map(String).join(' ')));
    }
    const check = (step: string) => {
      for (const name of readdirSync(folder)) {
        // The vault file and its backup generations hold the secret, encrypted.
        if (/^vault\.bin(\.bak)?$/.test(name) || name === 'backups' || name.endsWith('.lock')) continue;
        const text = readFileSync(path.join(folder, name)).toString('latin1');
        for (const form of forms) expect(text.includes(form), `${name} after ${step}`).toBe(false);
        expect(name).not.toContain(canary);
      }
      for (const line of logged) for (const form of forms) expect(line.includes(form), `log after ${step}`).toBe(false);
    };
    const vault = await open();
    await vault.set(`account/${canary}`, canary);
    check('set');
    await vault.setMany({ other: canary });
    check('setMany');
    await vault.set('other', 'x');
    check('overwrite');
    writeFileSync(vaultFile(), readFileSync(vaultFile()).subarray(0, 40));
    const reopened = await open();
    check('quarantine');
    expect(reopened.info().quarantined?.message).not.toContain(canary);
    await expect(reopened.set('x'.repeat(600), canary)).rejects.toMatchObject({ code: 'invalid_input' });
    check('refused set');
    expect(logged.length).toBeGreaterThan(0);
  });
});
