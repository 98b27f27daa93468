import { AuthorizationManagementClient } from '@azure/arm-authorization';
import type { AccessToken, TokenCredential } from '@azure/core-auth';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmulator } from '../server.ts';
import type { RunningEmulator } from '../server.ts';
import { contosoSubscription, defaultScenario, rawRequest, scenarioUser, userAccessToken } from './emulator-fixtures.ts';

let emulator: RunningEmulator;
const tokens: Record<string, string> = {};
const subscriptionScope = `/subscriptions/${contosoSubscription}`;
const westeuropeAccount = `${subscriptionScope}/resourceGroups/rg-mixed-reality/providers/Microsoft.MixedReality/remoteRenderingAccounts/contoso-arr-westeurope`;
const armScope = 'https://management.azure.com/.default';
/** The default scenario's management group holds the Contoso subscription: its assignments reach everything in it. */
const aboveContoso = (scope: string) => scope === '/providers/Microsoft.Management/managementGroups/contoso-root';

beforeAll(async () => {
  emulator = await startEmulator({ scenario: defaultScenario() });
  for (const user of ['alex.wilber', 'adele.vance', 'diego.siciliani']) tokens[user] = await userAccessToken(emulator, user, armScope);
});
afterAll(() => emulator.close());

function sdkClient(userName: string): AuthorizationManagementClient {
  const credential: TokenCredential = {
    getToken: (scopes): Promise<AccessToken> => {
      expect(scopes).toEqual([armScope]);
      return Promise.resolve({ token: tokens[userName] ?? '', expiresOnTimestamp: Date.now() + 3_600_000 });
    },
  };
  return new AuthorizationManagementClient(credential, contosoSubscription, {
    endpoint: emulator.urls.arm,
    $host: emulator.urls.arm,
    credentialScopes: [armScope],
  });
}

async function names(iterator: AsyncIterable<{ name?: string | undefined }>): Promise<string[]> {
  const all: string[] = [];
  for await (const item of iterator) all.push(item.name ?? '');
  return all.sort();
}

const arm = (path: string, userName: string, init: { method?: string; body?: unknown } = {}): Promise<Response> =>
  fetch(`${emulator.urls.arm}${path}`, {
    method: init.method ?? 'GET',
    headers: { Authorization: `Bearer ${tokens[userName] ?? ''}`, 'Content-Type': 'application/json' },
    ...(init.body === undefined ? {} : { body: JSON.stringify(init.body) }),
  });

describe('ARM role assignments', () => {
  it('lists every assignment in a subscription across nextLink pages through @azure/arm-authorization', async () => {
    const expected = emulator.scenario.roleAssignments
      .filter((a) => a.scope.toLowerCase().startsWith(subscriptionScope.toLowerCase()) || aboveContoso(a.scope))
      .map((a) => a.id);
    expect(expected.length).toBeGreaterThan(emulator.scenario.settings.armPageSize);
    expect(await names(sdkClient('alex.wilber').roleAssignments.listForScope(subscriptionScope))).toEqual(expected.sort());
  });

  it('pages by the scenario page size with a nextLink that keeps the api-version', async () => {
    const first = (await (
      await arm(`${subscriptionScope}/providers/Microsoft.Authorization/roleAssignments?api-version=2022-04-01`, 'alex.wilber')
    ).json()) as { value: unknown[]; nextLink?: string };
    expect(first.value).toHaveLength(5);
    expect(first.nextLink).toMatch(/\$skipToken=5/);
    expect(first.nextLink).toMatch(/api-version=2022-04-01/);
  });

  it('atScope() keeps assignments at and above the scope, including those inherited from the subscription and group', async () => {
    const got = await names(sdkClient('alex.wilber').roleAssignments.listForScope(westeuropeAccount, { filter: 'atScope()' }));
    const expected = emulator.scenario.roleAssignments
      .filter((a) => westeuropeAccount.toLowerCase().startsWith(a.scope.toLowerCase()) || aboveContoso(a.scope))
      .map((a) => a.id)
      .sort();
    expect(got).toEqual(expected);
    expect(got).toContain(emulator.scenario.roleAssignments.find((a) => a.scope === subscriptionScope && a.role === 'Owner')?.id);
    expect(expected.some((a) => a.endsWith('000000000006'))).toBe(false);
  });

  it('assignedTo() follows group membership; principalId eq does not', async () => {
    const isaiah = scenarioUser(emulator, 'isaiah.langer').id;
    const group = emulator.scenario.groups[0]?.id ?? '';
    const client = sdkClient('alex.wilber');
    const assigned = await names(
      client.roleAssignments.listForScope(westeuropeAccount, { filter: `atScope() and assignedTo('${isaiah}')` }),
    );
    const groupAssignments = emulator.scenario.roleAssignments.filter((a) => a.principalId === group).map((a) => a.id);
    expect(assigned).toEqual(expect.arrayContaining(groupAssignments.filter((id) => id.endsWith('04'))));
    expect(assigned.length).toBeGreaterThan(0);
    expect(await names(client.roleAssignments.listForScope(subscriptionScope, { filter: `principalId eq '${isaiah}'` }))).toEqual([]);
    const adele = scenarioUser(emulator, 'adele.vance').id;
    const direct = await names(client.roleAssignments.listForScope(subscriptionScope, { filter: `principalId eq '${adele}'` }));
    expect(direct).toEqual(
      emulator.scenario.roleAssignments
        .filter((a) => a.principalId === adele)
        .map((a) => a.id)
        .sort(),
    );
  });

  it('answers 403 AuthorizationFailed to a caller without Microsoft.Authorization/roleAssignments/read', async () => {
    const response = await arm(
      `${subscriptionScope}/providers/Microsoft.Authorization/roleAssignments?api-version=2022-04-01`,
      'diego.siciliani',
    );
    expect(response.status).toBe(403);
    const body = (await response.json()) as { error: { code: string; message: string } };
    expect(body.error.code).toBe('AuthorizationFailed');
    expect(body.error.message).toContain("perform action 'Microsoft.Authorization/roleAssignments/read'");
  });

  it('collapses // after the host and decodes percent-encoded quotes in $filter', async () => {
    const adele = scenarioUser(emulator, 'adele.vance').id;
    const response = await arm(
      `/${subscriptionScope}/providers/Microsoft.Authorization/roleAssignments?api-version=2022-04-01&$filter=principalId%20eq%20%27${adele}%27`,
      'alex.wilber',
    );
    expect(((await response.json()) as { value: unknown[] }).value).toHaveLength(2);
  });

  it('gets built-in and custom role definitions, compared by GUID', async () => {
    const client = sdkClient('adele.vance');
    const admin = await client.roleDefinitions.get(subscriptionScope, '3df8b902-2a6f-47c7-8cc5-360e9b272a7e');
    expect(admin.roleName).toBe('Remote Rendering Administrator');
    expect(admin.permissions?.[0]?.dataActions).toContain('Microsoft.MixedReality/RemoteRenderingAccounts/convert/action');
    const custom = await client.roleDefinitions.get(subscriptionScope, '7c1e9b2a-5f3d-4a6e-8b0c-000000000001');
    expect(custom.roleType).toBe('CustomRole');
    expect(custom.permissions?.[0]?.notDataActions).toContain('Microsoft.MixedReality/RemoteRenderingAccounts/render/*');
  });
});

