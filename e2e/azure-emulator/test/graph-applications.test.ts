import { describe, expect, it } from 'vitest';
import { appAccessToken, deviceCodeSignIn, jwtClaims, userAccessToken } from './emulator-fixtures.ts';
import { graphScope, useGraphEmulator } from './emulator-lifecycle.ts';

const graphTest = useGraphEmulator({ adele: 'adele.vance', lidia: 'lidia.holloway' });
const { tokens, graph } = graphTest;

const newApp = {
  displayName: 'Azure Credential Manager (Adele)',
  signInAudience: 'AzureADMyOrg',
  isFallbackPublicClient: true,
  publicClient: { redirectUris: ['http://localhost'] },
  requiredResourceAccess: [
    {
      resourceAppId: '797f4846-ba00-4fd7-ba43-dac1f8f63013',
      resourceAccess: [{ id: '41094075-9dad-400e-a0bd-54e686782033', type: 'Scope' }],
    },
  ],
};

describe('Microsoft Graph app registrations', () => {
  it('registers a public client for a user whose Graph token may, reads it back by id and appId, and updates it', async () => {
    const created = await graph(tokens.adele, 'POST', '/applications', newApp);
    expect(created.status).toBe(201);
    expect(created.json).toMatchObject({
      displayName: newApp.displayName,
      isFallbackPublicClient: true,
      publicClient: newApp.publicClient,
    });
    const { id, appId } = created.json as { id: string; appId: string };
    expect(id).not.toBe(appId);

    expect((await graph(tokens.adele, 'GET', `/applications/${id}`)).json).toMatchObject({
      appId,
      requiredResourceAccess: newApp.requiredResourceAccess,
    });
    expect((await graph(tokens.adele, 'GET', `/applications(appId='${appId}')`)).json).toMatchObject({ id });

    const patched = await graph(tokens.adele, 'PATCH', `/applications/${id}`, { isFallbackPublicClient: false });
    expect(patched.status).toBe(204);
    expect((await graph(tokens.adele, 'GET', `/applications/${id}`)).json['isFallbackPublicClient']).toBe(false);
    expect((await graph(tokens.adele, 'GET', `/applications/00000000-0000-0000-0000-000000000001`)).json).toMatchObject({
      error: { code: 'Request_ResourceNotFound' },
    });
  });

  it('creates the service principal once, and refuses one for an appId no application has', async () => {
    const { appId } = (await graph(tokens.adele, 'POST', '/applications', newApp)).json as { appId: string };
    const sp = await graph(tokens.adele, 'POST', '/servicePrincipals', { appId });
    expect(sp.status).toBe(201);
    expect(sp.json).toMatchObject({ appId, servicePrincipalType: 'Application' });
    expect((await graph(tokens.adele, 'POST', '/servicePrincipals', { appId })).status).toBe(409);
    const unknown = await graph(tokens.adele, 'POST', '/servicePrincipals', { appId: '00000000-0000-0000-0000-000000000002' });
    expect(unknown.status).toBe(400);
  });

  it('refuses a user who may not register apps with 403 Authorization_RequestDenied, as Graph words it', async () => {
    const refused = await graph(tokens.lidia, 'POST', '/applications', newApp);
    expect(refused.status).toBe(403);
    expect(refused.json).toMatchObject({
      error: { code: 'Authorization_RequestDenied', message: 'Insufficient privileges to complete the operation.' },
    });
  });

  it('refuses a token without an application-writing permission, and a body without a display name', async () => {
    const armOnly = await userAccessToken(graphTest.emulator, 'adele.vance', 'https://graph.microsoft.com/User.Read');
    expect((await graph(armOnly, 'POST', '/applications', newApp)).status).toBe(403);
    const app = await appAccessToken(graphTest.emulator, graphScope);
    expect((await graph(app, 'POST', '/applications', newApp)).status).toBe(403);
    const nameless = await graph(tokens.adele, 'POST', '/applications', { ...newApp, displayName: ' ' });
    expect(nameless.status).toBe(400);
  });

  it('signs a user in to the registered app only after consent on the sign-in page, and gives it ACS tokens', async () => {
    const { appId } = (await graph(tokens.adele, 'POST', '/applications', newApp)).json as { appId: string };
    const declined = await deviceCodeSignIn(graphTest.emulator, 'adele.vance', 'https://management.azure.com/.default', {
      clientId: appId,
      consent: 'decline',
    });
    expect(declined.pageText).toContain('AADSTS65004');
    expect(declined.body['error_codes']).toEqual([65004]);

    const signedIn = await deviceCodeSignIn(graphTest.emulator, 'adele.vance', 'https://communication.azure.com//.default', {
      clientId: appId,
    });
    expect(signedIn.status).toBe(200);
    expect(jwtClaims(String(signedIn.body['access_token']))).toMatchObject({ appid: appId, aud: 'https://communication.azure.com/' });
    const adeleId = jwtClaims(tokens.adele)['oid'];
    expect(graphTest.emulator.context.entra.consents.has(`${String(adeleId)} ${appId}`)).toBe(true);
  });
});
