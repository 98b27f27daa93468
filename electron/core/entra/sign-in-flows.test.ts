import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  certificateServicePrincipalAppId,
  contosoTenantId,
  defaultScenario,
  enterDeviceCode,
  jwtClaims,
  scenarioUser,
  secretServicePrincipal,
} from '../../../e2e/azure-emulator/test/emulator-fixtures.ts';
import { startEmulator, type RunningEmulator } from '../../../e2e/azure-emulator/server.ts';
import { createMemoryKeychain } from '../vault/keychain.ts';
import { openVault, type Vault } from '../vault/vault.ts';
import { startDeviceCodeSignIn } from './device-code-sign-in.ts';
import { EntraHttpClient } from './entra-http-client.ts';
import { MsalApps } from './msal-apps.ts';
import { certificateClientCredential, readCertificateCredential } from './service-principal-credential.ts';
import { signInError } from './sign-in-errors.ts';

let emulator: RunningEmulator;
let folder: string;
let vault: Vault;
let apps: MsalApps;

/** MSAL's HTTP client as the app configures it, noting every URL MSAL asks for. */
class RecordingHttpClient extends EntraHttpClient {
  readonly urls: string[] = [];
  override sendGetRequestAsync<T>(...args: Parameters<EntraHttpClient['sendGetRequestAsync']>) {
    this.urls.push(args[0]);
    return super.sendGetRequestAsync<T>(...args);
  }
  override sendPostRequestAsync<T>(...args: Parameters<EntraHttpClient['sendPostRequestAsync']>) {
    this.urls.push(args[0]);
    return super.sendPostRequestAsync<T>(...args);
  }
}
const http = new RecordingHttpClient();
const armScope = 'https://management.azure.com/.default';

beforeAll(async () => {
  emulator = await startEmulator({ scenario: defaultScenario({ deviceCodeIntervalSeconds: 1 }) });
  folder = await mkdtemp(path.join(os.tmpdir(), 'azcred-flows-'));
  vault = await openVault({ dataFolder: folder, keychain: createMemoryKeychain() });
  apps = new MsalApps(async () => vault, http);
});
afterAll(async () => {
  vault.close();
  await emulator.close();
  await rm(folder, { recursive: true, force: true });
});

describe('device-code sign-in', () => {
  it('shows a code and URL, and completes when the user enters it', async () => {
    const signIn = await startDeviceCodeSignIn(await apps.publicClient(emulator.cloudProfile), [armScope], apps.http);
    expect(signIn.userCode).toMatch(/^[A-Z0-9]{6,12}$/);
    expect(signIn.verificationUri).toContain(emulator.urls.entra);
    const alex = scenarioUser(emulator, 'alex.wilber');
    await enterDeviceCode(emulator, signIn.verificationUri, signIn.userCode, alex.userName);
    const result = await signIn.result;
    expect(result.account?.username).toBe(alex.userName);
  });

  it('tells an MFA-required user to use interactive sign-in', async () => {
    const signIn = await startDeviceCodeSignIn(await apps.publicClient(emulator.cloudProfile), [armScope], apps.http);
    await enterDeviceCode(emulator, signIn.verificationUri, signIn.userCode, scenarioUser(emulator, 'megan.bowen').userName);
    const error = await signIn.result.catch((e: unknown) => signInError(e, { who: 'Megan' }));
    expect(error).toMatchObject({
      code: 'sign_in_required',
      message: expect.stringMatching(/Megan must complete multi-factor authentication.*interactive sign-in.*AADSTS50076/),
    });
  });

  it('tells a Conditional Access user what blocked them', async () => {
    const signIn = await startDeviceCodeSignIn(await apps.publicClient(emulator.cloudProfile), [armScope], apps.http);
    await enterDeviceCode(emulator, signIn.verificationUri, signIn.userCode, scenarioUser(emulator, 'lee.gu').userName);
    const error = await signIn.result.catch((e: unknown) => signInError(e));
    expect(error).toMatchObject({
      code: 'sign_in_required',
      message: expect.stringMatching(/Conditional Access policy.*blocked.*AADSTS53003/),
    });
  });

  it('stops polling when cancelled', async () => {
    const polls = () => emulator.context.grantCounts.get('urn:ietf:params:oauth:grant-type:device_code') ?? 0;
    const before = polls();
    const signIn = await startDeviceCodeSignIn(await apps.publicClient(emulator.cloudProfile), [armScope], apps.http);
    await expect.poll(polls, { timeout: 5_000 }).toBeGreaterThan(before); // the control: it polls every second
    signIn.cancel();
    await expect(signIn.result).rejects.toMatchObject({ code: 'cancelled' });
    await new Promise((resolve) => setTimeout(resolve, 1_500)); // a poll already waiting its interval may still go out
    const stopped = polls();
    await new Promise((resolve) => setTimeout(resolve, 2_500));
    expect(polls()).toBe(stopped);
  });
});

