import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { ActivityEntry } from '../../../shared/activity.ts';
import type { AccountView } from '../../../shared/accounts.ts';
import { defaultScenario, secretServicePrincipal } from '../../../e2e/azure-emulator/test/emulator-fixtures.ts';
import { startEmulator, type RunningEmulator } from '../../../e2e/azure-emulator/server.ts';
import type { Core } from '../core.ts';
import { recordingClipboard } from '../test-support/recording-clipboard.ts';
import { coreApi, coreValues } from '../test-support/test-core.ts';
import { addEmulatorAccounts, addRenderPipeline, tokensCore, type EmulatorAccounts } from '../tokens/test-support/tokens-fixtures.ts';
import { AccessLog } from './access-log.ts';
import { accessLogFileName } from './data-folder-layout.ts';

/**
 * Each way a credential leaves the core (reveal, copy, export of account keys and tokens) writes one
 * access log entry naming it, its account or identity and its recipient, and never the value.
 */

let emulator: RunningEmulator;
let folder: string;
let core: Core;
let accounts: EmulatorAccounts;
const clipboard = recordingClipboard();
const secrets: string[] = [];
let out: string;

beforeAll(async () => {
  emulator = await startEmulator({ scenario: defaultScenario({ deviceCodeIntervalSeconds: 1 }) });
  folder = mkdtempSync(path.join(tmpdir(), 'azcred-activity-'));
  out = mkdtempSync(path.join(tmpdir(), 'azcred-activity-out-'));
  core = tokensCore(folder, { clipboard });
  accounts = await addEmulatorAccounts(core, emulator);
  for (const account of emulator.scenario.remoteRenderingAccounts) secrets.push(account.primaryKey, account.secondaryKey);
  secrets.push(emulator.acsConnectionString('contoso-acs-chat'), secretServicePrincipal.secret);
});

afterAll(async () => {
  await core.close();
  await emulator.close();
  rmSync(folder, { recursive: true, force: true });
  rmSync(out, { recursive: true, force: true });
});

/** The entries written by the calls `act` makes, oldest first. */
async function recordedBy(act: () => Promise<unknown>): Promise<ActivityEntry[]> {
  const before = new Set((await core.activity.list()).map((e) => e.id));
  await act();
  return (await core.activity.list()).filter((e) => !before.has(e.id)).reverse();
}

const logText = () => readFileSync(path.join(folder, accessLogFileName), 'utf8');
const api = () => coreValues(core);
const recipient = { front: 'test', pid: process.pid };
const accountOf = (a: AccountView) => ({ id: a.id, name: a.name });

describe('the access log records each credential handed out', () => {
  beforeEach(() => clipboard.calls.splice(0));

  it('records a revealed key as a reveal, and a reveal for the page’s copy or the CLI’s print as such, once each', async () => {
    const shown = await recordedBy(() => api().accounts.reveal({ id: accounts.westeurope.id, secret: 'primaryKey' }));
    expect(shown).toEqual([
      expect.objectContaining({
        action: 'reveal',
        kind: 'account-key',
        what: 'primary key of contoso-arr-westeurope',
        account: accountOf(accounts.westeurope),
        to: recipient,
      }),
    ]);
    const copied = await recordedBy(() => api().accounts.reveal({ id: accounts.chat.id, secret: 'connectionString', purpose: 'copy' }));
    expect(copied).toEqual([expect.objectContaining({ action: 'copy', kind: 'connection-string', account: accountOf(accounts.chat) })]);
    const printed = await recordedBy(() => api().accounts.reveal({ id: accounts.eastus.id, secret: 'secondaryKey', purpose: 'print' }));
    expect(printed).toEqual([expect.objectContaining({ action: 'print', what: 'secondary key of contoso-arr-eastus' })]);
  });

  it('records a key copied by the core before it reaches the clipboard', async () => {
    const entries = await recordedBy(() => api().accounts.copy({ id: accounts.fabrikam.id, secret: 'primaryKey' }));
    expect(clipboard.calls).toHaveLength(1);
    expect(entries).toEqual([expect.objectContaining({ action: 'copy', kind: 'account-key', account: accountOf(accounts.fabrikam) })]);
  });

  it('records nothing for a secret that was not handed out', async () => {
    const entries = await recordedBy(() => coreApi(core).accounts.reveal({ id: accounts.calls.id, secret: 'accessKey' }));
    expect(entries).toEqual([]);
  });

  it('records an export with keys once per account exported, and an export without keys not at all', async () => {
    const ids = [accounts.westeurope.id, accounts.chat.id];
    const withKeys = await recordedBy(() =>
      api().accounts.export({
        ids,
        includeSecrets: true,
        passphrase: 'a passphrase long enough to pass',
        path: path.join(out, 'keys.json'),
      }),
    );
    expect(withKeys).toEqual([
      expect.objectContaining({ action: 'export', kind: 'account-key', account: accountOf(accounts.westeurope) }),
      expect.objectContaining({ action: 'export', kind: 'connection-string', account: accountOf(accounts.chat) }),
    ]);
    expect(withKeys[0]?.what).toContain('keys.json');
    const without = await recordedBy(() => api().accounts.export({ ids, path: path.join(out, 'plain.json') }));
    expect(without).toEqual([]);
  });

  it('records a token revealed, printed, copied and exported, with its account, resource and id', async () => {
    const token = await api().tokens.mintArr({ accountId: accounts.westeurope.id, via: 'primaryKey' });
    const entries = await recordedBy(async () => {
      secrets.push((await api().tokens.reveal({ id: token.id })).value);
      await api().tokens.reveal({ id: token.id, purpose: 'print' });
      await api().tokens.copy({ id: token.id });
      await api().tokens.export({ id: token.id, format: 'env', path: path.join(out, 'token.env') });
      await api().tokens.export({ id: token.id, format: 'arrconfig', path: path.join(out, 'arrconfig.json') });
      await api().tokens.export({ id: token.id, format: 'shell', purpose: 'copy' });
    });
    expect(entries.map((e) => e.action)).toEqual(['reveal', 'print', 'copy', 'export', 'copy']);
    expect(entries[4]?.what).toContain('exported shell copied in the page');
    for (const entry of entries)
      expect(entry).toMatchObject({ kind: 'arr-sts', tokenId: token.id, account: accountOf(accounts.westeurope), to: recipient });
    expect(entries[3]?.what).toContain('token.env');
    const withKey = await recordedBy(() =>
      api().tokens.export({ id: token.id, format: 'arrconfig', includeAccountKey: true, path: path.join(out, 'arrconfig-key.json') }),
    );
    expect(withKey).toEqual([expect.objectContaining({ action: 'export', kind: 'account-key', account: accountOf(accounts.westeurope) })]);
    expect(
      await coreApi(core).tokens.export({ id: token.id, format: 'env', path: path.join(out, 'x.env'), purpose: 'copy' }),
    ).toMatchObject({
      ok: false,
      error: { code: 'invalid_input', message: expect.stringContaining('A file is saved, not copied') },
    });
  });

  it('names the identity an Entra token came through, and the resource it is for', async () => {
    const identity = await addRenderPipeline(core);
    const token = await api().tokens.mintEntra({ identityId: identity.id, scope: 'https://management.azure.com/.default' });
    const entries = await recordedBy(async () => secrets.push((await api().tokens.reveal({ id: token.id })).value));
    expect(entries).toEqual([
      expect.objectContaining({
        action: 'reveal',
        kind: 'entra',
        identity: { id: identity.id, name: identity.name },
        resource: expect.stringContaining('management'),
      }),
    ]);
  });

  it('holds none of the values it names', () => {
    const text = logText();
    expect(text.length).toBeGreaterThan(0);
    for (const secret of secrets) expect(text).not.toContain(secret);
  });
});

