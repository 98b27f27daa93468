import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { CoreEvent } from '../../../shared/events.ts';
import { tokenView } from '../../../shared/test-support/token-view.ts';
import type { TokenView } from '../../../shared/tokens.ts';
import { defaultScenario } from '../../../e2e/azure-emulator/test/emulator-fixtures.ts';
import { startEmulator, type RunningEmulator } from '../../../e2e/azure-emulator/server.ts';
import { createCore } from '../core.ts';
import { coreValues, fastScrypt } from '../test-support/test-core.ts';
import { createMemoryKeychain } from '../vault/keychain.ts';
import { ExpiryNotifier } from './expiry-notifier.ts';
import { addEmulatorAccounts, manualClock, recordingRetry } from './test-support/tokens-fixtures.ts';

const minute = 60_000;
const start = Date.parse('2025-03-01T12:00:00.000Z');

/** A token titled by its id, so each warning names the one it is about. */
const token = (overrides: Partial<TokenView> & { id: string; expiresAt: string }) =>
  tokenView(start, { title: `ARR access token · ${overrides.id}`, ...overrides });

const at = (minutesFromStart: number) => new Date(start + minutesFromStart * minute).toISOString();
const settle = async () => {
  for (let i = 0; i < 5; i++) await new Promise((resolve) => setImmediate(resolve));
};

/** A notifier over a list the test changes, on a manual clock, recording what it shows. */
async function harness(initial: TokenView[], warningMinutes = 10) {
  const clock = manualClock(start);
  const shown: { title: string; body: string }[] = [];
  let tokens = initial;
  const notifier = new ExpiryNotifier({
    clock,
    list: async () => tokens,
    warningMinutes: () => warningMinutes,
    notify: (title, body) => shown.push({ title, body }),
    scanMs: 30_000,
  });
  notifier.start();
  await settle();
  return {
    clock,
    shown,
    notifier,
    set: (next: TokenView[]) => (tokens = next),
    advance: async (ms: number) => {
      clock.advance(ms);
      await settle();
    },
  };
}

describe('the expiry notifier', () => {
  it('warns once, the warning time before the token expires, and not a moment earlier', async () => {
    const h = await harness([token({ id: 'a', expiresAt: at(60) })]);
    await h.advance(50 * minute - 1);
    expect(h.shown).toEqual([]);
    await h.advance(1);
    expect(h.shown).toEqual([
      {
        title: 'ARR access token expires in 10 minutes',
        body: 'ARR access token · a. Mint a new one on the Tokens page, or turn on its auto-refresh.',
      },
    ]);
    await h.advance(20 * minute);
    expect(h.shown).toHaveLength(1);
    h.notifier.stop();
  });

  it('waits for a thousand tokens with one timer besides its next look, and still warns about each at its own time', async () => {
    const many = Array.from({ length: 1000 }, (_, i) => token({ id: `t${i}`, expiresAt: at(20 + i) }));
    const h = await harness(many);
    // Before, each token had a timer of its own, holding its token: a thousand in browser mode's host.
    expect(h.clock.pending()).toBe(2);
    await h.advance(10 * minute);
    expect(h.shown.map((s) => s.body.split('. ')[0])).toEqual(['ARR access token · t0']);
    await h.advance(2 * minute);
    expect(h.shown.map((s) => s.body.split('. ')[0])).toEqual(['ARR access token · t0', 'ARR access token · t1', 'ARR access token · t2']);
    expect(h.clock.pending()).toBe(2);
    h.notifier.stop();
    expect(h.clock.pending()).toBe(0);
  });

  it('leaves out revoked tokens, tokens without a value, auto-refresh tokens and expired ones', async () => {
    const h = await harness([
      token({ id: 'revoked', expiresAt: at(20), revoked: true }),
      token({ id: 'gone', expiresAt: at(20), hasValue: false }),
      token({ id: 'refreshing', expiresAt: at(20), autoRefresh: true }),
      token({ id: 'expired', expiresAt: at(-1) }),
    ]);
    await h.advance(30 * minute);
    expect(h.shown).toEqual([]);
    h.notifier.stop();
  });

  it('warns at once about a token first seen inside its warning time', async () => {
    const h = await harness([token({ id: 'short', expiresAt: at(3) })]);
    await h.advance(0);
    expect(h.shown.map((s) => s.title)).toEqual(['ARR access token expires in 3 minutes']);
    h.notifier.stop();
  });

  it('finds a token minted later on its next look, and forgets one removed before its warning', async () => {
    const h = await harness([token({ id: 'removed', expiresAt: at(15) })]);
    h.set([token({ id: 'later', expiresAt: at(12) })]);
    await h.advance(30_000);
    await h.advance(2 * minute);
    expect(h.shown.map((s) => s.body)).toEqual([expect.stringContaining('· later.')]);
    h.notifier.stop();
  });

  it('does not warn about a token removed between its last look and its warning', async () => {
    const h = await harness([token({ id: 'x', expiresAt: at(10) + 1 })]);
    h.set([]);
    await h.advance(1);
    expect(h.shown).toEqual([]);
    h.notifier.stop();
  });

  it('warns again for a token refreshed by hand to a new expiry, once for each', async () => {
    const h = await harness([token({ id: 'r', expiresAt: at(11) })]);
    await h.advance(1 * minute);
    expect(h.shown).toHaveLength(1);
    h.set([token({ id: 'r', expiresAt: at(71) })]);
    await h.advance(30_000);
    await h.advance(60 * minute);
    expect(h.shown).toHaveLength(2);
    h.notifier.stop();
  });

  it('follows a change of the warning time in Settings', async () => {
    let warning = 10;
    const clock = manualClock(start);
    const shown: string[] = [];
    const notifier = new ExpiryNotifier({
      clock,
      list: async () => [token({ id: 'w', expiresAt: at(60) })],
      warningMinutes: () => warning,
      notify: (title) => shown.push(title),
    });
    notifier.start();
    await settle();
    warning = 30;
    clock.advance(30_000);
    await settle();
    clock.advance(30 * minute - 30_000);
    await settle();
    expect(shown).toEqual(['ARR access token expires in 30 minutes']);
    notifier.stop();
    expect(clock.pending()).toBe(0);
  });
});

