import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodeJwt } from '../jwt.ts';
import { startEmulator } from '../server.ts';
import type { RunningEmulator } from '../server.ts';
import { defaultScenario, jwtClaims, rawRequest, userAccessToken } from './emulator-fixtures.ts';

const recorded = JSON.parse(readFileSync(new URL('./fixtures/sts-recorded-response.json', import.meta.url), 'utf8')) as {
  responseHeaderNames: string[];
  bodyKeys: string[];
  contentType: string;
  cacheControl: string;
  tokenClaimNames: string[];
};

let emulator: RunningEmulator;
const westeurope = { id: '35d830cb-f062-4062-9792-d6316039df56', key: '', secondary: '' };
const eastusId = '8a2d6a1f-3c4b-4d5e-9f60-7a8b9c0d1e2f';

beforeAll(async () => {
  emulator = await startEmulator({ scenario: defaultScenario() });
  const account = emulator.scenario.remoteRenderingAccounts.find((a) => a.accountId === westeurope.id);
  westeurope.key = account?.primaryKey ?? '';
  westeurope.secondary = account?.secondaryKey ?? '';
});
afterAll(() => emulator.close());

const stsUrl = (accountId: string, path = 'Accounts', query = '?api-version=2019-02-28-preview'): string =>
  `${emulator.urls.sts}/${path}/${accountId}/token${query}`;
const withKey = (accountId: string, key: string): Record<string, string> => ({
  Authorization: `Bearer ${accountId}:${key}`,
  Accept: 'application/json',
  'X-MRC-CV': 'FkF00o9EBU3rsKGk6FCtBl',
});

describe('Mixed Reality STS', () => {
  it('answers with the header names and body casing of the recorded live service', async () => {
    const response = await rawRequest(stsUrl(westeurope.id), { headers: withKey(westeurope.id, westeurope.key) });
    expect(response.status).toBe(200);
    for (const name of recorded.responseHeaderNames) expect(response.headerNames).toContain(name);
    expect(response.headers['content-type']).toBe(recorded.contentType);
    expect(response.headers['cache-control']).toBe(recorded.cacheControl);
    expect(response.headers['ms-cv']).toMatch(/^[A-Za-z0-9+/]{22}\.0$/);
    const body = JSON.parse(response.body) as Record<string, string>;
    expect(Object.keys(body)).toEqual(recorded.bodyKeys);
    expect(Object.keys(jwtClaims(body['AccessToken'] ?? '')).sort()).toEqual([...recorded.tokenClaimNames].sort());
  });

  it('treats the path case-insensitively and the api-version as optional, as the PowerShell scripts call it', async () => {
    const lower = await rawRequest(stsUrl(westeurope.id, 'accounts', ''), { headers: withKey(westeurope.id, westeurope.key) });
    const upper = await rawRequest(stsUrl(westeurope.id, 'ACCOUNTS', '?api-version=2019-02-28-preview'), {
      headers: withKey(westeurope.id, westeurope.secondary),
    });
    expect([lower.status, upper.status]).toEqual([200, 200]);
  });

  it('mints a 24-hour RS256 token naming the account, its ARM id and region', async () => {
    const response = await rawRequest(stsUrl(westeurope.id), { headers: withKey(westeurope.id, westeurope.key) });
    const token = (JSON.parse(response.body) as { AccessToken: string }).AccessToken;
    const header = decodeJwt(token)?.header ?? {};
    const claims = jwtClaims(token);
    expect(header['alg']).toBe('RS256');
    expect(claims['aid']).toBe(westeurope.id);
    expect(claims['apr']).toBe('westeurope');
    expect(claims['rid']).toMatch(/\/providers\/Microsoft\.MixedReality\/remoteRenderingAccounts\/contoso-arr-westeurope$/);
    expect(claims['iss']).toBe('https://sts.westeurope.mixedreality.azure.com/');
    expect(Number(claims['exp']) - Number(claims['iat'])).toBe(86_400);
    expect(Math.abs(Number(claims['exp']) - (Date.now() / 1000 + 86_400))).toBeLessThan(60);
  });

  it('refuses a non-GUID account id with 400 and the reason in WWW-Authenticate only', async () => {
    const response = await rawRequest(stsUrl('not-a-guid'), { headers: withKey('not-a-guid', westeurope.key) });
    expect(response.status).toBe(400);
    expect(response.headers['www-authenticate']).toMatch(/^Invalid request: /);
    expect(response.body).toBe('');
  });

  it('refuses a wrong key, a key for another account and a missing header with 401 and no body', async () => {
    const wrongKey = await rawRequest(stsUrl(westeurope.id), { headers: withKey(westeurope.id, 'bm90LXRoZS1rZXk=') });
    const otherAccount = await rawRequest(stsUrl(eastusId), { headers: withKey(westeurope.id, westeurope.key) });
    const none = await rawRequest(stsUrl(westeurope.id));
    for (const response of [wrongKey, otherAccount, none]) {
      expect(response.status).toBe(401);
      expect(response.headers['www-authenticate']).toMatch(/^Invalid token: /);
      expect(response.body).toBe('');
    }
  });

  it('throttles with 429 and Retry-After: 5, headers only', async () => {
    emulator.faults.add({ service: 'sts', kind: 'throttle', times: 1 });
    const response = await rawRequest(stsUrl(westeurope.id), { headers: withKey(westeurope.id, westeurope.key) });
    expect(response.status).toBe(429);
    expect(response.headers['retry-after']).toBe('5');
    expect(response.body).toBe('');
  });

  it('accepts Entra tokens for every STS scope form from a principal holding a Remote Rendering role', async () => {
    for (const scope of [
      'https://sts.westeurope.mixedreality.azure.com/.default',
      'https://sts.mixedreality.azure.com//.default',
      'https://sts.mixedreality.azure.com/mixedreality.signin',
    ]) {
      const entraToken = await userAccessToken(emulator, 'adele.vance', scope);
      const response = await rawRequest(stsUrl(westeurope.id), { headers: { Authorization: `Bearer ${entraToken}` } });
      expect(response.status, scope).toBe(200);
    }
  });

  it('accepts a member of a group that holds Remote Rendering Client', async () => {
    const entraToken = await userAccessToken(emulator, 'isaiah.langer', 'https://sts.westeurope.mixedreality.azure.com/.default');
    expect((await rawRequest(stsUrl(westeurope.id), { headers: { Authorization: `Bearer ${entraToken}` } })).status).toBe(200);
  });

  it('refuses an Owner (control plane only), a role whose notDataActions remove rendering, and a token for ARM', async () => {
    const owner = await userAccessToken(emulator, 'alex.wilber', 'https://sts.westeurope.mixedreality.azure.com/.default');
    const converter = await userAccessToken(emulator, 'diego.siciliani', 'https://sts.eastus.mixedreality.azure.com/.default');
    const armToken = await userAccessToken(emulator, 'adele.vance', 'https://management.azure.com/.default');
    const results = await Promise.all([
      rawRequest(stsUrl(westeurope.id), { headers: { Authorization: `Bearer ${owner}` } }),
      rawRequest(stsUrl(eastusId), { headers: { Authorization: `Bearer ${converter}` } }),
      rawRequest(stsUrl(westeurope.id), { headers: { Authorization: `Bearer ${armToken}` } }),
    ]);
    expect(results.map((r) => r.status)).toEqual([401, 401, 401]);
  });
});
