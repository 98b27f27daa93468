import { rmSync } from 'node:fs';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { IdentityView } from '../../../../shared/identities.ts';
import { contosoSubscription, contosoTenantId } from '../../../../e2e/azure-emulator/test/emulator-fixtures.ts';
import type { RunningEmulator } from '../../../../e2e/azure-emulator/server.ts';
import type { Core } from '../../core.ts';
import { coreApi, coreValues } from '../../test-support/test-core.ts';
import { emulatorAndCore, recordingRetry, signInUser } from '../../tokens/test-support/tokens-fixtures.ts';
import { fabrikamAccountScope, westeuropeScope } from '../role-audit/test-support/arm-fixtures.ts';

let emulator: RunningEmulator;
let folder: string;
let core: Core;
let alex: IdentityView;
let adele: IdentityView;
let isaiah: IdentityView;
let nestor: IdentityView;
const retry = recordingRetry({ timeoutMs: 2000 });

const mr = `/subscriptions/${contosoSubscription}/resourceGroups/rg-mixed-reality/providers/Microsoft.MixedReality/remoteRenderingAccounts`;
const acs = `/subscriptions/${contosoSubscription}/resourceGroups/rg-communication/providers/Microsoft.Communication/communicationServices`;
const eastusScope = `${mr}/contoso-arr-eastus`;
const chatScope = `${acs}/contoso-acs-chat`;
const callsScope = `${acs}/contoso-acs-calls`;

beforeAll(async () => {
  ({ emulator, folder, core } = await emulatorAndCore('azcred-discovery-', retry, { importCloud: true }));
  alex = await signInUser(core, emulator, 'alex.wilber');
  adele = await signInUser(core, emulator, 'adele.vance');
  isaiah = await signInUser(core, emulator, 'isaiah.langer');
  nestor = await signInUser(core, emulator, 'nestor.wilke');
}, 60_000);
afterEach(() => {
  emulator.faults.clear();
  emulator.scenario.settings.armPageSize = 5;
});
afterAll(async () => {
  await core.close();
  await emulator.close();
  rmSync(folder, { recursive: true, force: true });
});

const discover = (identity: IdentityView) => coreValues(core).discovery.resources({ identityId: identity.id });
const importAs = (identity: IdentityView, resourceIds: string[]) =>
  coreValues(core).discovery.import({ identityId: identity.id, resourceIds });
const scenarioArr = (name: string) => emulator.scenario.remoteRenderingAccounts.find((a) => a.name === name);

describe('resource discovery', () => {
  it('lists the subscriptions, Remote Rendering accounts and Communication Services resources an identity can see', async () => {
    const found = await discover(adele);
    expect(found.identity).toEqual({ id: adele.id, name: 'adele.vance@contoso.onmicrosoft.com' });
    expect(found.subscriptions).toEqual([
      { subscriptionId: contosoSubscription, displayName: 'Contoso Mixed Reality Dev', tenantId: contosoTenantId, state: 'Enabled' },
    ]);
    expect(found.problems).toEqual([]);
    expect(found.resources.map((r) => r.name).sort()).toEqual([
      'contoso-acs-calls',
      'contoso-acs-chat',
      'contoso-arr-eastus',
      'contoso-arr-westeurope',
    ]);
    expect(found.resources.find((r) => r.name === 'contoso-arr-westeurope')).toEqual({
      kind: 'arr',
      resourceId: westeuropeScope,
      name: 'contoso-arr-westeurope',
      location: 'westeurope',
      subscriptionId: contosoSubscription,
      resourceGroup: 'rg-mixed-reality',
      accountId: '35d830cb-f062-4062-9792-d6316039df56',
      accountDomain: 'westeurope.mixedreality.azure.com',
      alreadyImportedAs: null,
    });
    expect(found.resources.find((r) => r.name === 'contoso-acs-chat')).toMatchObject({
      kind: 'acs',
      endpoint: `${emulator.urls.acs['contoso-acs-chat'] ?? ''}/`,
      resourceGroup: 'rg-communication',
    });
    // Isaiah reads only rg-mixed-reality (through his group); Nestor only Fabrikam's subscription.
    expect((await discover(isaiah)).resources.map((r) => r.name).sort()).toEqual(['contoso-arr-eastus', 'contoso-arr-westeurope']);
    expect((await discover(nestor)).resources.map((r) => r.resourceId)).toEqual([fabrikamAccountScope]);
  });

  it('follows nextLink through every page of every list', async () => {
    emulator.scenario.settings.armPageSize = 1;
    const found = await discover(alex);
    expect(found.resources).toHaveLength(4);
    expect(found.problems).toEqual([]);
  });

  it('shows a list that failed as a problem in words, and the rest of what it found', async () => {
    emulator.faults.add({ service: 'arm', kind: 'error', status: 500, path: 'Microsoft.Communication/communicationServices', times: 3 });
    const found = await discover(alex);
    expect(found.resources.map((r) => r.kind)).toEqual(['arr', 'arr']);
    expect(found.problems).toEqual([expect.stringContaining('Azure Resource Manager failed with HTTP 500 on each of 3 tries')]);
  });
});

