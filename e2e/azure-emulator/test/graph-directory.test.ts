import { describe, expect, it } from 'vitest';
import { appAccessToken, secretServicePrincipal } from './emulator-fixtures.ts';
import { graphScope, useGraphEmulator } from './emulator-lifecycle.ts';

const graphTest = useGraphEmulator({ member: 'adele.vance', guest: 'pradeep.gupta' });
const { tokens } = graphTest;
const renderArtists = 'c3d2e9f4-5d6f-4071-8cbd-000000000001';
const adele = 'a1f0e7c2-3b4d-4e5f-8a9b-000000000001';
const fabrikamNestor = 'b2e1d8c3-4c5e-4f60-9bac-000000000001';

/** GET `path`, or POST `body` to it. */
const graph = (token: string, path: string, body?: unknown) => graphTest.graph(token, body === undefined ? 'GET' : 'POST', path, body);
const values = (json: Record<string, unknown>) => json['value'] as Record<string, unknown>[];

describe('Microsoft Graph directory', () => {
  it('answers /me with the signed-in user in Graph’s shape', async () => {
    const { status, json } = await graph(tokens.member, '/me');
    expect(status).toBe(200);
    expect(json).toMatchObject({ id: adele, displayName: 'Adele Vance', userPrincipalName: 'adele.vance@contoso.onmicrosoft.com' });
  });

  it('names users, groups and service principals of the caller’s tenant through one getByIds, leaving unknown ids out', async () => {
    const ids = [renderArtists, adele, secretServicePrincipal.objectId, fabrikamNestor, '00000000-0000-0000-0000-0000000000ff'];
    const { status, json } = await graph(tokens.member, '/directoryObjects/getByIds', {
      ids,
      types: ['user', 'group', 'servicePrincipal'],
    });
    expect(status).toBe(200);
    expect(values(json).map((o) => [o['@odata.type'], o['displayName']])).toEqual([
      ['#microsoft.graph.group', 'Render Artists'],
      ['#microsoft.graph.user', 'Adele Vance'],
      ['#microsoft.graph.servicePrincipal', 'Render pipeline (secret)'],
    ]);
    expect(values(json)[2]).toMatchObject({ appId: secretServicePrincipal.appId });
  });

  it('filters getByIds by type and refuses more than 1000 ids or an unknown type', async () => {
    const only = await graph(tokens.member, '/directoryObjects/getByIds', { ids: [renderArtists, adele], types: ['group'] });
    expect(values(only.json).map((o) => o['id'])).toEqual([renderArtists]);
    const many = Array.from({ length: 1001 }, (_, i) => `00000000-0000-0000-0000-${String(i).padStart(12, '0')}`);
    expect((await graph(tokens.member, '/directoryObjects/getByIds', { ids: many })).status).toBe(400);
    expect((await graph(tokens.member, '/directoryObjects/getByIds', { ids: [adele], types: ['planet'] })).status).toBe(400);
  });

  it('refuses a guest the names of others with 403 Authorization_RequestDenied, but lets it read itself', async () => {
    const refused = await graph(tokens.guest, '/directoryObjects/getByIds', { ids: [renderArtists] });
    expect(refused.status).toBe(403);
    expect(refused.json['error']).toMatchObject({
      code: 'Authorization_RequestDenied',
      message: 'Insufficient privileges to complete the operation.',
    });
    expect((await graph(tokens.guest, `/groups/${renderArtists}`)).status).toBe(403);
    expect((await graph(tokens.guest, '/me')).json).toMatchObject({ displayName: 'Pradeep Gupta (guest: Graph names refused)' });
  });

  it('reads a group, a user and a service principal by id, and a service principal by its appId', async () => {
    expect((await graph(tokens.member, `/groups/${renderArtists}`)).json).toMatchObject({
      displayName: 'Render Artists',
      securityEnabled: true,
    });
    expect((await graph(tokens.member, `/users/${adele}`)).json).toMatchObject({ displayName: 'Adele Vance' });
    expect((await graph(tokens.member, `/servicePrincipals/${secretServicePrincipal.objectId}`)).json).toMatchObject({
      appId: secretServicePrincipal.appId,
    });
    const filtered = await graph(
      tokens.member,
      `/servicePrincipals?$filter=${encodeURIComponent(`appId eq '${secretServicePrincipal.appId}'`)}`,
    );
    expect(values(filtered.json).map((o) => o['displayName'])).toEqual(['Render pipeline (secret)']);
    expect((await graph(tokens.member, `/users/${fabrikamNestor}`)).status).toBe(404);
  });

  it('lets an application read the directory only with the app role Graph lists (Directory.Read.All for getByIds)', async () => {
    const without = await appAccessToken(graphTest.emulator, graphScope);
    expect((await graph(without, '/directoryObjects/getByIds', { ids: [adele] })).status).toBe(403);
    expect((await graph(without, '/me')).status).toBe(400);
    const sp = graphTest.emulator.scenario.servicePrincipals.find((s) => s.appId === secretServicePrincipal.appId);
    if (!sp) throw new Error('no service principal');
    sp.appRoles = ['Directory.Read.All'];
    try {
      const granted = await appAccessToken(graphTest.emulator, graphScope);
      expect(values((await graph(granted, '/directoryObjects/getByIds', { ids: [adele] })).json)).toHaveLength(1);
    } finally {
      sp.appRoles = [];
    }
  });
});
