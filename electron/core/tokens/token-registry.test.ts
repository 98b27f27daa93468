import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { IdentityView } from '../../../shared/identities.ts';
import type { TokenView } from '../../../shared/tokens.ts';
import { defaultScenario } from '../../../e2e/azure-emulator/test/emulator-fixtures.ts';
import { startEmulator, type RunningEmulator } from '../../../e2e/azure-emulator/server.ts';
import type { Core } from '../core.ts';
import { recordingClipboard } from '../test-support/recording-clipboard.ts';
import { coreApi, coreValues } from '../test-support/test-core.ts';
import { createMemoryKeychain } from '../vault/keychain.ts';
import { keptTokensFileName } from './kept-tokens-file.ts';
import {
  addEmulatorAccounts,
  addRenderPipeline,
  filesOutsideVault,
  manualClock,
  recordingRetry,
  tokensCore,
} from './test-support/tokens-fixtures.ts';

let emulator: RunningEmulator;
const folders: string[] = [];
const cores: Core[] = [];

beforeAll(async () => {
  emulator = await startEmulator({ scenario: defaultScenario() });
});
afterEach(() => emulator.faults.clear());
afterAll(async () => {
  for (const core of cores) await core.close();
  await emulator.close();
  for (const folder of folders) rmSync(folder, { recursive: true, force: true });
});

function newFolder(): string {
  const folder = mkdtempSync(path.join(tmpdir(), 'azcred-token-registry-'));
  folders.push(folder);
  return folder;
}

function open(folder: string, options: Parameters<typeof tokensCore>[1] = {}): Core {
  const core = tokensCore(folder, options);
  cores.push(core);
  return core;
}

/** What the registry announces on the core's event stream (a change another process made, seen by the folder watch, has no ids). */
function tokenChanges(core: Core): string[] {
  const heard: string[] = [];
  core.events.subscribe((event) => {
    if (event.type === 'tokens.changed' && event.ids.length) heard.push(`${event.reason} ${event.ids.join(',')}`);
  });
  return heard;
}

const reveal = async (core: Core, id: string) => (await coreValues(core).tokens.reveal({ id })).value;

