import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultPublicClientId } from '../../../shared/clouds.ts';
import type { IdentityView } from '../../../shared/identities.ts';
import { enterDeviceCode, scenarioUser } from '../../../e2e/azure-emulator/test/emulator-fixtures.ts';
import { useEmulator } from '../../../e2e/azure-emulator/test/emulator-lifecycle.ts';
import { signInAtLink } from '../../../e2e/azure-emulator/test/sign-in-over-http.ts';
import { applicationsOf } from '../../../e2e/azure-emulator/graph-application-store.ts';
import type { Core } from '../core.ts';
import { lookUpPermissions } from './app-registration.ts';
import { coreApi, coreValues, testCore } from '../test-support/test-core.ts';
import { createMemoryKeychain } from '../vault/keychain.ts';

/**
 * The issue's first test, at the core: signed in with the default client (the Azure CLI's), a user is refused an ACS Entra token
 * (AADSTS65002) and nothing is stored; "register my app" creates the app through Graph, makes it the cloud's sign-in app and signs the
 * user in with it after consent; then the ACS token works. A user who may not register apps is told the manual steps.
 */

const running = useEmulator({ deviceCodeIntervalSeconds: 1 });
let folder: string;
let core: Core;
const cloud = 'AzureEmulator';
const acsScope = 'https://communication.azure.com//.default';
const armAppId = '797f4846-ba00-4fd7-ba43-dac1f8f63013';
const acsAppId = '632ec9eb-fad7-4cbd-993a-e72973ba2acc';
const mrAppId = 'c7ddd9b4-5172-4e28-bd29-1e0792947d18';

beforeAll(async () => {
  folder = mkdtempSync(path.join(tmpdir(), 'azcred-register-app-'));
  core = testCore(folder, { keychain: createMemoryKeychain() });
  await coreValues(core).clouds.import({ text: JSON.stringify(running.emulator.cloudProfile) });
});
afterAll(async () => {
  await core.close();
  rmSync(folder, { recursive: true, force: true });
});

/** Signs `userName` in with the cloud's current sign-in app by device code, entered on the emulator's page. */
async function deviceCodeSignIn(userName: string): Promise<IdentityView> {
  const started = await coreValues(core).identities.signIn({ method: 'device-code', cloud });
  await enterDeviceCode(running.emulator, started.verificationUri ?? '', started.userCode ?? '', userName);
  for (;;) {
    const progress = await coreValues(core).identities.waitSignIn({ operationId: started.operationId, waitSeconds: 10 });
    if (progress.state === 'done') return progress.identity;
  }
}