describe('importing discovered resources', () => {
  it('imports for Entra ID use, and says why, when the identity may not list keys', async () => {
    const result = await importAs(adele, [westeuropeScope, callsScope]);
    expect(result.skipped).toEqual([]);
    const [arr, acsResource] = result.imported;
    expect(arr).toMatchObject({
      resourceId: westeuropeScope,
      kind: 'arr',
      withKeys: false,
      account: {
        kind: 'arr',
        name: 'contoso-arr-westeurope',
        hasPrimaryKey: false,
        hasSecondaryKey: false,
        resourceId: westeuropeScope,
        cloud: 'AzureEmulator',
      },
    });
    expect(arr?.reason).toBe(
      'This identity may not list keys (needs Microsoft.MixedReality/remoteRenderingAccounts/listKeys/action, e.g. ' +
        'Contributor): imported for Entra ID use.',
    );
    expect(acsResource).toMatchObject({
      withKeys: false,
      account: { kind: 'acs', hasAccessKey: false, endpoint: `${emulator.urls.acs['contoso-acs-calls'] ?? ''}/` },
    });
    expect(acsResource?.reason).toBe(
      'This identity may not list keys (needs Microsoft.Communication/communicationServices/listKeys/action, e.g. Communication ' +
        'and Email Service Owner): imported for Entra ID use.',
    );
    // Entra-only is enough for Adele, who holds Remote Rendering Administrator on the account.
    await expect(
      coreValues(core).tokens.mintArr({ accountId: arr?.account.id ?? '', via: { identityId: adele.id } }),
    ).resolves.toMatchObject({
      kind: 'arr-sts',
    });
  });

  it('brings the keys into the vault when the identity may list them', async () => {
    const result = await importAs(alex, [eastusScope, chatScope]);
    expect(result.imported.map((i) => [i.account.name, i.withKeys, i.reason])).toEqual([
      ['contoso-arr-eastus', true, null],
      ['contoso-acs-chat', true, null],
    ]);
    const [arr, chat] = result.imported.map((i) => i.account);
    expect(arr).toMatchObject({
      hasPrimaryKey: true,
      hasSecondaryKey: true,
      accountId: '8a2d6a1f-3c4b-4d5e-9f60-7a8b9c0d1e2f',
      accountDomain: 'eastus.mixedreality.azure.com',
      resourceId: eastusScope,
    });
    expect(chat).toMatchObject({ hasAccessKey: true, accessKeySlot: 'primary', resourceId: chatScope });
    expect(await coreValues(core).accounts.reveal({ id: arr?.id ?? '', secret: 'secondaryKey' })).toMatchObject({
      value: scenarioArr('contoso-arr-eastus')?.secondaryKey,
    });
    expect(await coreValues(core).accounts.reveal({ id: chat?.id ?? '', secret: 'connectionString' })).toMatchObject({
      value: emulator.acsConnectionString('contoso-acs-chat'),
    });
    expect(JSON.stringify(result)).not.toContain(scenarioArr('contoso-arr-eastus')?.primaryKey);
  });

  it('marks what is already an account here, and does not import it twice', async () => {
    const manual = await coreValues(core).accounts.add({
      kind: 'arr',
      name: 'Fabrikam by hand',
      accountId: scenarioArr('fabrikam-arr')?.accountId ?? '',
      accountDomain: 'mixedreality.azure.com',
      cloud: 'AzureEmulator',
    });
    const seen = await discover(nestor);
    expect(seen.resources[0]?.alreadyImportedAs).toEqual({ id: manual.id, name: 'Fabrikam by hand' });
    const again = await importAs(nestor, [fabrikamAccountScope]);
    expect(again).toEqual({
      imported: [],
      skipped: [
        {
          resourceId: fabrikamAccountScope,
          code: 'conflict',
          reason: 'fabrikam-arr is already an account here: "Fabrikam by hand".',
          existingAccountId: manual.id,
        },
      ],
    });
    // The account added by hand now knows its resource.
    expect((await coreValues(core).accounts.list()).find((a) => a.id === manual.id)?.resourceId).toBe(fabrikamAccountScope);
    const byAlex = await discover(alex);
    expect(byAlex.resources.find((r) => r.resourceId === westeuropeScope)?.alreadyImportedAs).toMatchObject({
      name: 'contoso-arr-westeurope',
    });
    expect((await importAs(alex, [westeuropeScope])).skipped).toEqual([expect.objectContaining({ code: 'conflict' })]);
  });

  it('words ARM refusals: no right to read (naming the action and roles), another tenant, no such resource, not a resource id', async () => {
    const result = await importAs(alex, [fabrikamAccountScope, `${mr}/no-such-account`]);
    expect(result.imported).toEqual([]);
    expect(result.skipped[0]).toMatchObject({
      code: 'azure_unauthorized',
      reason: expect.stringContaining(
        'alex.wilber@contoso.onmicrosoft.com is signed in to a tenant other than the one that holds this subscription',
      ),
    });
    expect(result.skipped[1]).toMatchObject({ code: 'not_found', reason: expect.stringContaining('(ResourceNotFound)') });
    const refused = await importAs(isaiah, [chatScope]);
    expect(refused.skipped[0]?.code).toBe('azure_forbidden');
    expect(refused.skipped[0]?.reason).toBe(
      'isaiah.langer@contoso.onmicrosoft.com may not read the Communication Services resource contoso-acs-chat ' +
        '(AuthorizationFailed). That needs the permission Microsoft.Communication/communicationServices/read, which Communication ' +
        'and Email Service Owner, Reader, Contributor or Owner grant. Ask an Owner to assign the role (Access control (IAM) in the ' +
        'Azure portal); a new assignment can take a few minutes to apply.',
    );
    expect(await coreApi(core).discovery.import({ identityId: alex.id, resourceIds: ['/subscriptions/x/resourceGroups/y'] })).toMatchObject(
      { ok: false, error: { code: 'invalid_input', issues: [{ path: 'resourceIds.0' }] } },
    );
  });
});