/** Polls the list until `done` holds for the token (a refresh runs in the background after the clock moves). */
async function waitFor(core: Core, id: string, done: (token: TokenView) => boolean): Promise<TokenView> {
  const until = Date.now() + 10_000;
  for (;;) {
    const token = (await coreValues(core).tokens.list()).find((t) => t.id === id);
    if (token && done(token)) return token;
    if (Date.now() > until) throw new Error(`token ${id} never reached the state: ${JSON.stringify(token)}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

describe('the token registry', () => {
  it('keeps a token across a restart when asked, and forgets one that was not kept', async () => {
    const folder = newFolder();
    const keychain = createMemoryKeychain();
    const first = open(folder, { keychain });
    const accounts = await addEmulatorAccounts(first, emulator);
    const kept = await coreValues(first).tokens.mintArr({ accountId: accounts.westeurope.id, via: 'primaryKey', keep: true });
    const unkept = await coreValues(first).tokens.mintArr({ accountId: accounts.westeurope.id, via: 'secondaryKey' });
    expect(kept.kept).toBe(true);
    const keptValue = await reveal(first, kept.id);
    const unkeptValue = await reveal(first, unkept.id);
    const file = readFileSync(path.join(folder, keptTokensFileName), 'utf8');
    expect(file).toContain(kept.id);
    expect(file).not.toContain(unkept.id);
    expect(await filesOutsideVault(folder)).not.toContain(keptValue);

    const second = open(folder, { keychain });
    const listed = await coreValues(second).tokens.list();
    expect(listed.map((t) => t.id)).toEqual([kept.id]);
    expect(listed[0]).toMatchObject({ kept: true, hasValue: true, title: kept.title, expiresAt: kept.expiresAt });
    expect(await reveal(second, kept.id)).toBe(keptValue);
    expect(await coreApi(second).tokens.reveal({ id: unkept.id })).toMatchObject({
      ok: false,
      error: { code: 'not_found', message: expect.stringContaining('not kept when the app restarted') },
    });

    // Back to memory only: this process still has it, the next one does not.
    expect(await coreValues(second).tokens.keep({ id: kept.id, keep: false })).toMatchObject({ kept: false, hasValue: true });
    expect(await reveal(second, kept.id)).toBe(keptValue);
    expect((await second.vault.require()).names('token/')).toEqual([]);
    expect(await coreValues(open(folder, { keychain })).tokens.list()).toEqual([]);
    expect(unkeptValue).not.toBe(keptValue);
  });

  it('removes a kept token with its value in the vault', async () => {
    const folder = newFolder();
    const core = open(folder);
    const heard = tokenChanges(core);
    const accounts = await addEmulatorAccounts(core, emulator);
    const token = await coreValues(core).tokens.mintArr({ accountId: accounts.eastus.id, via: 'primaryKey' });
    await coreValues(core).tokens.keep({ id: token.id, keep: true });
    expect((await core.vault.require()).names('token/')).toEqual([`token/${token.id}`]);
    await coreValues(core).tokens.remove({ id: token.id });
    expect(await coreValues(core).tokens.list()).toEqual([]);
    expect((await core.vault.require()).names('token/')).toEqual([]);
    expect(readFileSync(path.join(folder, keptTokensFileName), 'utf8')).not.toContain(token.id);
    expect(await coreApi(core).tokens.remove({ id: token.id })).toMatchObject({ ok: false, error: { code: 'not_found' } });
    expect(heard).toEqual([`added ${token.id}`, `changed ${token.id}`, `removed ${token.id}`]);
  });

  it('leaves a damaged tokens.json as it is and says how to recover', async () => {
    const folder = newFolder();
    writeFileSync(path.join(folder, keptTokensFileName), '{"version":1,"tokens":');
    const core = open(folder);
    expect(await coreApi(core).tokens.list()).toMatchObject({
      ok: false,
      error: { code: 'internal', message: expect.stringContaining(`Restore it from ${keptTokensFileName}.bak`) },
    });
    expect(readFileSync(path.join(folder, keptTokensFileName), 'utf8')).toBe('{"version":1,"tokens":');
  });

  it('shows a token as valid, expiring within the warning time, then expired, on the clock', async () => {
    const clock = manualClock();
    const core = open(newFolder(), { clock });
    const accounts = await addEmulatorAccounts(core, emulator);
    await coreValues(core).settings.update({ expiryWarningMinutes: 30 });
    const token = await coreValues(core).tokens.mintArr({ accountId: accounts.westeurope.id, via: 'primaryKey' });
    expect(token.status).toBe('valid');
    clock.advance(Date.parse(token.expiresAt) - clock.now() - 29 * 60_000);
    expect((await coreValues(core).tokens.setAutoRefresh({ id: token.id, on: false })).status).toBe('expiring');
    clock.advance(30 * 60_000);
    const expired = (await coreValues(core).tokens.list())[0];
    expect(expired).toMatchObject({ status: 'expired', now: new Date(clock.now()).toISOString() });
  });

  it('re-mints an auto-refresh token before it expires, and keeps the new value when the token is kept', async () => {
    const clock = manualClock();
    const folder = newFolder();
    const keychain = createMemoryKeychain();
    const core = open(folder, { clock, keychain });
    const accounts = await addEmulatorAccounts(core, emulator);
    const token = await coreValues(core).tokens.mintArr({
      accountId: accounts.westeurope.id,
      via: 'primaryKey',
      keep: true,
      autoRefresh: true,
    });
    // Settings' default warning is 10 minutes: the re-mint is due then.
    expect(Date.parse(token.nextRefreshAt ?? '')).toBe(Date.parse(token.expiresAt) - 10 * 60_000);
    const before = await reveal(core, token.id);

    clock.advance(Date.parse(token.nextRefreshAt ?? '') - clock.now() - 1000);
    expect(await reveal(core, token.id)).toBe(before);
    clock.advance(1000);
    const refreshed = await waitFor(core, token.id, (t) => t.lastRefresh !== null);
    expect(refreshed.lastRefresh).toMatchObject({ ok: true, message: null });
    const after = await reveal(core, token.id);
    expect(after).not.toBe(before);
    expect(Date.parse(refreshed.expiresAt)).toBeGreaterThanOrEqual(Date.parse(token.expiresAt));
    expect(refreshed.nextRefreshAt).not.toBeNull();
    expect(await reveal(open(folder, { keychain }), token.id)).toBe(after);

    await coreValues(core).tokens.setAutoRefresh({ id: token.id, on: false });
    expect(clock.pending()).toBe(0);
  });

  it('announces a re-mint on the event stream, so an open window shows the new expiry without asking', async () => {
    const clock = manualClock();
    const core = open(newFolder(), { clock });
    const heard = tokenChanges(core);
    const accounts = await addEmulatorAccounts(core, emulator);
    const token = await coreValues(core).tokens.mintArr({
      accountId: accounts.westeurope.id,
      via: 'primaryKey',
      autoRefresh: true,
    });
    clock.advance(Date.parse(token.nextRefreshAt ?? '') - clock.now());
    await waitFor(core, token.id, (t) => t.lastRefresh !== null);
    expect(heard).toEqual([`added ${token.id}`, `refreshed ${token.id}`]);
  });

  it('reports a failed refresh and tries again a minute later', async () => {
    const clock = manualClock();
    const core = open(newFolder(), { clock, retry: recordingRetry().retry });
    const accounts = await addEmulatorAccounts(core, emulator);
    const token = await coreValues(core).tokens.mintArr({
      accountId: accounts.westeurope.id,
      via: 'primaryKey',
      autoRefresh: true,
    });
    emulator.faults.add({ service: 'sts', kind: 'error', status: 503, times: 3 });
    clock.advance(Date.parse(token.nextRefreshAt ?? '') - clock.now());
    const failed = await waitFor(core, token.id, (t) => t.lastRefresh !== null);
    expect(failed.lastRefresh).toMatchObject({ ok: false, message: expect.stringContaining('failed with HTTP 503') });
    expect(Date.parse(failed.nextRefreshAt ?? '')).toBe(clock.now() + 60_000);
    clock.advance(60_000);
    const recovered = await waitFor(core, token.id, (t) => t.lastRefresh?.ok === true);
    expect(Date.parse(recovered.expiresAt)).toBeGreaterThanOrEqual(Date.parse(token.expiresAt));
    expect(recovered.nextRefreshAt).not.toBeNull();
  });

  it('refreshes a token now on request: a new value and expiry, announced; a failure is the answer and the old value stays', async () => {
    const clock = manualClock();
    const core = open(newFolder(), { clock, retry: recordingRetry().retry });
    const heard = tokenChanges(core);
    const accounts = await addEmulatorAccounts(core, emulator);
    const token = await coreValues(core).tokens.mintArr({ accountId: accounts.westeurope.id, via: 'primaryKey' });
    const before = await reveal(core, token.id);
    clock.advance(60_000);
    const refreshed = await coreValues(core).tokens.refresh({ id: token.id });
    expect(refreshed.lastRefresh).toMatchObject({ ok: true });
    expect(Date.parse(refreshed.expiresAt)).toBeGreaterThanOrEqual(Date.parse(token.expiresAt));
    const after = await reveal(core, token.id);
    expect(after).not.toBe(before);
    expect(heard).toEqual([`added ${token.id}`, `refreshed ${token.id}`]);
    // Not refreshing on its own, it is not scheduled by the refresh either.
    expect(clock.pending()).toBe(0);

    emulator.faults.add({ service: 'sts', kind: 'error', status: 503, times: 3 });
    expect(await coreApi(core).tokens.refresh({ id: token.id })).toMatchObject({
      ok: false,
      error: { message: expect.stringContaining('failed with HTTP 503') },
    });
    expect(await reveal(core, token.id)).toBe(after);
    expect((await coreValues(core).tokens.list())[0]?.lastRefresh).toMatchObject({ ok: false });
  });

  it('copies a token in the core and clears the clipboard later; a front door without one refuses', async () => {
    const clipboard = recordingClipboard();
    const core = open(newFolder(), { clipboard });
    const accounts = await addEmulatorAccounts(core, emulator);
    const token = await coreValues(core).tokens.mintArr({ accountId: accounts.westeurope.id, via: 'primaryKey' });
    expect(await coreValues(core).tokens.copy({ id: token.id })).toEqual({ clearsAfterSeconds: 30 });
    expect(clipboard.text).toBe(await reveal(core, token.id));
    await core.clipboard?.clearNow();
    expect(clipboard.text).toBe('');
    const without = open(newFolder());
    expect(await coreApi(without).tokens.copy({ id: token.id })).toMatchObject({ ok: false });
  });

  it('decodes the claims for the inspector, without the signature', async () => {
    const core = open(newFolder());
    const accounts = await addEmulatorAccounts(core, emulator);
    const token = await coreValues(core).tokens.mintArr({ accountId: accounts.westeurope.id, via: 'primaryKey' });
    const claims = await coreValues(core).tokens.claims({ id: token.id });
    expect(claims.header).toMatchObject({ alg: 'RS256' });
    expect(claims.claims).toMatchObject({ aid: '35d830cb-f062-4062-9792-d6316039df56', apr: 'westeurope' });
    const signature = (await reveal(core, token.id)).split('.')[2] ?? '';
    expect(JSON.stringify(claims)).not.toContain(signature);
  });
});

describe('auto-refresh of Entra tokens', () => {
  let shortLived: RunningEmulator;
  beforeAll(async () => {
    shortLived = await startEmulator({ scenario: defaultScenario({ accessTokenSeconds: 4 }) });
  });
  afterAll(() => shortLived.close());

  it("re-mints a short-lived Entra token before it expires (inside MSAL's renewal window)", async () => {
    const core = open(newFolder());
    await addEmulatorAccounts(core, shortLived);
    const pipeline: IdentityView = await addRenderPipeline(core);
    const token = await coreValues(core).tokens.mintEntra({
      identityId: pipeline.id,
      scope: 'https://management.azure.com/.default',
      autoRefresh: true,
    });
    expect(Date.parse(token.expiresAt) - Date.parse(token.issuedAt)).toBe(4000);
    expect(Date.parse(token.nextRefreshAt ?? '')).toBeLessThan(Date.parse(token.expiresAt));
    const before = await reveal(core, token.id);
    const refreshed = await waitFor(core, token.id, (t) => t.lastRefresh !== null);
    expect(refreshed.lastRefresh).toMatchObject({ ok: true });
    expect(await reveal(core, token.id)).not.toBe(before);
    expect(Date.parse(refreshed.expiresAt)).toBeGreaterThan(Date.parse(token.expiresAt));
  });
});
