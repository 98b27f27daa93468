import { AuthorizationManagementClient } from '@azure/arm-authorization';
import { CommunicationIdentityClient } from '@azure/communication-identity';
import type { AccessToken, TokenCredential } from '@azure/core-auth';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmulator } from '../server.ts';
import type { RunningEmulator } from '../server.ts';
import { isAllowed } from '../role-evaluation.ts';
import { contosoSubscription, defaultScenario, devRegistrationClientId, userAccessToken } from './emulator-fixtures.ts';

/** Management groups, deny assignments, PIM-eligible roles and ACS's built-in-only rule, read through Microsoft's own ARM SDK. */

let emulator: RunningEmulator;
const tokens: Record<string, string> = {};
const subscriptionScope = `/subscriptions/${contosoSubscription}`;
const managementGroupScope = '/providers/Microsoft.Management/managementGroups/contoso-root';
const westeurope = `${subscriptionScope}/resourceGroups/rg-mixed-reality/providers/Microsoft.MixedReality/remoteRenderingAccounts/contoso-arr-westeurope`;
const grady = 'a1f0e7c2-3b4d-4e5f-8a9b-0000000000a7';
const armScope = 'https://management.azure.com/.default';

beforeAll(async () => {
  emulator = await startEmulator({ scenario: defaultScenario() });
  for (const user of ['grady.archie', 'alex.wilber', 'adele.vance']) tokens[user] = await userAccessToken(emulator, user, armScope);
});
afterAll(() => emulator.close());

function client(userName: string): AuthorizationManagementClient {
  const credential: TokenCredential = {
    getToken: (): Promise<AccessToken> => Promise.resolve({ token: tokens[userName] ?? '', expiresOnTimestamp: Date.now() + 3_600_000 }),
  };
  return new AuthorizationManagementClient(credential, contosoSubscription, {
    endpoint: emulator.urls.arm,
    $host: emulator.urls.arm,
    credentialScopes: [armScope],
  });
}

async function all<T>(iterator: AsyncIterable<T>): Promise<T[]> {
  const items: T[] = [];
  for await (const item of iterator) items.push(item);
  return items;
}

const arm = (path: string, userName: string): Promise<Response> =>
  fetch(`${emulator.urls.arm}${path}`, { headers: { Authorization: `Bearer ${tokens[userName] ?? ''}` } });

describe('ARM above and beside role assignments', () => {
  it('lets an assignment at a management group reach the subscription and resources below it', async () => {
    const atResource = await all(
      client('grady.archie').roleAssignments.listForScope(westeurope, { filter: `atScope() and assignedTo('${grady}')` }),
    );
    const fromGroup = atResource.find((a) => a.scope === managementGroupScope);
    expect(fromGroup?.roleDefinitionId).toBe('/providers/Microsoft.Authorization/roleDefinitions/7c1e9b2a-5f3d-4a6e-8b0c-000000000001');
    const subscriptions = (await (await arm('/subscriptions?api-version=2022-12-01', 'grady.archie')).json()) as { value: unknown[] };
    expect(subscriptions.value).toHaveLength(1);
  });

  it('lists a deny assignment at and above a resource in the REST spec shape, and enforces it over a role that grants the action', async () => {
    const denied = await all(client('adele.vance').denyAssignments.listForScope(westeurope, { filter: `principalId eq '${grady}'` }));
    expect(denied).toHaveLength(1);
    expect(denied[0]).toMatchObject({
      denyAssignmentName: 'Keys stay with the platform team',
      principals: [{ id: grady, type: 'User' }],
      doNotApplyToChildScopes: false,
    });
    expect(denied[0]?.permissions?.[0]?.actions).toContain('Microsoft.MixedReality/remoteRenderingAccounts/listKeys/action');
    expect(await all(client('adele.vance').denyAssignments.listForScope(westeurope, { filter: 'atScope()' }))).toHaveLength(1);
    const keys = await fetch(`${emulator.urls.arm}${westeurope}/listKeys?api-version=2021-01-01`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${tokens['grady.archie'] ?? ''}` },
    });
    expect(keys.status).toBe(403);
    const read = await arm(`${westeurope}?api-version=2021-01-01`, 'grady.archie');
    expect(read.status).toBe(200);
  });

  it("lists a caller's own eligible roles with asTarget(), and another's by principalId to one who may read them", async () => {
    const own = await all(client('grady.archie').roleEligibilityScheduleInstances.listForScope(westeurope, { filter: 'asTarget()' }));
    expect(own).toHaveLength(1);
    expect(own[0]).toMatchObject({
      principalId: grady,
      scope: westeurope,
      status: 'Provisioned',
      roleDefinitionId: `${subscriptionScope}/providers/Microsoft.Authorization/roleDefinitions/d39065c4-c120-43c9-ab0a-63eed9795f0a`,
      expandedProperties: { roleDefinition: { displayName: 'Remote Rendering Client' } },
    });
    const forAlex = await all(
      client('alex.wilber').roleEligibilityScheduleInstances.listForScope(subscriptionScope, { filter: `principalId eq '${grady}'` }),
    );
    expect(forAlex.map((e) => e.name)).toEqual(['8c1d2e3f-4a5b-4c6d-9e70-000000000001']);
    const asReader = await arm(
      `${westeurope}/providers/Microsoft.Authorization/roleEligibilityScheduleInstances?api-version=2020-10-01&$filter=${encodeURIComponent(
        `principalId eq '${grady}'`,
      )}`,
      'grady.archie',
    );
    expect(asReader.status).toBe(200);
    const wrongFilter = await arm(
      `${westeurope}/providers/Microsoft.Authorization/roleEligibilityScheduleInstances?api-version=2020-10-01&$filter=bogus()`,
      'grady.archie',
    );
    expect(wrongFilter.status).toBe(400);
  });

  it('does not give an eligible role before it is activated: no render token for it', async () => {
    const render = await fetch(`${emulator.urls.arm}${westeurope}?api-version=2021-01-01`, {
      headers: { Authorization: `Bearer ${tokens['grady.archie'] ?? ''}` },
    });
    expect(render.status).toBe(200);
    const roles = await all(
      client('grady.archie').roleAssignments.listForScope(westeurope, { filter: `atScope() and assignedTo('${grady}')` }),
    );
    expect(roles.map((r) => r.roleDefinitionId?.split('/').pop())).not.toContain('d39065c4-c120-43c9-ab0a-63eed9795f0a');
  });

  it('has ACS ignore a custom role for an Entra caller of its identity API, though the role grants the action in ARM', async () => {
    const chat = `${subscriptionScope}/resourceGroups/rg-communication/providers/Microsoft.Communication/CommunicationServices/contoso-acs-chat`;
    const write = 'Microsoft.Communication/CommunicationServices/Write';
    expect(isAllowed(emulator.scenario, grady, chat, write, 'action')).toBe(true);
    expect(isAllowed(emulator.scenario, grady, chat, write, 'action', { builtInRolesOnly: true })).toBe(false);
    const token = await userAccessToken(emulator, 'grady.archie', 'https://communication.azure.com//.default', {
      clientId: devRegistrationClientId,
    });
    const credential: TokenCredential = {
      getToken: (): Promise<AccessToken> => Promise.resolve({ token, expiresOnTimestamp: Date.now() + 3_600_000 }),
    };
    const client = new CommunicationIdentityClient(emulator.urls.acs['contoso-acs-chat'] ?? '', credential);
    await expect(client.createUser()).rejects.toMatchObject({ statusCode: 401 });
  });
});
