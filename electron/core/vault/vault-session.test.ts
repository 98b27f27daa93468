import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Core } from '../core.ts';
import { coreApi, coreValues, testCore } from '../test-support/test-core.ts';
import { createMemoryKeychain, type KeychainPort } from './keychain.ts';

const arr = {
  kind: 'arr' as const,
  name: 'Render dev',
  accountId: '0f6c8e4a-1b2c-4d3e-8f90-123456789abc',
  accountDomain: 'westeurope',
  primaryKey: 'cHJpbWFyeS1rZXktdmF1bHQtc2Vzc2lvbg==',
};
let folder: string;

const newCore = (keychain: KeychainPort, keychainTimeoutMs = 2000): Core => testCore(folder, { keychain, keychainTimeoutMs });
const status = (core: Core) => coreValues(core).vault.status();

/** A keychain that counts its calls and fails each one the way libsecret does without a session bus. */
function brokenKeychain(message = 'Cannot autolaunch D-Bus without X11 $DISPLAY') {
  const calls: string[] = [];
  const fail = async (name: string): Promise<never> => {
    calls.push(name);
    throw new Error(message);
  };
  return { calls, getPassword: () => fail('get'), setPassword: () => fail('set'), deletePassword: () => fail('delete') };
}

/** A keychain whose calls never answer, like a Secret Service waiting on a prompt nobody sees. */
function hungKeychain() {
  const calls: string[] = [];
  const hang = (name: string) => (calls.push(name), new Promise<never>(() => {}));
  return { calls, getPassword: () => hang('get'), setPassword: () => hang('set'), deletePassword: () => hang('delete') };
}

beforeEach(() => {
  folder = mkdtempSync(path.join(tmpdir(), 'azcred-session-'));
});
afterEach(() => rmSync(folder, { recursive: true, force: true }));

