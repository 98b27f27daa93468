import { CommunicationIdentityClient } from '@azure/communication-identity';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startEmulator } from '../server.ts';
import type { RunningEmulator } from '../server.ts';
import { defaultScenario, rawRequest } from './emulator-fixtures.ts';

let emulator: RunningEmulator;
const accountId = '35d830cb-f062-4062-9792-d6316039df56';

beforeAll(async () => {
  emulator = await startEmulator({
    scenario: { ...defaultScenario(), faults: [{ service: 'sts', kind: 'error', status: 503, times: 1 }] },
  });
});
afterEach(() => emulator.faults.clear());
afterAll(() => emulator.close());

const stsToken = (): Promise<Response> => {
  const key = emulator.scenario.remoteRenderingAccounts.find((a) => a.accountId === accountId)?.primaryKey ?? '';
  return fetch(`${emulator.urls.sts}/Accounts/${accountId}/token`, { headers: { Authorization: `Bearer ${accountId}:${key}` } });
};

describe('faults on demand', () => {
  it('applies a scenario fault (one 503 from the STS) and then serves normally', async () => {
    expect((await stsToken()).status).toBe(503);
    expect((await stsToken()).status).toBe(200);
  });

  it('throttles with 429 and Retry-After, and the official ACS client retries to success', async () => {
    emulator.faults.add({ service: 'acs', kind: 'throttle', retryAfterSeconds: 1, times: 1 });
    const started = Date.now();
    const user = await new CommunicationIdentityClient(emulator.acsConnectionString('contoso-acs-chat')).createUser();
    expect(user.communicationUserId).toMatch(/^8:acs:/);
    expect(Date.now() - started).toBeGreaterThanOrEqual(900);
  });

  it('answers 429 with a JSON body and Retry-After on ARM', async () => {
    emulator.faults.add({ service: 'arm', kind: 'throttle', times: 1 });
    const response = await rawRequest(`${emulator.urls.arm}/subscriptions?api-version=2022-12-01`);
    expect(response.status).toBe(429);
    expect(response.headers['retry-after']).toBe('10');
    expect(JSON.parse(response.body)).toMatchObject({ error: { code: 'TooManyRequests' } });
  });

  it('fails one request with the 5xx named in its x-emulator-fault header', async () => {
    const response = await rawRequest(`${emulator.urls.arm}/subscriptions?api-version=2022-12-01`, {
      headers: { 'x-emulator-fault': 'error;status=500' },
    });
    expect(response.status).toBe(500);
    expect((await rawRequest(`${emulator.urls.arm}/subscriptions?api-version=2022-12-01`)).status).toBe(401);
  });

  it('answers slowly, then normally', async () => {
    emulator.faults.add({ service: 'sts', kind: 'slow', delayMs: 600, times: 1 });
    const started = Date.now();
    expect((await stsToken()).status).toBe(200);
    expect(Date.now() - started).toBeGreaterThanOrEqual(550);
  });

  it('drops the connection without an answer, only on the matching path', async () => {
    emulator.faults.add({ service: 'entra', path: '/oauth2/v2.0/token', kind: 'drop' });
    await expect(
      fetch(`${emulator.urls.entra}/organizations/oauth2/v2.0/token`, { method: 'POST', body: 'grant_type=x' }),
    ).rejects.toThrow();
    expect((await fetch(`${emulator.urls.entra}/organizations/v2.0/.well-known/openid-configuration`)).status).toBe(200);
  });
});