describe('activity.list', () => {
  it('filters by account name or id, identity and kind, newest first', async () => {
    const byName = await api().activity.list({ account: 'CONTOSO-ARR-WESTEUROPE' });
    expect(byName.entries.length).toBeGreaterThan(0);
    expect(byName.entries.every((e) => e.account?.id === accounts.westeurope.id)).toBe(true);
    const times = byName.entries.map((e) => e.time);
    expect([...times].sort().reverse()).toEqual(times);
    expect((await api().activity.list({ account: accounts.westeurope.id })).entries).toEqual(byName.entries);
    const entra = await api().activity.list({ kind: 'entra' });
    expect(entra.entries.length).toBeGreaterThan(0);
    expect(entra.entries.every((e) => e.kind === 'entra' && e.identity)).toBe(true);
    const identityName = entra.entries[0]?.identity?.name ?? '';
    expect((await api().activity.list({ identity: identityName })).entries).toEqual(entra.entries);
    expect((await api().activity.list({ since: new Date(Date.now() + 60_000).toISOString() })).entries).toEqual([]);
    expect((await api().activity.list({ limit: 2 })).entries).toHaveLength(2);
  });

  it('refuses a filter it cannot read, with words that say what it takes', async () => {
    expect(await coreApi(core).activity.list({ since: 'yesterday' })).toMatchObject({
      ok: false,
      error: { code: 'invalid_input', message: expect.stringContaining('2026-01-31T09:00:00Z') },
    });
  });

  it('lists a run as active from its start until its end, and not once its process has gone', async () => {
    const sessionId = 'run-test-1';
    const start = { action: 'run-start', kind: 'identity-endpoint', what: 'tokens for node app.js', sessionId } as const;
    await core.activity.record(start, { program: 'node app.js' });
    const active = await api().activity.list();
    expect(active.active).toEqual([expect.objectContaining({ id: sessionId, kind: 'run', start: expect.objectContaining(start) })]);
    await core.activity.record({ ...start, action: 'run-end' });
    expect((await api().activity.list()).active).toEqual([]);

    const gone = await exitedPid();
    const other = new AccessLog({ dataFolder: folder, recipient: { front: 'cli', pid: gone, command: 'azcred serve acs NAME' } });
    await other.record({ action: 'server-start', kind: 'acs-token-server', what: 'ACS tokens', sessionId: 'server-gone' });
    expect((await api().activity.list()).active).toEqual([]);
  });
});

/** The pid of a process that has exited. */
function exitedPid(): Promise<number> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['-e', '']);
    child.on('error', reject);
    child.on('exit', () => resolve(child.pid ?? 0));
  });
}