describe('the vault session', () => {
  it('opens the keychain vault once, however many first calls arrive together, and not again per secret', async () => {
    const keychain = createMemoryKeychain();
    let reads = 0;
    const counting: KeychainPort = { ...keychain, getPassword: (s, a) => (reads++, keychain.getPassword(s, a)) };
    const core = newCore(counting);
    const results = await Promise.all([status(core), status(core), coreApi(core).accounts.add(arr), status(core)]);
    expect(results[0]).toMatchObject({ state: 'open', mode: 'keychain', location: path.join(folder, 'vault.bin'), quarantined: null });
    expect(results[2]).toMatchObject({ ok: true });
    expect(reads).toBe(1);
    expect(await status(core)).toMatchObject({ state: 'open', secretCount: 1 });
    // Not per secret either: more adds and reveals are served by the vault already open.
    const id = results[2].ok ? (results[2].value as { id: string }).id : '';
    await coreValues(core).accounts.add({ ...arr, name: 'Render two' });
    for (let i = 0; i < 3; i++)
      expect(await coreValues(core).accounts.reveal({ id, secret: 'primaryKey' })).toMatchObject({ value: arr.primaryKey });
    expect(reads).toBe(1);
  });

  it('reports an unavailable keychain in words, never retries on its own, and saves no account', async () => {
    const keychain = brokenKeychain();
    const core = newCore(keychain);
    const expected = {
      state: 'unavailable',
      problem: 'no_secret_service',
      recordedMode: null,
      message:
        'No Secret Service is running (gnome-keyring or KWallet). Start one, or choose a passphrase vault or a memory-only ' +
        'session in Settings.',
    };
    expect(await status(core)).toEqual(expected);
    const added = await coreApi(core).accounts.add(arr);
    expect(added).toMatchObject({
      ok: false,
      error: {
        code: 'vault_unavailable',
        message: expect.stringMatching(/^Secrets cannot be used until the vault is open\. No Secret Service .* in Settings\.$/),
      },
    });
    expect(await status(core)).toEqual(expected);
    expect(keychain.calls).toEqual(['get']);
    expect(readdirSync(folder)).toEqual(['settings.json']);
    expect(await coreApi(core).accounts.list()).toEqual({ ok: true, value: [] });
  });

  it('gives up on a keychain that never answers within the timeout, and leaves it alone afterwards', async () => {
    const keychain = hungKeychain();
    const core = newCore(keychain, 200);
    const started = Date.now();
    const first = await status(core);
    expect(Date.now() - started).toBeLessThan(1500);
    expect(first).toMatchObject({
      state: 'unavailable',
      problem: 'keychain_timeout',
      message: expect.stringContaining('did not answer within 0.2 s'),
    });
    await coreApi(core).accounts.add(arr);
    await status(core);
    expect(keychain.calls).toEqual(['get']);
  });

  it('retries the keychain only when the user asks, and opens once it works', async () => {
    const working = createMemoryKeychain();
    let broken = true;
    const flaky: KeychainPort = {
      getPassword: (s, a) =>
        broken ? Promise.reject(new Error('Cannot create an item in a locked collection')) : working.getPassword(s, a),
      setPassword: (s, a, p) => working.setPassword(s, a, p),
      deletePassword: (s, a) => working.deletePassword(s, a),
    };
    const core = newCore(flaky);
    expect(await status(core)).toMatchObject({ state: 'unavailable', problem: 'keychain_locked' });
    const stillLocked = await coreApi(core).vault.open({ mode: 'keychain' });
    expect(stillLocked).toMatchObject({
      ok: false,
      error: { code: 'vault_unavailable', message: expect.stringMatching(/^The keychain is locked\./) },
    });
    broken = false;
    expect(await coreApi(core).vault.open({ mode: 'keychain' })).toMatchObject({ ok: true, value: { state: 'open', mode: 'keychain' } });
    expect(await coreApi(core).accounts.add(arr)).toMatchObject({ ok: true });
  });

  it('keeps a memory-only session in memory: nothing about the vault reaches the disk', async () => {
    const core = newCore(brokenKeychain());
    await status(core);
    expect(await coreApi(core).vault.open({ mode: 'memory' })).toEqual({
      ok: true,
      value: { state: 'open', mode: 'memory', location: null, secretCount: 0, quarantined: null },
    });
    const added = await coreApi(core).accounts.add(arr);
    expect(added.ok).toBe(true);
    const id = added.ok ? added.value.id : '';
    expect(await coreApi(core).accounts.reveal({ id, secret: 'primaryKey' })).toMatchObject({ ok: true, value: { value: arr.primaryKey } });
    expect(readdirSync(folder).filter((name) => name.startsWith('vault'))).toEqual([]);
    // The next process has the account's metadata but no secret, and is asked again how to keep secrets.
    const next = newCore(brokenKeychain());
    expect(await status(next)).toMatchObject({ state: 'unavailable', recordedMode: null });
    expect(await coreApi(next).accounts.list()).toMatchObject({ ok: true, value: [{ id, hasPrimaryKey: true, secretsMissing: [] }] });
  });

  it('protects a new passphrase vault only with a long enough passphrase, and asks for it in the next process', async () => {
    const core = newCore(brokenKeychain());
    await status(core);
    const short = await coreApi(core).vault.open({ mode: 'passphrase', passphrase: 'short' });
    expect(short).toMatchObject({
      ok: false,
      error: { code: 'invalid_input', issues: [{ path: 'passphrase', message: 'Use at least 10 characters' }] },
    });
    expect(existsSync(path.join(folder, 'vault.json'))).toBe(false);
    expect(await coreApi(core).vault.open({ mode: 'passphrase', passphrase: 'correct horse battery' })).toMatchObject({
      ok: true,
      value: { state: 'open', mode: 'passphrase' },
    });
    const added = await coreApi(core).accounts.add(arr);
    const id = added.ok ? added.value.id : '';

    const keychain = brokenKeychain();
    const next = newCore(keychain);
    expect(await status(next)).toEqual({ state: 'locked', mode: 'passphrase', location: path.join(folder, 'vault.bin') });
    expect(keychain.calls).toEqual([]);
    expect(await coreApi(next).accounts.reveal({ id, secret: 'primaryKey' })).toMatchObject({
      ok: false,
      error: { code: 'vault_unavailable', message: expect.stringContaining('locked') },
    });
    const wrong = await coreApi(next).vault.open({ mode: 'passphrase', passphrase: 'wrong horse battery' });
    expect(wrong).toMatchObject({ ok: false, error: { code: 'invalid_input', issues: [{ path: 'passphrase' }] } });
    expect(await status(next)).toMatchObject({ state: 'locked' });
    expect(await coreApi(next).vault.open({ mode: 'passphrase', passphrase: 'correct horse battery' })).toMatchObject({
      ok: true,
      value: { state: 'open', secretCount: 1 },
    });
    expect(await coreApi(next).accounts.reveal({ id, secret: 'primaryKey' })).toMatchObject({ ok: true, value: { value: arr.primaryKey } });
  });

  it('refuses a passphrase vault in a folder that holds a keychain vault, and keeps the state it had', async () => {
    const keychain = createMemoryKeychain();
    await status(newCore(keychain));
    const broken = brokenKeychain('Cannot create an item in a locked collection');
    const core = newCore(broken);
    expect(await status(core)).toMatchObject({ state: 'unavailable', problem: 'keychain_locked', recordedMode: 'keychain' });
    const refused = await coreApi(core).vault.open({ mode: 'passphrase', passphrase: 'correct horse battery' });
    expect(refused).toMatchObject({
      ok: false,
      error: { code: 'vault_unavailable', message: expect.stringContaining('holds a keychain vault') },
    });
    expect(await status(core)).toMatchObject({ state: 'unavailable', problem: 'keychain_locked' });
  });

  it('refuses secret operations after close', async () => {
    const core = newCore(createMemoryKeychain());
    const added = await coreApi(core).accounts.add(arr);
    await core.close();
    const id = added.ok ? added.value.id : '';
    expect(await coreApi(core).accounts.reveal({ id, secret: 'primaryKey' })).toMatchObject({
      ok: false,
      error: { code: 'vault_unavailable' },
    });
    expect(await status(core)).toMatchObject({ state: 'unavailable' });
  });
});
