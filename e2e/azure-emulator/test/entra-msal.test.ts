import { ConfidentialClientApplication, PublicClientApplication } from '@azure/msal-node';
import type { AccountInfo } from '@azure/msal-node';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningEmulator } from '../server.ts';
import {
  azureCliClientId,
  certificateServicePrincipalAppId,
  contosoTenantId,
  jwtClaims,
  scenarioUser,
  secretServicePrincipal,
} from './emulator-fixtures.ts';
import { startEmulatorAndChromium } from './emulator-and-chromium.ts';
import { enterDeviceCodeInBrowser, typeCredentials } from './sign-in-page.ts';

const armScope = 'https://management.azure.com/.default';
let emulator: RunningEmulator;
let browser: Browser;

beforeAll(async () => {
  // Access tokens live 2 s so a silent call after a short wait must use the refresh token.
  ({ emulator, browser } = await startEmulatorAndChromium({ accessTokenSeconds: 2, deviceCodeIntervalSeconds: 1 }));
});
afterAll(async () => {
  await browser.close();
  await emulator.close();
});

function publicClient(): PublicClientApplication {
  return new PublicClientApplication({
    auth: { clientId: azureCliClientId, authority: `${emulator.urls.entra}/organizations`, knownAuthorities: [emulator.authorityHost] },
  });
}

function confidentialClient(
  credentials: { clientSecret: string } | { clientCertificate: { thumbprintSha256?: string; thumbprint?: string; privateKey: string } },
  clientId: string,
): ConfidentialClientApplication {
  return new ConfidentialClientApplication({
    auth: { clientId, authority: `${emulator.urls.entra}/${contosoTenantId}`, knownAuthorities: [emulator.authorityHost], ...credentials },
  });
}

describe('MSAL Node against the emulator', () => {
  it('signs in interactively: Chromium fills the sign-in page and MSAL redeems the code with PKCE', async () => {
    const pca = publicClient();
    const adele = scenarioUser(emulator, 'adele.vance');
    const result = await pca.acquireTokenInteractive({
      scopes: [armScope],
      loginHint: adele.userName,
      openBrowser: async (url) => {
        expect(new URL(url).searchParams.get('code_challenge_method')).toBe('S256');
        const page = await browser.newPage();
        await page.goto(url);
        expect(await page.getByLabel('Email, phone, or Skype').inputValue()).toBe(adele.userName);
        await typeCredentials(page, adele.userName);
        await page.waitForURL(/^http:\/\/localhost:\d+\/$/);
        await page.close();
      },
    });
    expect(result.account?.username).toBe(adele.userName);
    expect(result.account?.tenantId).toBe(contosoTenantId);
    expect(jwtClaims(result.accessToken)).toMatchObject({
      aud: 'https://management.azure.com',
      oid: adele.id,
      tid: contosoTenantId,
      scp: 'user_impersonation',
    });
  });

  it('completes device code sign-in, then refreshes after the access token expired and rotates the refresh token', async () => {
    const pca = publicClient();
    const userName = scenarioUser(emulator, 'alex.wilber').userName;
    const first = await pca.acquireTokenByDeviceCode({
      scopes: [armScope],
      deviceCodeCallback: (response) => {
        void enterDeviceCodeInBrowser(browser, response.verificationUri, response.userCode, userName);
      },
    });
    expect(first?.account?.username).toBe(userName);
    const firstClaims = jwtClaims(first?.accessToken ?? '');
    await new Promise((resolve) => setTimeout(resolve, 2_200));
    expect(Number(firstClaims['exp']) * 1000).toBeLessThan(Date.now());

    const refreshesBefore = emulator.context.grantCounts.get('refresh_token') ?? 0;
    const alexTokens = (): string[] =>
      [...emulator.context.entra.refreshTokens]
        .filter(([, grant]) => grant.userId === first?.account?.localAccountId)
        .map(([token]) => token);
    const [issued] = alexTokens();
    const second = await pca.acquireTokenSilent({ account: first?.account as AccountInfo, scopes: [armScope] });
    expect(emulator.context.grantCounts.get('refresh_token')).toBe(refreshesBefore + 1);
    expect(second.accessToken).not.toBe(first?.accessToken);
    expect(Number(jwtClaims(second.accessToken)['exp']) * 1000).toBeGreaterThan(Date.now());
    const now = alexTokens();
    expect(now).toHaveLength(1);
    expect(now).not.toContain(issued);
  });

  it('gets an app token with a client secret, and refuses a wrong secret with AADSTS7000215', async () => {
    const result = await confidentialClient(
      { clientSecret: secretServicePrincipal.secret },
      secretServicePrincipal.appId,
    ).acquireTokenByClientCredential({ scopes: [armScope] });
    expect(jwtClaims(result?.accessToken ?? '')).toMatchObject({
      idtyp: 'app',
      oid: secretServicePrincipal.objectId,
      appid: secretServicePrincipal.appId,
      tid: contosoTenantId,
    });
    const wrong = confidentialClient({ clientSecret: 'not-the-secret' }, secretServicePrincipal.appId).acquireTokenByClientCredential({
      scopes: [armScope],
    });
    await expect(wrong).rejects.toMatchObject({ errorCode: 'invalid_client', errorMessage: expect.stringContaining('AADSTS7000215') });
  });

  it('gets an app token with a certificate assertion, by SHA-256 (PS256) and SHA-1 (RS256) thumbprint', async () => {
    const certificate = emulator.clientCertificates[certificateServicePrincipalAppId];
    if (!certificate) throw new Error('the default scenario generates a certificate');
    const bySha256 = await confidentialClient(
      { clientCertificate: { thumbprintSha256: certificate.thumbprintSha256, privateKey: certificate.privateKeyPem } },
      certificateServicePrincipalAppId,
    ).acquireTokenByClientCredential({ scopes: [armScope] });
    expect(jwtClaims(bySha256?.accessToken ?? '')['appidacr']).toBe('2');
    const bySha1 = await confidentialClient(
      { clientCertificate: { thumbprint: certificate.thumbprintSha1, privateKey: certificate.privateKeyPem } },
      certificateServicePrincipalAppId,
    ).acquireTokenByClientCredential({ scopes: ['https://communication.azure.com//.default'] });
    expect(jwtClaims(bySha1?.accessToken ?? '')['aud']).toBe('https://communication.azure.com/');
    // The secret-only service principal has no certificate registered, so the same assertion names the wrong client.
    const wrongClient = confidentialClient(
      { clientCertificate: { thumbprintSha256: certificate.thumbprintSha256, privateKey: certificate.privateKeyPem } },
      secretServicePrincipal.appId,
    ).acquireTokenByClientCredential({ scopes: [armScope] });
    await expect(wrongClient).rejects.toMatchObject({ errorMessage: expect.stringContaining('AADSTS700027') });
  });
});