describe('service principal sign-in', () => {
  const identity = { id: 'sp-test', tenantId: contosoTenantId, clientId: secretServicePrincipal.appId };

  it('gets an app token with a client secret; a wrong secret gets words that say what to do', async () => {
    const good = await (
      await apps.servicePrincipal(emulator.cloudProfile, identity, { clientSecret: secretServicePrincipal.secret })
    ).acquireTokenByClientCredential({ scopes: [armScope] });
    expect(jwtClaims(good?.accessToken ?? '')).toMatchObject({ appid: secretServicePrincipal.appId, idtyp: 'app' });
    const wrong = await (
      await apps.servicePrincipal(emulator.cloudProfile, { ...identity, id: 'sp-wrong' }, { clientSecret: 'wrong' })
    )
      .acquireTokenByClientCredential({ scopes: [armScope] })
      .catch((e: unknown) => signInError(e));
    expect(wrong).toMatchObject({ code: 'sign_in_required', message: expect.stringContaining('client secret is wrong or expired') });
  });

  it('gets an app token with a certificate read from one PEM, and refuses a PEM without its key', async () => {
    const certificate = emulator.clientCertificates[certificateServicePrincipalAppId];
    if (!certificate) throw new Error('the default scenario generates a certificate');
    const pem = `${certificate.privateKeyPem}\n${certificate.certPem}`;
    const credential = readCertificateCredential(pem);
    expect(credential.thumbprintSha256).toBe(certificate.thumbprintSha256.toLowerCase());
    const app = await apps.servicePrincipal(
      emulator.cloudProfile,
      { id: 'sp-cert', tenantId: contosoTenantId, clientId: certificateServicePrincipalAppId },
      certificateClientCredential(credential),
    );
    const result = await app.acquireTokenByClientCredential({ scopes: [armScope] });
    expect(jwtClaims(result?.accessToken ?? '')).toMatchObject({ appid: certificateServicePrincipalAppId, appidacr: '2' });
    expect(() => readCertificateCredential(certificate.certPem)).toThrow(
      expect.objectContaining({ code: 'invalid_input', issues: [expect.objectContaining({ path: 'certificatePem' })] }),
    );
  });
});

describe('Entra failing or slow', () => {
  const clientCredential = (client: EntraHttpClient, id: string) =>
    new MsalApps(async () => vault, client)
      .servicePrincipal(
        emulator.cloudProfile,
        { id, tenantId: contosoTenantId, clientId: secretServicePrincipal.appId },
        { clientSecret: secretServicePrincipal.secret },
      )
      .then((app) => app.acquireTokenByClientCredential({ scopes: [armScope] }))
      .catch((e: unknown) => signInError(e, { authorityHost: emulator.cloudProfile.authorityHost }));

  it.each([
    [
      'throttles (429)',
      { kind: 'throttle', retryAfterSeconds: 1 },
      'azure_throttled',
      /slow down \(HTTP 429\).*Wait a minute, then try again/,
    ],
    [
      'is unavailable (503)',
      { kind: 'error', status: 503 },
      'azure_unavailable',
      /temporarily unavailable \(HTTP 503\)\. Try again in a few minutes/,
    ],
    ['fails (500)', { kind: 'error', status: 500 }, 'azure_unavailable', /temporarily unavailable \(HTTP 500\)/],
    ['does not answer in time', { kind: 'slow', delayMs: 2_000 }, 'network', /did not answer in time\. Check the network/],
  ] as const)('says what to do when Entra %s, not to sign in again', async (_, fault, code, message) => {
    const rule = emulator.faults.add({ service: 'entra', path: '/oauth2/v2.0/token', ...fault });
    try {
      const error = await clientCredential(new EntraHttpClient(500), `sp-fault-${fault.kind}-${'status' in fault ? fault.status : ''}`);
      expect(error).toMatchObject({ code, message: expect.stringMatching(message) });
      expect((error as Error).message).not.toMatch(/sign in again/i);
    } finally {
      emulator.faults.remove(rule);
    }
  });
});

describe('a custom cloud', () => {
  it('is trusted as a known authority: MSAL asks only the emulator, never the public instance-discovery endpoint', () => {
    // By now the tests above have run device-code and service-principal sign-ins through `http`.
    expect(http.urls.length).toBeGreaterThan(3);
    const emulatorHost = new URL(emulator.urls.entra).host;
    expect(http.urls.filter((url) => new URL(url).host !== emulatorHost)).toEqual([]);
    expect(http.urls.filter((url) => url.includes('discovery/instance'))).toEqual([]);
  });
});