describe('the expiry notifier in the core', () => {
  let emulator: RunningEmulator;
  const folders: string[] = [];
  beforeAll(async () => {
    emulator = await startEmulator({ scenario: defaultScenario() });
  });
  afterAll(async () => {
    await emulator.close();
    for (const folder of folders) rmSync(folder, { recursive: true, force: true });
  });

  it('notifies through the platform port, the Settings warning time before a minted token expires', async () => {
    const folder = mkdtempSync(path.join(tmpdir(), 'azcred-expiry-'));
    folders.push(folder);
    const clock = manualClock();
    const shown: string[] = [];
    const core = createCore({
      mode: 'test',
      dataFolder: { path: folder, source: 'AZCRED_HOME' },
      version: '0.0.0-test',
      vault: { keychain: createMemoryKeychain(), scryptParams: fastScrypt },
      platform: { notify: (title, body) => shown.push(`${title}: ${body}`) },
      tokens: { clock, retry: recordingRetry().retry },
    });
    const events: CoreEvent[] = [];
    core.events.subscribe((event) => event.type.startsWith('token') && events.push(event));
    const accounts = await addEmulatorAccounts(core, emulator);
    await coreValues(core).settings.update({ expiryWarningMinutes: 15 });
    const minted = await coreValues(core).tokens.mintArr({ accountId: accounts.westeurope.id, via: 'primaryKey' });
    expect(events).toEqual([{ type: 'tokens.changed', reason: 'added', ids: [minted.id] }]);
    // The list reads tokens.json, so real time passes for each look.
    const pause = () => new Promise((resolve) => setTimeout(resolve, 150));
    clock.advance(30_000); // the notifier's next look finds the new token
    await pause();
    clock.advance(Date.parse(minted.expiresAt) - 15 * minute - clock.now() - 1);
    await pause();
    expect(shown).toEqual([]);
    clock.advance(1);
    await vi.waitFor(() => expect(shown).toHaveLength(1));
    expect(shown).toEqual([
      `ARR access token expires in 15 minutes: ${minted.title}. Mint a new one on the Tokens page, or turn on its auto-refresh.`,
    ]);
    // The same warning on the event stream, for the windows: the token's id, name and expiry, never its value.
    expect(events.at(-1)).toEqual({
      type: 'token.expiring',
      id: minted.id,
      kind: 'arr-sts',
      title: minted.title,
      expiresAt: minted.expiresAt,
    });
    await core.close();
  });

  it('in browser mode warns once a window listens and the token list has been read, and not before', async () => {
    const folder = mkdtempSync(path.join(tmpdir(), 'azcred-expiry-'));
    folders.push(folder);
    const options = {
      dataFolder: { path: folder, source: 'AZCRED_HOME' as const },
      version: '0.0.0-test',
      // One keychain for both processes, so the later one opens the vault the earlier one kept the token in.
      vault: { keychain: createMemoryKeychain(), scryptParams: fastScrypt },
      tokens: { retry: recordingRetry().retry },
    };
    // A token kept by an earlier run, inside a two-hour warning time from the start (ACS user tokens last at least an hour).
    const earlier = createCore({ mode: 'test', ...options });
    const account = (await addEmulatorAccounts(earlier, emulator)).chat;
    await coreValues(earlier).settings.update({ expiryWarningMinutes: 120 });
    await coreValues(earlier).tokens.mintAcs({
      accountId: account.id,
      newIdentity: { label: 'Carol' },
      scopes: ['chat'],
      minutes: 60,
      keep: true,
    });
    await earlier.close();

    const core = createCore({ mode: 'browser', ...options });
    const warnings: CoreEvent[] = [];
    core.events.subscribe((event) => event.type === 'token.expiring' && warnings.push(event));
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(warnings, 'a window on another page: the host has not read the token list').toEqual([]);
    await coreValues(core).tokens.list();
    await vi.waitFor(() =>
      expect(warnings).toEqual([
        expect.objectContaining({ type: 'token.expiring', kind: 'acs-user', title: expect.stringContaining('Carol') }),
      ]),
    );
    await core.close();
  });
});