describe('ARM resources and keys', () => {
  it('lists subscriptions, groups and both resource types the caller can read', async () => {
    const subs = (await (await arm('/subscriptions?api-version=2022-12-01', 'adele.vance')).json()) as {
      value: { subscriptionId: string }[];
    };
    expect(subs.value.map((s) => s.subscriptionId)).toEqual([contosoSubscription]);
    const accounts = (await (
      await arm(`${subscriptionScope}/providers/Microsoft.MixedReality/remoteRenderingAccounts?api-version=2021-01-01`, 'adele.vance')
    ).json()) as {
      value: { name: string; properties: { accountDomain: string } }[];
    };
    expect(accounts.value.map((a) => a.name).sort()).toEqual(['contoso-arr-eastus', 'contoso-arr-westeurope']);
    const acs = (await (
      await arm(
        `${subscriptionScope}/resourceGroups/rg-communication/providers/Microsoft.Communication/communicationServices/contoso-acs-chat?api-version=2023-04-01`,
        'adele.vance',
      )
    ).json()) as {
      properties: { hostName: string };
    };
    expect(`https://${acs.properties.hostName}`).toBe(emulator.urls.acs['contoso-acs-chat']);
  });

  it('lets an Owner list and regenerate keys, refuses a Reader, and the STS follows the new key', async () => {
    expect((await arm(`${westeuropeAccount}/listKeys?api-version=2021-01-01`, 'adele.vance', { method: 'POST' })).status).toBe(403);
    const before = (await (
      await arm(`${westeuropeAccount}/listKeys?api-version=2021-01-01`, 'alex.wilber', { method: 'POST' })
    ).json()) as { primaryKey: string };
    const after = (await (
      await arm(`${westeuropeAccount}/regenerateKeys?api-version=2021-01-01`, 'alex.wilber', { method: 'POST', body: { serial: 1 } })
    ).json()) as { primaryKey: string };
    expect(after.primaryKey).not.toBe(before.primaryKey);
    const accountId = '35d830cb-f062-4062-9792-d6316039df56';
    const sts = (key: string): Promise<number> =>
      rawRequest(`${emulator.urls.sts}/Accounts/${accountId}/token`, { headers: { Authorization: `Bearer ${accountId}:${key}` } }).then(
        (r) => r.status,
      );
    expect([await sts(before.primaryKey), await sts(after.primaryKey)]).toEqual([401, 200]);
    const acsKeys = (await (
      await arm(
        `${subscriptionScope}/resourceGroups/rg-communication/providers/Microsoft.Communication/communicationServices/contoso-acs-calls/listKeys?api-version=2023-04-01`,
        'alex.wilber',
        { method: 'POST' },
      )
    ).json()) as {
      primaryConnectionString: string;
    };
    expect(acsKeys.primaryConnectionString).toBe(emulator.acsConnectionString('contoso-acs-calls'));
  });

  it('answers ARM authentication errors in ARM words', async () => {
    const noToken = await fetch(`${emulator.urls.arm}/subscriptions?api-version=2022-12-01`);
    expect(noToken.status).toBe(401);
    expect(((await noToken.json()) as { error: { code: string } }).error.code).toBe('AuthenticationFailed');
    const stsToken = await userAccessToken(emulator, 'adele.vance', 'https://sts.mixedreality.azure.com//.default');
    const wrongAudience = await fetch(`${emulator.urls.arm}/subscriptions?api-version=2022-12-01`, {
      headers: { Authorization: `Bearer ${stsToken}` },
    });
    expect(((await wrongAudience.json()) as { error: { code: string } }).error.code).toBe('InvalidAuthenticationTokenAudience');
    const noVersion = await arm('/subscriptions', 'adele.vance');
    expect([noVersion.status, ((await noVersion.json()) as { error: { code: string } }).error.code]).toEqual([
      400,
      'MissingApiVersionParameter',
    ]);
  });
});
