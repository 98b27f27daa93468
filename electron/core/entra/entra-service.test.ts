import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  certificateServicePrincipalAppId,
  contosoTenantId,
  jwtClaims,
  scenarioUser,
  secretServicePrincipal,
} from '../../../e2e/azure-emulator/test/emulator-fixtures.ts';
import { startEmulatorAndChromium } from '../../../e2e/azure-emulator/test/emulator-and-chromium.ts';
import { enterDeviceCodeInBrowser, signInOnPage, typeCredentials } from '../../../e2e/azure-emulator/test/sign-in-page.ts';
import type { RunningEmulator } from '../../../e2e/azure-emulator/server.ts';
import { CloudsStore } from '../azure/clouds-store.ts';
import { createMemoryKeychain } from '../vault/keychain.ts';
import { openVault, type Vault } from '../vault/vault.ts';
import { EntraService } from './entra-service.ts';

let emulator: RunningEmulator;
let browser: Browser;
let folder: string;
const keychain = createMemoryKeychain();
const armScope = 'https://management.azure.com/.default';
const opened: Vault[] = [];

beforeAll(async () => {
  ({ emulator, browser } = await startEmulatorAndChromium({ accessTokenSeconds: 3, deviceCodeIntervalSeconds: 1 }));
  folder = await mkdtemp(path.join(os.tmpdir(), 'azcred-identities-'));
  await new CloudsStore(folder).save(emulator.cloudProfile);
});
afterAll(async () => {
  for (const vault of opened) vault.close();
  await browser.close();
  await emulator.close();
  await rm(folder, { recursive: true, force: true });
});

/** A service as one process has it: its own vault handle over the shared data folder. */
async function newProcessService(openBrowser?: (url: string) => Promise<void>): Promise<EntraService> {
  const vault = await openVault({ dataFolder: folder, keychain });
  opened.push(vault);
  return new EntraService({
    dataFolder: folder,
    vault: async () => vault,
    clouds: new CloudsStore(folder),
    defaultCloud: () => 'AzureEmulator',
    ...(openBrowser ? { openBrowser } : {}),
  });
}

/** The system browser: Chromium, where the user signs in as `userName`. */
const browserSigningIn = (userName: string) => (url: string) => signInOnPage(browser, url, userName);

async function filesOutsideVault(): Promise<string> {
  const texts = await Promise.all(
    (await readdir(folder)).filter((n) => !n.startsWith('vault.bin')).map((n) => readFile(path.join(folder, n), 'utf8').catch(() => '')),
  );
  return texts.join('\n');
}

