import { execFile } from 'node:child_process';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import type { AccountView } from '../../../shared/accounts.ts';
import { createCore, type Core } from '../core.ts';
import { coreValues } from '../test-support/test-core.ts';
import { accountsChild, callsInChild, childJob, valueOf, type ChildCall, type ChildOutput } from './test-support/calls-in-child.ts';
import { foldersForThisFile } from '../test-support/folder-per-test.ts';
import { roundAfterRoundTests, stressRounds } from '../test-support/round-after-round.ts';

// Integration with the real Secret Service that scripts/with-keyring.sh starts, and with real
// second processes (the CLI next to the app), each `node accounts-child.ts`.
const run = promisify(execFile);
const newFolder = foldersForThisFile('azcred-accounts-it-');
const itRoundAfterRound = roundAfterRoundTests(newFolder, { ms: 60_000, perRoundMs: 30_000 });

function withoutBus(): NodeJS.ProcessEnv {
  const env = { ...process.env };
  delete env['DBUS_SESSION_BUS_ADDRESS'];
  delete env['DISPLAY'];
  return env;
}

const key = (label: string) => Buffer.from(`it-${label}-key-material`).toString('base64');
const arrInput = (name: string, label = name) => ({
  kind: 'arr' as const,
  name,
  accountId: '6a1f0e9d-8c7b-4a5f-9e4d-3c2b1a0f9e8d',
  accountDomain: 'westeurope',
  primaryKey: key(label),
});
const realCore = (dataFolder: string): Core =>
  createCore({ mode: 'test', dataFolder: { path: dataFolder, source: 'AZCRED_HOME' }, version: '0.0.0-test' });

const noSecretService =
  'No Secret Service is running (gnome-keyring or KWallet). Start one, or choose a passphrase vault or a memory-only session in Settings.';
const lockedKeychain =
  'The keychain is locked. Unlock it (for example by signing in again or in Passwords and Keys) and retry, or choose a ' +
  'passphrase vault or a memory-only session in Settings.';

