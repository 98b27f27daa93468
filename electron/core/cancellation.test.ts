import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import type { IdentityView } from '../../shared/identities.ts';
import type { Result } from '../../shared/result.ts';
import type { RunningEmulator } from '../../e2e/azure-emulator/server.ts';
import type { Core } from './core.ts';
import { coreApi, coreValues } from './test-support/test-core.ts';
import {
  addEmulatorAccounts,
  type EmulatorAccounts,
  emulatorAndCore,
  recordingRetry,
  resetAndCloseAfter,
  signInUser,
  westeuropeAccountId,
} from './tokens/test-support/tokens-fixtures.ts';

/**
 * calls.cancel, the one cancellation: each kind of long call, given an operationId and cancelled
 * while Azure is slow to answer, ends with `cancelled` at once and leaves nothing half-written.
 */

let emulator: RunningEmulator;
let folder: string;
let core: Core;
let accounts: EmulatorAccounts;
let alex: IdentityView;
const retry = recordingRetry();

beforeAll(async () => {
  ({ emulator, folder, core } = await emulatorAndCore('azcred-cancellation-', retry));
  accounts = await addEmulatorAccounts(core, emulator);
  alex = await signInUser(core, emulator, 'alex.wilber');
}, 60_000);
resetAndCloseAfter(() => ({ emulator, core, folders: [folder] }), retry);

/** Starts the call, cancels it while it waits on the slow service, and returns how it ended and how long that took. */
async function cancelledMidway(start: (operationId: string) => Promise<Result<unknown>>): Promise<{ result: Result<unknown>; ms: number }> {
  const operationId = randomUUID();
  const started = Date.now();
  const pending = start(operationId);
  await new Promise((resolve) => setTimeout(resolve, 300));
  expect(await coreValues(core).calls.cancel({ operationId })).toEqual({ cancelled: true });
  const result = await pending;
  expect(await coreValues(core).calls.cancel({ operationId }), 'nothing runs under the id once it ended').toEqual({ cancelled: false });
  return { result, ms: Date.now() - started };
}

const slow = { kind: 'slow', delayMs: 4000, times: 5 } as const;

describe('calls.cancel', () => {
  it('stops an ARR token being minted, and no token is listed', async () => {
    const before = await coreValues(core).tokens.list();
    emulator.faults.add({ service: 'sts', ...slow });
    const { result, ms } = await cancelledMidway((operationId) =>
      coreApi(core).tokens.mintArr({ accountId: accounts.westeurope.id, via: 'primaryKey', operationId }),
    );
    expect(result).toMatchObject({ ok: false, error: { code: 'cancelled' } });
    expect(ms).toBeLessThan(2000);
    expect(await coreValues(core).tokens.list()).toEqual(before);
  });

  it("stops an ACS identity's revoke and its delete, and the identity stays as it was", async () => {
    const { identity } = await coreValues(core).acsIdentities.create({ accountId: accounts.chat.id, label: 'cancel me' });
    emulator.faults.add({ service: 'acs', ...slow });
    const revoke = await cancelledMidway((operationId) => coreApi(core).acsIdentities.revoke({ id: identity.id, operationId }));
    expect(revoke.result).toMatchObject({ ok: false, error: { code: 'cancelled' } });
    const removal = await cancelledMidway((operationId) => coreApi(core).acsIdentities.delete({ id: identity.id, operationId }));
    expect(removal.result).toMatchObject({ ok: false, error: { code: 'cancelled' } });
    expect(await coreValues(core).acsIdentities.list({ accountId: accounts.chat.id })).toContainEqual({
      ...identity,
      tokensRevokedAt: null,
    });
  });

  it('stops a device-code sign-in under way by its operationId, and no identity is added', async () => {
    const before = await coreValues(core).identities.list();
    const started = await coreValues(core).identities.signIn({ method: 'device-code', cloud: 'AzureEmulator' });
    expect(await coreValues(core).calls.cancel({ operationId: started.operationId })).toEqual({ cancelled: true });
    expect(await coreApi(core).identities.waitSignIn({ operationId: started.operationId, waitSeconds: 5 })).toMatchObject({
      ok: false,
      error: { code: 'cancelled' },
    });
    expect(await coreValues(core).identities.list()).toEqual(before);
  });

  it('stops resource discovery while Resource Manager is slow', async () => {
    emulator.faults.add({ service: 'arm', ...slow });
    const { result, ms } = await cancelledMidway((operationId) => coreApi(core).discovery.resources({ identityId: alex.id, operationId }));
    expect(result).toMatchObject({ ok: false, error: { code: 'cancelled' } });
    expect(ms).toBeLessThan(2000);
  });

  it('stops a role audit, and no report is kept as the last audit', async () => {
    emulator.faults.add({ service: 'arm', ...slow });
    const { result, ms } = await cancelledMidway((operationId) =>
      coreApi(core).roles.audit({ identityIds: [alex.id], accountIds: [accounts.westeurope.id], operationId }),
    );
    expect(result).toMatchObject({ ok: false, error: { code: 'cancelled' } });
    expect(ms).toBeLessThan(2000);
    expect(await coreValues(core).roles.lastAudit()).toBeNull();
  });

  it('stops a key rotation before Azure changes the key: the stored key and the key at Azure stay the same', async () => {
    const stored = (await coreValues(core).accounts.reveal({ id: accounts.westeurope.id, secret: 'primaryKey' })).value;
    const atAzure = emulator.scenario.remoteRenderingAccounts.find((a) => a.accountId === westeuropeAccountId)?.primaryKey;
    expect(atAzure).toBe(stored);
    emulator.faults.add({ service: 'arm', ...slow });
    const { result } = await cancelledMidway((operationId) =>
      coreApi(core).accounts.rotateKey({ id: accounts.westeurope.id, key: 'primary', identityId: alex.id, operationId }),
    );
    expect(result).toMatchObject({ ok: false, error: { code: 'cancelled' } });
    emulator.faults.clear();
    expect((await coreValues(core).accounts.reveal({ id: accounts.westeurope.id, secret: 'primaryKey' })).value).toBe(stored);
    expect(emulator.scenario.remoteRenderingAccounts.find((a) => a.accountId === westeuropeAccountId)?.primaryKey).toBe(stored);
    expect((await coreValues(core).accounts.list()).find((a) => a.id === accounts.westeurope.id)).not.toHaveProperty(
      'keysRotatedAt.primary',
    );
  });
});
