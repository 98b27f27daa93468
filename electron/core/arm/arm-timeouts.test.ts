import { beforeAll, describe, expect, it } from 'vitest';
import type { IdentityView } from '../../../shared/identities.ts';
import type { RunningEmulator } from '../../../e2e/azure-emulator/server.ts';
import type { Core } from '../core.ts';
import { capabilityOf, cellOf, westeuropeScope } from './role-audit/test-support/arm-fixtures.ts';
import { coreApi, coreValues } from '../test-support/test-core.ts';
import {
  addChatResource,
  emulatorAndCore,
  recordingRetry,
  resetAndCloseAfter,
  signInUser,
} from '../tokens/test-support/tokens-fixtures.ts';

/**
 * Azure Resource Manager that does not answer: discovery, import and the audit each end with
 * "did not answer within …, check the network", change nothing, and keep what did answer. The
 * policy's per-try timeout is cut to 0.8 s (30 s in the app), so three tries cost 2.4 s, not 90 s.
 */

let emulator: RunningEmulator;
let folder: string;
let core: Core;
let alex: IdentityView;
const retry = recordingRetry({ timeoutMs: 800 });
/** Longer than the three tries together, so an answer never arrives in time. */
const hang = { service: 'arm', kind: 'slow', delayMs: 5000 } as const;
const notInTime =
  'Azure Resource Manager did not answer within 0.8 s, on each of 3 tries. Check the network (a proxy or VPN?) and try again.';

beforeAll(async () => {
  ({ emulator, folder, core } = await emulatorAndCore('azcred-arm-timeouts-', retry, { importCloud: true }));
  alex = await signInUser(core, emulator, 'alex.wilber');
}, 60_000);
resetAndCloseAfter(() => ({ emulator, core, folders: [folder] }), retry);

describe('discovery when Azure Resource Manager does not answer', () => {
  it('ends with a message saying ARM did not answer in time and what to do', async () => {
    emulator.faults.add(hang);
    const result = await coreApi(core).discovery.resources({ identityId: alex.id });
    expect(result).toEqual({ ok: false, error: { code: 'azure_unavailable', message: notInTime } });
    expect(retry.waits).toHaveLength(2);
  });

  it('names the list that did not answer, and shows what the others found', async () => {
    emulator.faults.add({ ...hang, path: 'Microsoft.Communication/communicationServices' });
    const found = await coreValues(core).discovery.resources({ identityId: alex.id });
    expect(found.resources.map((r) => r.name).sort()).toEqual(['contoso-arr-eastus', 'contoso-arr-westeurope']);
    expect(found.problems).toEqual([
      `Could not list the Communication Services resources of the subscription Contoso Mixed Reality Dev: ${notInTime}`,
    ]);
  });

  it('imports nothing when listing the keys does not answer, rather than an account without them', async () => {
    emulator.faults.add({ ...hang, path: '/listKeys' });
    const result = await coreValues(core).discovery.import({ identityId: alex.id, resourceIds: [westeuropeScope] });
    expect(result).toEqual({
      imported: [],
      skipped: [{ resourceId: westeuropeScope, code: 'azure_unavailable', reason: notInTime, existingAccountId: null }],
    });
    expect(await coreValues(core).accounts.list()).toEqual([]);
  });
});

describe('the audit when Azure Resource Manager does not answer for one resource', () => {
  beforeAll(async () => {
    const found = await coreValues(core).discovery.resources({ identityId: alex.id });
    await coreValues(core).discovery.import({ identityId: alex.id, resourceIds: found.resources.map((r) => r.resourceId) });
  }, 30_000);

  it('marks that cell as could not be audited, with the reason, and audits the rest of the matrix', async () => {
    emulator.faults.add({ ...hang, path: 'contoso-arr-eastus/providers/Microsoft.Authorization/roleAssignments' });
    const report = await coreValues(core).roles.audit({});
    expect(report.cells).toHaveLength(4);
    const eastus = cellOf(report, alex, 'contoso-arr-eastus');
    expect(eastus).toMatchObject({ state: 'unreadable', problem: { code: 'azure_unavailable', message: notInTime }, capabilities: [] });
    const rest = report.cells.filter((c) => c !== eastus);
    expect(rest.map((c) => [c.state, c.roleNames])).toEqual(Array.from({ length: 3 }, () => ['audited', ['Owner']]));
    expect(capabilityOf(cellOf(report, alex, 'contoso-arr-westeurope'), 'arr.listKeys').granted).toBe(true);
    expect(report.resources.every((r) => r.resourceId !== null && r.problem === null)).toBe(true);
  });

  it('says an account added by hand was not found because a list did not answer, not that nobody can see it', async () => {
    const byHand = await addChatResource(core, emulator, 'chat by hand');
    emulator.faults.add({ ...hang, path: 'providers/Microsoft.Communication/communicationServices' });
    const report = await coreValues(core).roles.audit({ accountIds: [byHand.id] });
    const notFound =
      `This Communication Services resource was not found in Azure Resource Manager, but not every list could be read: Could not ` +
      `list the Communication Services resources of the subscription Contoso Mixed Reality Dev: ${notInTime}`;
    expect(report.resources).toEqual([expect.objectContaining({ accountId: byHand.id, resourceId: null, problem: notFound })]);
    expect(cellOf(report, alex, 'chat by hand')).toMatchObject({ state: 'unreadable', problem: { message: notFound } });
    // Key rotation finds the resource the same way, and says the same.
    const rotation = await coreApi(core).accounts.rotateKey({ id: byHand.id, key: 'secondary' });
    expect(rotation).toMatchObject({
      ok: false,
      error: {
        code: 'azure_unavailable',
        message: expect.stringContaining(`not every list could be read: Could not list the Communication Services resources`),
      },
    });
    emulator.faults.clear();
    // Once ARM answers, the audit finds it.
    const found = await coreValues(core).roles.audit({ accountIds: [byHand.id] });
    expect(found.resources[0]?.resourceId).toMatch(/contoso-acs-chat$/);
  });
});