describe.runIf(process.platform === 'linux' && process.env['AZCRED_IN_KEYRING_SESSION'] === '1')('accounts with the real keychain', () => {
  it('keeps accounts and their keys for a new process, and sees what that process added', async () => {
    const folder = newFolder();
    const core = realCore(folder);
    const render = await coreValues(core).accounts.add({ ...arrInput('Render'), secondaryKey: key('render-2') });
    const chat = await coreValues(core).accounts.add({
      kind: 'acs',
      name: 'Chat',
      connectionString: `endpoint=https://chat.communication.azure.com/;accesskey=${key('chat')}`,
    });
    const { results } = await callsInChild(folder, [
      { method: 'accounts.list' },
      { method: 'accounts.reveal', input: { id: render.id, secret: 'secondaryKey' } },
      { method: 'accounts.reveal', input: { id: chat.id, secret: 'connectionString' } },
      { method: 'accounts.add', input: arrInput('Added by the CLI', 'cli') },
      { method: 'vault.status' },
    ]);
    expect(valueOf<AccountView[]>(results[0]).map((a) => a.name)).toEqual(['Chat', 'Render']);
    expect(valueOf(results[1])).toMatchObject({ value: key('render-2') });
    expect(valueOf(results[2])).toMatchObject({ value: `endpoint=https://chat.communication.azure.com/;accesskey=${key('chat')}` });
    expect(valueOf(results[4])).toMatchObject({ state: 'open', mode: 'keychain', secretCount: 4 });
    const added = valueOf<AccountView>(results[3]);
    expect(await coreValues(core).accounts.reveal({ id: added.id, secret: 'primaryKey' })).toMatchObject({ value: key('cli') });
    await core.close();
  });

  it("gives a second data folder none of the first one's accounts or keys", async () => {
    const first = realCore(newFolder());
    const render = await coreValues(first).accounts.add(arrInput('Render'));
    const { results } = await callsInChild(newFolder(), [
      { method: 'vault.status' },
      { method: 'accounts.list' },
      { method: 'accounts.reveal', input: { id: render.id, secret: 'primaryKey' } },
    ]);
    expect(valueOf(results[0])).toMatchObject({ state: 'open', secretCount: 0 });
    expect(valueOf(results[1])).toEqual([]);
    expect(results[2]).toMatchObject({ ok: false, error: { code: 'not_found' } });
    await first.close();
  });

  it('says no Secret Service is running, within the timeout, and an add saves nothing', async () => {
    const folder = newFolder();
    const { results, elapsedMs } = await callsInChild(
      folder,
      [{ method: 'vault.status' }, { method: 'accounts.add', input: arrInput('Render') }, { method: 'accounts.list' }],
      { env: withoutBus(), keychainTimeoutMs: 3000 },
    );
    expect(valueOf(results[0])).toEqual({
      state: 'unavailable',
      problem: 'no_secret_service',
      message: noSecretService,
      recordedMode: null,
    });
    expect(results[1]).toMatchObject({
      ok: false,
      error: { code: 'vault_unavailable', message: expect.stringContaining(noSecretService) },
    });
    expect(valueOf(results[2])).toEqual([]);
    expect(elapsedMs).toBeLessThan(3000);
    expect(readdirSync(folder)).toEqual(['settings.json']);
  });

  it('says the keychain is locked, keeps the account list, and saves nothing new', async () => {
    // A private session so locking its keyring cannot disturb the other tests' keyring.
    const folder = newFolder();
    const job = (calls: ChildCall[]) => `'${childJob(folder, calls, 3000)}'`;
    const script = `
      export XDG_DATA_HOME="$(mktemp -d)"
      eval "$(printf 'pw\\n' | gnome-keyring-daemon --unlock --components=secrets)" >/dev/null
      node ${accountsChild} ${job([{ method: 'accounts.add', input: arrInput('Before the lock') }])}
      gdbus call --session --dest org.freedesktop.secrets --object-path /org/freedesktop/secrets \\
        --method org.freedesktop.Secret.Service.Lock "['/org/freedesktop/secrets/collection/login']" >/dev/null
      node ${accountsChild} ${job([{ method: 'vault.status' }, { method: 'accounts.add', input: arrInput('After the lock') }, { method: 'accounts.list' }])}
      rm -rf "$XDG_DATA_HOME"`;
    const { stdout } = await run('dbus-run-session', ['--', 'bash', '-c', script], {
      env: { ...withoutBus(), AZCRED_LOG: 'silent' },
      timeout: 30_000,
    });
    const [before, locked] = stdout
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as ChildOutput);
    expect(before?.results[0]).toMatchObject({ ok: true });
    const accountsBefore = readFileSync(path.join(folder, 'accounts.json'));
    expect(valueOf(locked?.results[0])).toEqual({
      state: 'unavailable',
      problem: 'keychain_locked',
      message: lockedKeychain,
      recordedMode: 'keychain',
    });
    expect(locked?.results[1]).toMatchObject({
      ok: false,
      error: { code: 'vault_unavailable', message: expect.stringContaining(lockedKeychain) },
    });
    expect(valueOf<AccountView[]>(locked?.results[2]).map((a) => a.name)).toEqual(['Before the lock']);
    expect(locked?.elapsedMs).toBeLessThan(3000);
    expect(readFileSync(path.join(folder, 'accounts.json'))).toEqual(accountsBefore);
  });

  it('quarantines a damaged vault file in another process, with the account list intact', async () => {
    const folder = newFolder();
    const core = realCore(folder);
    const render = await coreValues(core).accounts.add({ ...arrInput('Render'), secondaryKey: key('render-2') });
    await coreValues(core).accounts.add({ kind: 'acs', name: 'Entra only', endpoint: 'https://calls.communication.azure.com' });
    await core.close();
    const file = path.join(folder, 'vault.bin');
    const bytes = readFileSync(file);
    bytes[bytes.length - 5]! ^= 0x80;
    writeFileSync(file, bytes);
    const { results } = await callsInChild(folder, [{ method: 'vault.status' }, { method: 'accounts.list' }]);
    expect(valueOf(results[0])).toMatchObject({
      state: 'open',
      secretCount: 0,
      quarantined: { problem: 'damaged', message: expect.stringContaining('Your account list is intact') },
    });
    const listed = valueOf<AccountView[]>(results[1]);
    expect(listed.map((a) => [a.name, a.secretsMissing])).toEqual([
      ['Entra only', []],
      ['Render', ['primaryKey', 'secondaryKey']],
    ]);
    expect(listed.find((a) => a.id === render.id)).toMatchObject({ hasPrimaryKey: true, hasSecondaryKey: true });
    expect(readdirSync(folder).some((name) => name.startsWith('vault.bin.corrupt-'))).toBe(true);
  });

  itRoundAfterRound('loses no account when three processes add fifteen each at once, round after round', async (folder) => {
    const writers = 3;
    const perWriter = 15;
    for (let round = 1; round <= stressRounds; round++) {
      const jobs = Array.from({ length: writers }, (_, w) =>
        callsInChild(
          folder,
          Array.from({ length: perWriter }, (_, i) => ({
            method: 'accounts.add',
            input: arrInput(`r${round} w${w} a${i}`, `${round}-${w}-${i}`),
          })),
        ),
      );
      const outputs = await Promise.all(jobs);
      const failures = outputs.flatMap((output) => output.results.filter((result) => !result.ok));
      expect(failures, JSON.stringify(failures[0])).toEqual([]);
      const { results } = await callsInChild(folder, [{ method: 'vault.status' }, { method: 'accounts.list' }]);
      const listed = valueOf<AccountView[]>(results[1]);
      expect(listed).toHaveLength(writers * perWriter * round);
      expect(listed.filter((a) => a.secretsMissing.length > 0)).toEqual([]);
      expect(valueOf(results[0])).toMatchObject({ secretCount: writers * perWriter * round, quarantined: null });
    }
    const core = realCore(folder);
    const last = (await coreValues(core).accounts.list()).find((a) => a.name === `r${stressRounds} w2 a14`);
    expect(await coreValues(core).accounts.reveal({ id: last?.id ?? '', secret: 'primaryKey' })).toMatchObject({
      value: key(`${stressRounds}-2-14`),
    });
    await core.close();
    // The access log holds the one reveal above.
    expect(readdirSync(folder).sort()).toEqual([
      'access-log.jsonl',
      'accounts.json',
      'accounts.json.bak',
      'backups',
      'settings.json',
      'vault.bin',
      'vault.json',
    ]);
  });
});