describe('your own app in one step', () => {
  it('after the default client is refused an ACS token, registers the app, signs the user in with consent, and the ACS token works', async () => {
    const adele = scenarioUser(running.emulator, 'adele.vance');
    const withDefault = await deviceCodeSignIn(adele.userName);
    expect(withDefault.clientId).toBe(defaultPublicClientId);

    const refused = await coreApi(core).tokens.mintEntra({ identityId: withDefault.id, scope: acsScope });
    expect(refused).toMatchObject({ ok: false, error: { code: 'client_not_preauthorized' } });
    expect(refused.ok || refused.error.message).toMatch(/register/i);
    expect(await coreValues(core).tokens.list()).toEqual([]);

    const registered = await coreValues(core).clouds.registerApp({ name: cloud, identityId: withDefault.id });
    expect(registered.app.appId).not.toBe(defaultPublicClientId);
    expect(registered.cloud.publicClient).toEqual({ clientId: registered.app.appId, tenant: adele.tenant });
    const inCloudList = (await coreValues(core).clouds.list()).find((c) => c.name === cloud);
    expect(inCloudList?.publicClient.clientId).toBe(registered.app.appId);
    expect(registered.signIn).toMatchObject({ method: 'interactive', authUrl: expect.stringContaining(registered.app.appId) });

    // The app asks for ARM, ACS and Mixed Reality, each by the scope id its service principal publishes in the tenant.
    const published = (appId: string, value: string) =>
      running.emulator.scenario.resourceServicePrincipals
        .find((sp) => sp.appId === appId)
        ?.oauth2PermissionScopes.find((s) => s.value === value)?.id;
    const expected = [
      { resourceAppId: armAppId, resourceAccess: [{ id: published(armAppId, 'user_impersonation'), type: 'Scope' }] },
      { resourceAppId: acsAppId, resourceAccess: [{ id: published(acsAppId, 'user_impersonation'), type: 'Scope' }] },
      { resourceAppId: mrAppId, resourceAccess: [{ id: published(mrAppId, 'mixedreality.signin'), type: 'Scope' }] },
    ];
    expect(expected.every((e) => e.resourceAccess[0]?.id)).toBe(true);
    const created = applicationsOf(running.emulator.context).applications.get(registered.app.objectId);
    expect(created?.requiredResourceAccess).toEqual(expected);
    expect(registered.permissions.map((p) => [p.resourceAppId, p.source])).toEqual([
      [armAppId, 'graph'],
      [acsAppId, 'graph'],
      [mrAppId, 'graph'],
    ]);

    const { consentAsked } = await signInAtLink(running.emulator, registered.signIn.authUrl ?? '', adele.userName);
    expect(consentAsked).toBe(true);
    const done = await coreValues(core).identities.waitSignIn({ operationId: registered.signIn.operationId, waitSeconds: 10 });
    if (done.state !== 'done') throw new Error('The sign-in with the new app did not finish');
    expect(done.identity).toMatchObject({ username: adele.userName, clientId: registered.app.appId });

    const acs = await coreValues(core).tokens.mintEntra({ identityId: done.identity.id, scope: acsScope });
    expect(acs).toMatchObject({ kind: 'entra' });
  }, 60_000);

  it('tells a user who may not register apps the manual steps, and leaves the sign-in app as it was', async () => {
    const before = (await coreValues(core).clouds.list()).find((c) => c.name === cloud)?.publicClient;
    const lidia = await deviceCodeSignIn(scenarioUser(running.emulator, 'lidia.holloway').userName);
    const refused = await coreApi(core).clouds.registerApp({ name: cloud, identityId: lidia.id });
    expect(refused).toMatchObject({ ok: false, error: { code: 'azure_forbidden' } });
    expect(refused.ok || refused.error.message).toMatch(/only some users register applications.*docs\/sign-in\.md/s);
    expect((await coreValues(core).clouds.list()).find((c) => c.name === cloud)?.publicClient).toEqual(before);
  }, 60_000);

  it('stops while Graph is slow when cancelled, and says Graph failed when it answers 503; the cloud’s sign-in app stays as it was', async () => {
    const before = (await coreValues(core).clouds.list()).find((c) => c.name === cloud)?.publicClient;
    const adele = (await coreValues(core).identities.list()).find((i) => i.username?.startsWith('adele.vance'));
    const slow = running.emulator.faults.add({ service: 'graph', method: 'POST', path: '/applications', kind: 'slow', delayMs: 5000 });
    const operationId = '6f0c2a9e-6b1d-4c8e-9a7f-5d2e1b0c4a97';
    const pending = coreApi(core).clouds.registerApp({ name: cloud, identityId: adele?.id ?? '', operationId });
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(await coreValues(core).calls.cancel({ operationId })).toEqual({ cancelled: true });
    expect(await pending).toMatchObject({ ok: false, error: { code: 'cancelled' } });
    running.emulator.faults.remove(slow);

    const failing = running.emulator.faults.add({
      service: 'graph',
      method: 'POST',
      path: '/applications',
      kind: 'error',
      status: 503,
      times: 1,
    });
    const unavailable = await coreApi(core).clouds.registerApp({ name: cloud, identityId: adele?.id ?? '' });
    expect(unavailable).toMatchObject({ ok: false, error: { code: 'azure_unavailable' } });
    running.emulator.faults.remove(failing);
    expect((await coreValues(core).clouds.list()).find((c) => c.name === cloud)?.publicClient).toEqual(before);
  }, 30_000);

  it('refuses a service principal or an identity of another cloud, changing nothing', async () => {
    const unknown = await coreApi(core).clouds.registerApp({ name: cloud, identityId: '3f0c2a9e-6b1d-4c8e-9a7f-5d2e1b0c4a96' });
    expect(unknown).toMatchObject({ ok: false, error: { code: 'not_found' } });
    const adele = (await coreValues(core).identities.list()).find((i) => i.kind === 'user');
    const elsewhere = await coreApi(core).clouds.registerApp({ name: 'AzureCloud', identityId: adele?.id ?? '' });
    expect(elsewhere).toMatchObject({ ok: false, error: { code: 'invalid_input', issues: [{ path: 'identityId' }] } });
  });
});

describe('the permission ids the app asks for', () => {
  it("takes each from the resource's service principal, falls back to the known id where the tenant lists none, and says so", async () => {
    const asked: string[] = [];
    const listed = await lookUpPermissions({
      get: <T>(path: string) => {
        asked.push(decodeURIComponent(path));
        // Only Mixed Reality is listed, publishing a scope id of its own; ARM and ACS are not listed.
        const value = path.includes(mrAppId)
          ? [{ appId: mrAppId, oauth2PermissionScopes: [{ id: '0d6c4b7e-1f3a-4e2b-9c8d-7a6b5c4d3e2f', value: 'mixedreality.signin' }] }]
          : [];
        return Promise.resolve({ value } as T);
      },
    });
    expect(asked[0]).toBe(`/servicePrincipals?$filter=appId eq '${armAppId}'&$select=appId,oauth2PermissionScopes`);
    expect(listed).toEqual([
      expect.objectContaining({ resourceAppId: armAppId, id: '41094075-9dad-400e-a0bd-54e686782033', source: 'known' }),
      { resource: 'Azure Communication Services', resourceAppId: acsAppId, scope: 'user_impersonation', source: 'missing' },
      expect.objectContaining({ resourceAppId: mrAppId, id: '0d6c4b7e-1f3a-4e2b-9c8d-7a6b5c4d3e2f', source: 'graph' }),
    ]);
  });

  it('leaves out a listed resource that publishes no enabled scope of that name', async () => {
    const listed = await lookUpPermissions({
      get: <T>(path: string) => {
        const appId = /'([^']+)'/.exec(decodeURIComponent(path))?.[1];
        return Promise.resolve({
          value: [{ appId, oauth2PermissionScopes: [{ id: '1d6c4b7e-1f3a-4e2b-9c8d-7a6b5c4d3e2f', value: 'other', isEnabled: true }] }],
        } as T);
      },
    });
    expect(listed.map((p) => p.source)).toEqual(['missing', 'missing', 'missing']);
  });
});
