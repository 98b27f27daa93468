import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signJwt } from '../jwt.ts';
import { startEmulator } from '../server.ts';
import type { RunningEmulator } from '../server.ts';
import { defaultScenario, jwtClaims, rawRequest } from './emulator-fixtures.ts';

let emulator: RunningEmulator;
const westeuropeId = '35d830cb-f062-4062-9792-d6316039df56';
const eastusId = '8a2d6a1f-3c4b-4d5e-9f60-7a8b9c0d1e2f';

beforeAll(async () => {
  emulator = await startEmulator({ scenario: defaultScenario() });
});
afterAll(() => emulator.close());

async function stsToken(accountId: string): Promise<string> {
  const key = emulator.scenario.remoteRenderingAccounts.find((a) => a.accountId === accountId)?.primaryKey ?? '';
  const response = await fetch(`${emulator.urls.sts}/Accounts/${accountId}/token`, {
    headers: { Authorization: `Bearer ${accountId}:${key}` },
  });
  return ((await response.json()) as { AccessToken: string }).AccessToken;
}

function session(
  accountId: string,
  id: string,
  token: string,
  init: { method?: string; body?: unknown; suffix?: string } = {},
): Promise<Response> {
  return fetch(`${emulator.urls.arr}/accounts/${accountId}/sessions/${id}${init.suffix ?? ''}?api-version=2021-01-01`, {
    method: init.method ?? 'GET',
    headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
    ...(init.body === undefined ? {} : { body: JSON.stringify(init.body) }),
  });
}

describe('Remote Rendering sessions', () => {
  it('creates, reads, lists, extends and stops a session with a minted STS token', async () => {
    const token = await stsToken(westeuropeId);
    const created = await session(westeuropeId, 'demo-session', token, {
      method: 'PUT',
      body: { maxLeaseTimeMinutes: 30, size: 'Standard' },
    });
    expect(created.status).toBe(201);
    expect(await created.json()).toMatchObject({ id: 'demo-session', size: 'Standard', maxLeaseTimeMinutes: 30 });
    expect(((await (await session(westeuropeId, 'demo-session', token)).json()) as { status: string }).status).toBe('Ready');
    const list = await fetch(`${emulator.urls.arr}/accounts/${westeuropeId}/sessions?api-version=2021-01-01-preview`, {
      headers: { Authorization: `Bearer ${token}` },
    });
    expect(((await list.json()) as { sessions: { id: string }[] }).sessions.map((s) => s.id)).toEqual(['demo-session']);
    const extended = await session(westeuropeId, 'demo-session', token, { method: 'PATCH', body: { maxLeaseTimeMinutes: 90 } });
    expect(((await extended.json()) as { maxLeaseTimeMinutes: number }).maxLeaseTimeMinutes).toBe(90);
    expect((await session(westeuropeId, 'demo-session', token, { method: 'POST', suffix: '/:stop' })).status).toBe(204);
    expect(((await (await session(westeuropeId, 'demo-session', token)).json()) as { status: string }).status).toBe('Stopped');
  });

  it('refuses a token minted for another account with 401 and Bearer error="invalid_token"', async () => {
    const otherToken = await stsToken(eastusId);
    const response = await rawRequest(`${emulator.urls.arr}/accounts/${westeuropeId}/sessions?api-version=2021-01-01`, {
      headers: { Authorization: `Bearer ${otherToken}` },
    });
    expect(response.status).toBe(401);
    expect(response.headers['www-authenticate']).toBe('Bearer error="invalid_token"');
  });

  it('refuses an expired STS token', async () => {
    const claims = jwtClaims(await stsToken(westeuropeId));
    const past = Math.floor(Date.now() / 1000) - 90_000;
    const expired = signJwt(
      { ...claims, iat: past, nbf: past, exp: past + 86_400 - 1 },
      emulator.context.keys.sts.privateKey,
      emulator.context.keys.sts.kid,
    );
    const response = await rawRequest(`${emulator.urls.arr}/accounts/${westeuropeId}/sessions?api-version=2021-01-01`, {
      headers: { Authorization: `Bearer ${expired}` },
    });
    expect(response.status).toBe(401);
  });

  it('refuses an Entra token (it needs the STS exchange first) and a bad size with the ARR error body', async () => {
    const token = await stsToken(westeuropeId);
    const badSize = await session(westeuropeId, 'x1', token, { method: 'PUT', body: { maxLeaseTimeMinutes: 30, size: 'Huge' } });
    expect(badSize.status).toBe(400);
    expect(((await badSize.json()) as { error: { code: string } }).error.code).toBe('BadRequest');
    const forged = signJwt(
      { aid: westeuropeId, exp: Math.floor(Date.now() / 1000) + 600 },
      emulator.context.keys.entra.privateKey,
      emulator.context.keys.entra.kid,
    );
    expect((await session(westeuropeId, 'x1', forged)).status).toBe(401);
  });
});
