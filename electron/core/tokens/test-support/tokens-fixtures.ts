import { mkdtempSync, rmSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { setTimeout as sleepFor } from 'node:timers/promises';
import type { AccountView } from '../../../../shared/accounts.ts';
import type { CredentialForJob } from '../../../../shared/credentials-for-job.ts';
import type { IdentityView } from '../../../../shared/identities.ts';
import type { TokenView } from '../../../../shared/tokens.ts';
import {
  contosoTenantId,
  defaultScenario,
  enterDeviceCode,
  jwtClaims,
  secretServicePrincipal,
} from '../../../../e2e/azure-emulator/test/emulator-fixtures.ts';
import { startEmulator, type RunningEmulator } from '../../../../e2e/azure-emulator/server.ts';
import type { ClipboardPort } from '../../platform/clipboard.ts';
import type { Core } from '../../core.ts';
import { coreValues, testCore } from '../../test-support/test-core.ts';
import { createMemoryKeychain, type KeychainPort } from '../../vault/keychain.ts';
import type { Clock, TimerHandle } from '../../platform/clock.ts';
import { afterAll, afterEach, beforeAll, expect } from 'vitest';

/** Shared set-up for the token tests: a core with fast retries, the emulator's accounts, signed-in identities. */

export const westeuropeAccountId = '35d830cb-f062-4062-9792-d6316039df56';
export const eastusAccountId = '8a2d6a1f-3c4b-4d5e-9f60-7a8b9c0d1e2f';
export const fabrikamAccountId = '1c9e5f3a-7b2d-4e8f-a6c1-3d5b7f9e1a2c';

/** A clock that moves only when told; due timers fire in order on `advance`. */
export function manualClock(start = Date.now()): Clock & { advance(ms: number): void; pending(): number } {
  let now = start;
  let nextId = 0;
  const timers = new Map<number, { at: number; callback: () => void }>();
  return {
    now: () => now,
    setTimer(callback, ms) {
      const id = nextId++;
      timers.set(id, { at: now + Math.max(0, ms), callback });
      return { id };
    },
    clearTimer(handle: TimerHandle) {
      timers.delete(handle.id as number);
    },
    advance(ms) {
      now += ms;
      for (;;) {
        const due = [...timers.entries()].filter(([, t]) => t.at <= now).sort((a, b) => a[1].at - b[1].at)[0];
        if (!due) return;
        timers.delete(due[0]);
        due[1].callback();
      }
    },
    pending: () => timers.size,
  };
}

/** Waits the tests make the retry policy take are recorded and cut short, so a Retry-After of 5 s costs 20 ms. */
export function recordingRetry(policy: Partial<{ tries: number; timeoutMs: number; maxRetryAfterMs: number }> = {}) {
  const waits: number[] = [];
  return {
    waits,
    retry: {
      policy: { timeoutMs: 3000, baseDelayMs: 10, maxDelayMs: 40, ...policy },
      sleep: async (ms: number, signal?: AbortSignal) => {
        waits.push(ms);
        await sleepFor(Math.min(ms, 20), undefined, signal ? { signal } : {});
      },
    },
  };
}

/**
 * The hooks of a test file that shares one emulator and one core: after each test the faults it
 * added and the waits it recorded are gone; after all, the core and the emulator are closed and the
 * data folders removed. `state` is read when the hooks run, after `beforeAll` has set it up.
 */
export function resetAndCloseAfter(
  state: () => { emulator: RunningEmulator; core: Core; folders: readonly string[] },
  retry: ReturnType<typeof recordingRetry>,
): void {
  afterEach(() => {
    state().emulator.faults.clear();
    retry.waits.length = 0;
  });
  afterAll(async () => {
    const { core, emulator, folders } = state();
    await core.close();
    await emulator.close();
    for (const folder of folders) rmSync(folder, { recursive: true, force: true });
  });
}

/**
 * What the token and ARM tests start from: the emulator (sign-ins polling each second), a new data
 * folder named from `prefix`, and a tokens core on it whose retry waits `retry` records; with
 * `importCloud`, the emulator's cloud profile imported.
 */
export async function emulatorAndCore(
  prefix: string,
  retry: ReturnType<typeof recordingRetry>,
  options: { keychain?: KeychainPort; importCloud?: boolean } = {},
): Promise<{ emulator: RunningEmulator; folder: string; core: Core }> {
  const emulator = await startEmulator({ scenario: defaultScenario({ deviceCodeIntervalSeconds: 1 }) });
  const folder = mkdtempSync(path.join(tmpdir(), prefix));
  const core = tokensCore(folder, { retry: retry.retry, ...(options.keychain && { keychain: options.keychain }) });
  if (options.importCloud) await coreValues(core).clouds.import({ text: JSON.stringify(emulator.cloudProfile) });
  return { emulator, folder, core };
}

/** The emulator, data folder and core the tests of one file share; there from the file's first beforeAll on. */
export interface SharedEmulatorAndCore {
  readonly emulator: RunningEmulator;
  readonly folder: string;
  readonly core: Core;
}

/**
 * emulatorAndCore for the tests of the file that calls this: set up before the file's first test,
 * reset after each test and closed after the last (resetAndCloseAfter).
 */
export function emulatorAndCoreForThisFile(
  prefix: string,
  retry: ReturnType<typeof recordingRetry>,
  options: Parameters<typeof emulatorAndCore>[2] = {},
): SharedEmulatorAndCore {
  let started: SharedEmulatorAndCore | undefined;
  const set = (): SharedEmulatorAndCore => {
    if (!started) throw new Error('The shared emulator and core are not set up yet: read them in a test or a later beforeAll.');
    return started;
  };
  beforeAll(async () => {
    started = await emulatorAndCore(prefix, retry, options);
  });
  resetAndCloseAfter(() => ({ ...set(), folders: [set().folder] }), retry);
  return {
    get emulator() {
      return set().emulator;
    },
    get folder() {
      return set().folder;
    },
    get core() {
      return set().core;
    },
  };
}

/** testCore with a memory keychain unless told otherwise, and the retry policy's waits recorded and cut short. */
export function tokensCore(
  folder: string,
  options: { keychain?: KeychainPort; clock?: Clock; retry?: ReturnType<typeof recordingRetry>['retry']; clipboard?: ClipboardPort } = {},
): Core {
  return testCore(folder, {
    keychain: options.keychain ?? createMemoryKeychain(),
    ...(options.clipboard && { clipboard: options.clipboard }),
    tokens: { ...(options.clock && { clock: options.clock }), retry: options.retry ?? recordingRetry().retry },
  });
}

export interface EmulatorAccounts {
  westeurope: AccountView;
  eastus: AccountView;
  /** On the global domain mixedreality.azure.com. */
  fabrikam: AccountView;
  chat: AccountView;
  /** Added by endpoint only, for Entra ID. */
  calls: AccountView;
}

/** The emulator's chat ACS resource, added as `name` with its connection string (the emulator's cloud imported first). */
export function addChatResource(core: Core, emulator: RunningEmulator, name: string): Promise<AccountView> {
  const connectionString = emulator.acsConnectionString('contoso-acs-chat');
  return coreValues(core).accounts.add({ kind: 'acs', name, connectionString, cloud: 'AzureEmulator' });
}

/** Imports the emulator's cloud profile and adds its ARR accounts (with keys) and ACS resources. */
export async function addEmulatorAccounts(core: Core, emulator: RunningEmulator): Promise<EmulatorAccounts> {
  await coreValues(core).clouds.import({ text: JSON.stringify(emulator.cloudProfile) });
  const arr = async (name: string, accountId: string) => {
    const account = emulator.scenario.remoteRenderingAccounts.find((a) => a.accountId === accountId);
    if (!account) throw new Error(`The scenario has no ARR account ${accountId}`);
    return coreValues(core).accounts.add({
      kind: 'arr',
      name,
      accountId,
      accountDomain: account.accountDomain,
      cloud: 'AzureEmulator',
      primaryKey: account.primaryKey,
      secondaryKey: account.secondaryKey,
    });
  };
  return {
    westeurope: await arr('contoso-arr-westeurope', westeuropeAccountId),
    eastus: await arr('contoso-arr-eastus', eastusAccountId),
    fabrikam: await arr('fabrikam-arr', fabrikamAccountId),
    chat: await addChatResource(core, emulator, 'contoso-acs-chat'),
    calls: await coreValues(core).accounts.add({
      kind: 'acs',
      name: 'contoso-acs-calls',
      endpoint: `${emulator.urls.acs['contoso-acs-calls'] ?? ''}/`,
      cloud: 'AzureEmulator',
    }),
  };
}

/** The secret service principal: Remote Rendering Client on the East US account, Communication and Email Service Owner on
 * rg-communication. */
export function addRenderPipeline(core: Core): Promise<IdentityView> {
  return coreValues(core).identities.addServicePrincipal({
    cloud: 'AzureEmulator',
    tenant: contosoTenantId,
    clientId: secretServicePrincipal.appId,
    clientSecret: secretServicePrincipal.secret,
  });
}

/** Signs a scenario user in through the core's device-code flow, typing on the emulator's pages (enterDeviceCode) with plain HTTP forms. */
export async function signInUser(
  core: Core,
  emulator: RunningEmulator,
  userName: string,
  options: { clientId?: string } = {},
): Promise<IdentityView> {
  const restoreClient = options.clientId === undefined ? undefined : await useEmulatorClient(core, options.clientId);
  try {
    const started = await coreValues(core).identities.signIn({ method: 'device-code', cloud: 'AzureEmulator' });
    await enterDeviceCode(emulator, started.verificationUri ?? '', started.userCode ?? '', userName);
    for (;;) {
      const progress = await coreValues(core).identities.waitSignIn({ operationId: started.operationId, waitSeconds: 10 });
      if (progress.state === 'done') return progress.identity;
    }
  } finally {
    await restoreClient?.();
  }
}

/** Makes `clientId` the emulator cloud's sign-in app, as "use your own app registration" does; returns how to put the old one back. */
async function useEmulatorClient(core: Core, clientId: string): Promise<() => Promise<void>> {
  const cloud = (await coreValues(core).clouds.list()).find((c) => c.name === 'AzureEmulator');
  if (!cloud) throw new Error('No AzureEmulator cloud in this core');
  const before = cloud.publicClient;
  await coreValues(core).clouds.setPublicClient({ name: 'AzureEmulator', publicClient: { ...before, clientId } });
  return async () => void (await coreValues(core).clouds.setPublicClient({ name: 'AzureEmulator', publicClient: before }));
}

/** What the page shows when the user presses Reveal on a credential for the job: the key or token its answer names. */
export async function revealCredential(core: Core, { secret }: CredentialForJob): Promise<string> {
  const revealed =
    secret.kind === 'account'
      ? await coreValues(core).accounts.reveal({ id: secret.accountId, secret: secret.secret })
      : await coreValues(core).tokens.reveal({ id: secret.token.id });
  return revealed.value;
}

/** An answer that is an Entra token for `audience`, its JWT's aud saying the same. */
export async function expectEntraTokenFor(core: Core, credential: CredentialForJob, audience: string): Promise<void> {
  expect(credential).toMatchObject({ kind: 'entra-token', secret: { kind: 'token', token: { kind: 'entra', audience } } });
  expect(jwtClaims(await revealCredential(core, credential))['aud']).toBe(audience);
}

/** Every file in the data folder but the vault, as text: where no token may ever appear. */
export async function filesOutsideVault(folder: string): Promise<string> {
  const names = (await readdir(folder, { recursive: true })).filter((name) => !path.basename(name).startsWith('vault.bin'));
  const texts = await Promise.all(names.map((name) => readFile(path.join(folder, name), 'utf8').catch(() => '')));
  return texts.join('\n');
}

/**
 * Mints an Entra token for `scope` from `identityId` and checks what the list says of it: an Entra
 * token for that one scope and `audience`, from that identity, expiring when its JWT's exp says.
 */
export async function mintEntraToken(
  core: Core,
  { identityId, scope, audience }: { identityId: string; scope: string; audience: string },
): Promise<{ token: TokenView; claims: ReturnType<typeof jwtClaims> }> {
  const token = await coreValues(core).tokens.mintEntra({ identityId, scope });
  expect(token).toMatchObject({ kind: 'entra', scopes: [scope], audience, source: { via: { credential: 'entra', identityId } } });
  const claims = jwtClaims((await coreValues(core).tokens.reveal({ id: token.id })).value);
  expect(Date.parse(token.expiresAt)).toBe(Number(claims['exp']) * 1000);
  return { token, claims };
}
