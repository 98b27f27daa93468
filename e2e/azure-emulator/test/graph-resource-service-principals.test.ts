import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmulator, type RunningEmulator } from '../server.ts';
import { defaultScenario, userAccessToken } from './emulator-fixtures.ts';

/** Graph lists Microsoft's first-party resources in each tenant with the delegated permissions they publish, as an app registration reads them. */

let emulator: RunningEmulator;
let token = '';
const acsAppId = '632ec9eb-fad7-4cbd-993a-e72973ba2acc';

beforeAll(async () => {
  emulator = await startEmulator({ scenario: defaultScenario() });
  token = await userAccessToken(emulator, 'adele.vance', 'https://graph.microsoft.com/.default');
});
afterAll(() => emulator.close());

async function list(query: string): Promise<{ status: number; json: { value?: Record<string, unknown>[] } }> {
  const response = await fetch(`${emulator.urls.graph}/v1.0/servicePrincipals?${query}`, { headers: { Authorization: `Bearer ${token}` } });
  return { status: response.status, json: (await response.json()) as { value?: Record<string, unknown>[] } };
}

describe('first-party resource service principals', () => {
  it('finds ACS by appId and, with $select, returns only its appId and the scopes it publishes', async () => {
    const filter = encodeURIComponent(`appId eq '${acsAppId}'`);
    const found = await list(`$filter=${filter}&$select=appId,oauth2PermissionScopes`);
    expect(found.status).toBe(200);
    const published = emulator.scenario.resourceServicePrincipals.find((sp) => sp.appId === acsAppId)?.oauth2PermissionScopes;
    expect(found.json.value).toEqual([{ appId: acsAppId, oauth2PermissionScopes: published }]);
    expect(published?.map((s) => s.value)).toContain('user_impersonation');
  });

  it('lists an unknown appId as nothing, and without $select returns the default properties', async () => {
    const none = await list(`$filter=${encodeURIComponent("appId eq '00000000-0000-4000-8000-000000000000'")}`);
    expect(none.json.value).toEqual([]);
    const whole = await list(`$filter=${encodeURIComponent(`appId eq '${acsAppId}'`)}`);
    expect(whole.json.value?.[0]).toMatchObject({
      appId: acsAppId,
      displayName: 'Azure Communication Services',
      servicePrincipalType: 'Application',
    });
  });
});
