import { describe, expect, it } from 'vitest';
import { useGraphEmulator } from './emulator-lifecycle.ts';

/** Graph lists Microsoft's first-party resources in each tenant with the delegated permissions they publish, as an app registration reads them. */

const graphTest = useGraphEmulator({ adele: 'adele.vance' });
const acsAppId = '632ec9eb-fad7-4cbd-993a-e72973ba2acc';

async function list(query: string): Promise<{ status: number; json: { value?: Record<string, unknown>[] } }> {
  return graphTest.graph(graphTest.tokens.adele, 'GET', `/servicePrincipals?${query}`);
}

describe('first-party resource service principals', () => {
  it('finds ACS by appId and, with $select, returns only its appId and the scopes it publishes', async () => {
    const filter = encodeURIComponent(`appId eq '${acsAppId}'`);
    const found = await list(`$filter=${filter}&$select=appId,oauth2PermissionScopes`);
    expect(found.status).toBe(200);
    const published = graphTest.emulator.scenario.resourceServicePrincipals.find((sp) => sp.appId === acsAppId)?.oauth2PermissionScopes;
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