describe('Entra identities', () => {
  it('signs in two users in two tenants side by side, then gets tokens silently in a new process, also after expiry', async () => {
    const adele = scenarioUser(emulator, 'adele.vance');
    const nestor = scenarioUser(emulator, 'nestor.wilke');
    const first = await newProcessService(browserSigningIn(adele.userName));
    const started = await first.startSignIn({ method: 'interactive' });
    expect(started.openedByApp).toBe(true);
    const done = await first.waitSignIn(started.operationId, 20);
    expect(done).toMatchObject({
      state: 'done',
      identity: { kind: 'user', username: adele.userName, tenantId: contosoTenantId, cloud: 'AzureEmulator', signedInWith: 'interactive' },
    });

    const second = await newProcessService(browserSigningIn(nestor.userName));
    const fabrikam = await second.startSignIn({ method: 'interactive', tenant: 'fabrikam.onmicrosoft.com' });
    await expect(second.waitSignIn(fabrikam.operationId, 20)).resolves.toMatchObject({
      state: 'done',
      identity: { username: nestor.userName, tenantId: nestor.tenant },
    });
    const list = await second.list();
    expect(list.map((i) => i.username).sort()).toEqual([adele.userName, nestor.userName].sort());

    // Restart: a new process reads the cache from the vault; after the 3 s lifetime it refreshes without the user.
    await new Promise((resolve) => setTimeout(resolve, 3_100));
    const restarted = await newProcessService();
    const adeleId = list.find((i) => i.username === adele.userName)?.id ?? '';
    const token = await restarted.acquireToken(adeleId, [armScope]);
    expect(jwtClaims(token.accessToken)).toMatchObject({ oid: adele.id, aud: 'https://management.azure.com' });
    expect(Date.parse(token.expiresOn)).toBeGreaterThan(Date.now());
    // A second resource from the same refresh token: the STS, since the default client (the Azure CLI's) is refused ACS (AADSTS65002).
    const other = await restarted.acquireToken(adeleId, ['https://sts.mixedreality.azure.com//.default']);
    expect(jwtClaims(other.accessToken)['aud']).toBe('https://sts.mixedreality.azure.com/');

    const tokens = [...emulator.context.entra.refreshTokens.keys()];
    const disk = await filesOutsideVault();
    for (const t of [...tokens, token.accessToken, other.accessToken]) expect(disk).not.toContain(t);

    // Sign out: the identity and its cached tokens go; the other user stays.
    await restarted.signOut(adeleId);
    expect((await restarted.list()).map((i) => i.username)).toEqual([nestor.userName]);
    await expect(restarted.acquireToken(adeleId, [armScope])).rejects.toMatchObject({ code: 'not_found' });
    const vault = await openVault({ dataFolder: folder, keychain });
    opened.push(vault);
    const cache = vault
      .names('entra/cache/')
      .map((n) => vault.get(n) ?? '')
      .join('');
    expect(cache).not.toContain(adele.userName);
    expect(cache).toContain(nestor.userName);
  });

  it('signs in with a device code and reports who signed in', async () => {
    const service = await newProcessService();
    const started = await service.startSignIn({ method: 'device-code' });
    expect(started).toMatchObject({ method: 'device-code', openedByApp: false, userCode: expect.any(String) });
    const alex = scenarioUser(emulator, 'alex.wilber');
    await enterDeviceCodeInBrowser(browser, started.verificationUri ?? '', started.userCode ?? '', alex.userName);
    await expect(service.waitSignIn(started.operationId, 20)).resolves.toMatchObject({
      state: 'done',
      identity: { username: alex.userName, signedInWith: 'device-code' },
    });
  });

  it('reports pending while the user has not finished, and a cancelled sign-in as cancelled', async () => {
    const service = await newProcessService();
    const started = await service.startSignIn({ method: 'interactive' });
    expect(started.openedByApp).toBe(false);
    expect(started.authUrl).toContain(emulator.urls.entra);
    await expect(service.waitSignIn(started.operationId, 0)).resolves.toEqual({ state: 'pending' });
    service.cancelSignIn(started.operationId);
    await expect(service.waitSignIn(started.operationId, 5)).rejects.toMatchObject({ code: 'cancelled' });
  });

  it('adds service principals by secret and by certificate, keeping the secret and key only in the vault', async () => {
    const service = await newProcessService();
    const bySecret = await service.addServicePrincipal({
      tenant: contosoTenantId,
      clientId: secretServicePrincipal.appId,
      clientSecret: secretServicePrincipal.secret,
    });
    expect(bySecret).toMatchObject({ kind: 'service-principal', credential: 'secret', tenantId: contosoTenantId });
    const certificate = emulator.clientCertificates[certificateServicePrincipalAppId];
    if (!certificate) throw new Error('the default scenario generates a certificate');
    const byCertificate = await service.addServicePrincipal({
      tenant: 'contoso.onmicrosoft.com',
      clientId: certificateServicePrincipalAppId,
      name: 'Render farm',
      certificatePem: `${certificate.certPem}${certificate.privateKeyPem}`,
    });
    expect(byCertificate).toMatchObject({
      name: 'Render farm',
      credential: 'certificate',
      tenantId: contosoTenantId,
      certificateExpiresOn: expect.any(String),
    });
    const token = await (await newProcessService()).acquireToken(byCertificate.id, ['https://communication.azure.com//.default']);
    expect(jwtClaims(token.accessToken)).toMatchObject({ appid: certificateServicePrincipalAppId });

    const disk = await filesOutsideVault();
    expect(disk).not.toContain(secretServicePrincipal.secret);
    expect(disk).not.toContain(certificate.privateKeyPem.split('\n')[1]);

    const before = (await service.list()).length;
    await expect(
      service.addServicePrincipal({ tenant: contosoTenantId, clientId: secretServicePrincipal.appId, clientSecret: 'wrong' }),
    ).rejects.toMatchObject({
      code: 'sign_in_required',
      message: expect.stringContaining('client secret is wrong or expired'),
    });
    expect(await service.list()).toHaveLength(before);
  });

  it('asks for a new sign-in when the refresh token expired (AADSTS700082), without opening anything', async () => {
    const diego = scenarioUser(emulator, 'diego.siciliani');
    const service = await newProcessService(browserSigningIn(diego.userName));
    const started = await service.startSignIn({ method: 'interactive' });
    const done = await service.waitSignIn(started.operationId, 20);
    if (done.state !== 'done') throw new Error('sign-in did not finish');
    await new Promise((resolve) => setTimeout(resolve, 3_100));
    await expect(service.acquireToken(done.identity.id, [armScope])).rejects.toMatchObject({
      code: 'sign_in_required',
      message: expect.stringMatching(/expired after 90 days without use\. Sign in again.*AADSTS700082/),
    });
    // Remembered for Today's "Sign-ins to renew", with the reason, until he signs in again.
    const listed = (await service.list()).find((i) => i.id === done.identity.id);
    expect(listed?.needsSignIn).toMatchObject({ message: expect.stringContaining('AADSTS700082'), at: expect.any(String) });
    const again = await service.waitSignIn((await service.startSignIn({ method: 'interactive' })).operationId, 20);
    if (again.state !== 'done') throw new Error('the second sign-in did not finish');
    expect(again.identity.id).toBe(done.identity.id);
    expect((await service.list()).find((i) => i.id === done.identity.id)?.needsSignIn).toBeUndefined();
  });

  it("asks for a new sign-in when Conditional Access's sign-in frequency has passed (AADSTS70043), without opening anything", async () => {
    const johanna = scenarioUser(emulator, 'johanna.lorenz'); // must sign in again every 2 s
    const service = await newProcessService(browserSigningIn(johanna.userName));
    const done = await service.waitSignIn((await service.startSignIn({ method: 'interactive' })).operationId, 20);
    if (done.state !== 'done') throw new Error('sign-in did not finish');
    await new Promise((resolve) => setTimeout(resolve, 3_100));
    const opened: string[] = [];
    const restarted = await newProcessService(async (url) => void opened.push(url));
    await expect(restarted.acquireToken(done.identity.id, [armScope])).rejects.toMatchObject({
      code: 'sign_in_required',
      message: expect.stringMatching(/expired under the tenant's session policy\. Sign in again.*AADSTS70043/),
    });
    expect(opened).toEqual([]);
  });

  it('signs a known user in again without the browser while the refresh token works, and opens it only when Entra asks', async () => {
    const alex = scenarioUser(emulator, 'alex.wilber');
    const first = await newProcessService(browserSigningIn(alex.userName));
    await expect(first.waitSignIn((await first.startSignIn({ method: 'interactive' })).operationId, 20)).resolves.toMatchObject({
      state: 'done',
    });

    // Another process, past the 3 s access token: MSAL refreshes it, so no page opens.
    const opened: string[] = [];
    const recordOpened = async (url: string) => void opened.push(url);
    const refreshes = emulator.context.grantCounts.get('refresh_token') ?? 0;
    const again = await newProcessService(recordOpened);
    const silent = await again.startSignIn({ method: 'interactive', loginHint: alex.userName.toUpperCase(), tenant: contosoTenantId });
    expect(silent).toMatchObject({ method: 'interactive', openedByApp: false });
    expect(silent.authUrl).toBeUndefined();
    await expect(again.waitSignIn(silent.operationId, 0)).resolves.toMatchObject({ state: 'done', identity: { username: alex.userName } });
    expect(emulator.context.grantCounts.get('refresh_token')).toBe(refreshes + 1);

    // Entra down is not a reason to sign in: it is reported, and no page opens.
    const outage = emulator.faults.add({ service: 'entra', path: '/oauth2/v2.0/token', kind: 'error', status: 503 });
    try {
      await expect(
        (await newProcessService(recordOpened)).startSignIn({ method: 'interactive', loginHint: alex.userName }),
      ).rejects.toMatchObject({ code: 'azure_unavailable' });
    } finally {
      emulator.faults.remove(outage);
    }
    expect(opened).toEqual([]);

    // Diego's refresh token is refused (AADSTS700082): Entra needs him, so the browser opens, with his name filled in.
    const diego = scenarioUser(emulator, 'diego.siciliani');
    const signIn = await newProcessService(browserSigningIn(diego.userName));
    await expect(signIn.waitSignIn((await signIn.startSignIn({ method: 'interactive' })).operationId, 20)).resolves.toMatchObject({
      state: 'done',
    });
    const signInDiego = browserSigningIn(diego.userName);
    const interactive = await newProcessService(async (url) => (opened.push(url), signInDiego(url)));
    const started = await interactive.startSignIn({ method: 'interactive', loginHint: diego.userName });
    expect(opened).toEqual([started.authUrl]);
    expect(new URL(started.authUrl ?? '').searchParams.get('login_hint')).toBe(diego.userName);
    await expect(interactive.waitSignIn(started.operationId, 20)).resolves.toMatchObject({
      state: 'done',
      identity: { username: diego.userName },
    });
  });

  it('says when consent is declined or missing, and asks for it in the browser again', async () => {
    const isaiah = scenarioUser(emulator, 'isaiah.langer'); // the tenant wants his consent for the app
    const consenting = (decision: 'Accept' | 'Cancel') => async (url: string) => {
      const page = await browser.newPage();
      await page.goto(url);
      await typeCredentials(page, isaiah.userName);
      await page.getByRole('button', { name: decision }).click();
      await page.getByText(decision === 'Accept' ? 'You can close this tab' : 'Return to the app').waitFor();
      await page.close();
    };
    const declined = await newProcessService(consenting('Cancel'));
    await expect(declined.waitSignIn((await declined.startSignIn({ method: 'interactive' })).operationId, 20)).rejects.toMatchObject({
      code: 'sign_in_required',
      message: expect.stringMatching(/Consent was declined.*accept the consent prompt.*AADSTS65004/),
    });
    const accepted = await newProcessService(consenting('Accept'));
    const done = await accepted.waitSignIn((await accepted.startSignIn({ method: 'interactive' })).operationId, 20);
    if (done.state !== 'done') throw new Error('sign-in did not finish');

    // An admin revokes the consent: the next refresh (the token lives 3 s) is refused with 65001.
    for (const grant of emulator.context.entra.consents) if (grant.startsWith(isaiah.id)) emulator.context.entra.consents.delete(grant);
    await new Promise((resolve) => setTimeout(resolve, 3_100));
    await expect(accepted.acquireToken(done.identity.id, [armScope])).rejects.toMatchObject({
      code: 'sign_in_required',
      message: expect.stringMatching(/has no consent.*accept the consent prompt, or ask an admin.*AADSTS65001/),
    });
    // Signing him in again goes to the browser, where he can consent.
    const opened: string[] = [];
    const again = await newProcessService(async (url) => void opened.push(url));
    const started = await again.startSignIn({ method: 'interactive', loginHint: isaiah.userName });
    expect(opened).toEqual([started.authUrl]);
    again.cancelSignIn(started.operationId);
  });

  it('names an unknown client ID, and a network that is down', async () => {
    const clouds = new CloudsStore(folder);
    await clouds.save({
      ...emulator.cloudProfile,
      name: 'WrongClient',
      publicClient: { clientId: '00000000-1111-4222-8333-444444444444', tenant: 'organizations' },
    });
    await clouds.save({ ...emulator.cloudProfile, name: 'Offline', authorityHost: 'https://127.0.0.1:9' });
    const service = await newProcessService();
    await expect(service.startSignIn({ method: 'device-code', cloud: 'WrongClient' })).rejects.toMatchObject({
      code: 'sign_in_required',
      message: expect.stringMatching(/client ID 00000000-1111-4222-8333-444444444444 is not known.*Settings.*AADSTS700016/),
    });
    await expect(service.startSignIn({ method: 'device-code', cloud: 'Offline' })).rejects.toMatchObject({
      code: 'network',
      message: expect.stringContaining('https://127.0.0.1:9'),
    });
  });
});
