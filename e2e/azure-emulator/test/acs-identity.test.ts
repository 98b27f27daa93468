import { AzureCommunicationTokenCredential } from '@azure/communication-common';
import { CommunicationIdentityClient } from '@azure/communication-identity';
import type { AccessToken, TokenCredential } from '@azure/core-auth';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { authorizationHeader, contentHash, hmacBase64, stringToSign } from '../acs-hmac.ts';
import { startEmulator } from '../server.ts';
import type { RunningEmulator } from '../server.ts';
import {
  appAccessToken,
  azureCliClientId,
  defaultScenario,
  devRegistrationClientId,
  jwtClaims,
  rawRequest,
  scenarioUser,
  userAccessToken,
} from './emulator-fixtures.ts';

let emulator: RunningEmulator;
const resourceName = 'contoso-acs-chat';

beforeAll(async () => {
  emulator = await startEmulator({ scenario: defaultScenario() });
});
afterAll(() => emulator.close());

/** Signs like the SDK does, so each test can break exactly one thing. */
async function signed(
  method: string,
  pathAndQuery: string,
  body = '',
  tweak: { date?: Date; hash?: string } = {},
): Promise<{ status: number; json: unknown }> {
  const base = emulator.urls.acs[resourceName] ?? '';
  const host = new URL(base).host;
  const date = (tweak.date ?? new Date()).toUTCString();
  const hash = tweak.hash ?? contentHash(body);
  const key = emulator.scenario.communicationServices.find((r) => r.name === resourceName)?.primaryKey ?? '';
  const signature = hmacBase64(key, stringToSign(method, pathAndQuery, date, host, hash));
  const response = await rawRequest(`${base}${pathAndQuery}`, {
    method,
    headers: {
      'x-ms-date': date,
      'x-ms-content-sha256': hash,
      Authorization: authorizationHeader(signature),
      'Content-Type': 'application/json',
    },
    body,
  });
  return { status: response.status, json: response.body ? JSON.parse(response.body) : undefined };
}

const chatThreads = (token: string): Promise<Response> =>
  fetch(`${emulator.urls.acs[resourceName] ?? ''}/chat/threads?api-version=2021-09-07`, { headers: { Authorization: `Bearer ${token}` } });

describe('ACS identity with the official client', () => {
  it('creates a user, issues a token, revokes and deletes through @azure/communication-identity', async () => {
    const client = new CommunicationIdentityClient(emulator.acsConnectionString(resourceName));
    const user = await client.createUser();
    expect(user.communicationUserId).toMatch(
      /^8:acs:1b5cc06b-f352-4571-b1e6-d9b259b7c776_[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/,
    );
    const issued = await client.getToken(user, ['chat', 'voip'], { tokenExpiresInMinutes: 60 });
    expect(Math.floor(issued.expiresOn.getTime() / 1000)).toBe(jwtClaims(issued.token)['exp']);
    const credential = new AzureCommunicationTokenCredential(issued.token);
    const fromCredential = await credential.getToken();
    expect(fromCredential.token).toBe(issued.token);
    expect(fromCredential.expiresOnTimestamp).toBe(Number(jwtClaims(issued.token)['exp']) * 1000);
    expect((await chatThreads(issued.token)).status).toBe(200);

    await client.revokeTokens(user);
    expect((await chatThreads(issued.token)).status).toBe(401);
    await client.deleteUser(user);
    await expect(client.getToken(user, ['chat'])).rejects.toMatchObject({ statusCode: 404 });
  });

  it('creates a user with a token in one call, with the default 24 h lifetime', async () => {
    const client = new CommunicationIdentityClient(emulator.acsConnectionString(resourceName, 'secondary'));
    const { user, token, expiresOn } = await client.createUserAndToken(['voip']);
    expect(user.communicationUserId.startsWith('8:acs:')).toBe(true);
    expect(expiresOn.getTime() - Date.now()).toBeGreaterThan(1439 * 60_000);
    expect(jwtClaims(token)['acsScope']).toBe('voip');
    // A voip token is for Calling: Chat knows the user but refuses the scope.
    const refused = await chatThreads(token);
    expect(refused.status).toBe(403);
    expect(await refused.json()).toMatchObject({ error: { code: 'Forbidden', message: expect.stringContaining('chat scope') } });
  });

  it('accepts an Entra token from a principal with a Communication role and refuses a Reader', async () => {
    const endpoint = emulator.urls.acs[resourceName] ?? '';
    const credentialFor = (token: string): TokenCredential => ({
      getToken: (): Promise<AccessToken> => Promise.resolve({ token, expiresOnTimestamp: Date.now() + 3_600_000 }),
    });
    const owner = await appAccessToken(emulator, 'https://communication.azure.com//.default');
    const user = await new CommunicationIdentityClient(endpoint, credentialFor(owner)).createUser();
    expect(user.communicationUserId).toMatch(/^8:acs:/);
    // Through an app registered in the tenant: the Azure CLI's client is refused ACS tokens outright (AADSTS65002).
    const reader = await userAccessToken(emulator, 'adele.vance', 'https://communication.azure.com//.default', {
      clientId: devRegistrationClientId,
    });
    await expect(new CommunicationIdentityClient(endpoint, credentialFor(reader)).createUser()).rejects.toMatchObject({ statusCode: 401 });
  });

  it('exchanges a Teams user Entra token through getTokenForTeamsUser, checking the app and user ids', async () => {
    const client = new CommunicationIdentityClient(emulator.acsConnectionString(resourceName));
    const adele = scenarioUser(emulator, 'adele.vance');
    const teamsUserAadToken = await userAccessToken(emulator, 'adele.vance', 'https://auth.msft.communication.azure.com/Teams.ManageCalls');
    const exchanged = await client.getTokenForTeamsUser({ teamsUserAadToken, clientId: azureCliClientId, userObjectId: adele.id });
    expect(jwtClaims(exchanged.token)['skypeid']).toBe(`orgid:${adele.id}`);
    expect(Math.floor(exchanged.expiresOn.getTime() / 1000)).toBe(jwtClaims(teamsUserAadToken)['exp']);
    const wrongUser = client.getTokenForTeamsUser({
      teamsUserAadToken,
      clientId: azureCliClientId,
      userObjectId: scenarioUser(emulator, 'alex.wilber').id,
    });
    await expect(wrongUser).rejects.toMatchObject({ statusCode: 401 });
  });
});

describe('ACS identity validation', () => {
  it('writes expiresOn with seven fractional digits and an offset, and exp equal to it', async () => {
    const created = await signed(
      'POST',
      '/identities?api-version=2023-10-01',
      JSON.stringify({ createTokenWithScopes: ['chat'], expiresInMinutes: 60 }),
    );
    expect(created.status).toBe(201);
    const { accessToken } = created.json as { accessToken: { token: string; expiresOn: string } };
    expect(accessToken.expiresOn).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{7}\+00:00$/);
    expect(jwtClaims(accessToken.token)['exp']).toBe(Math.floor(Date.parse(accessToken.expiresOn) / 1000));
  });

  it('requires api-version', async () => {
    const response = await signed('POST', '/identities');
    expect(response).toEqual({
      status: 400,
      json: {
        error: {
          code: 'MissingApiVersionParameter',
          message: 'The api-version query parameter (?api-version=) is required for all requests.',
        },
      },
    });
  });

  it.each([59, 1441])('refuses expiresInMinutes %i with a ValidationError naming the field', async (minutes) => {
    const response = await signed(
      'POST',
      '/identities?api-version=2023-10-01',
      JSON.stringify({ createTokenWithScopes: ['chat'], expiresInMinutes: minutes }),
    );
    expect(response).toEqual({
      status: 400,
      json: { error: { code: 'ValidationError', message: 'expiresInMinutes must be between 60 and 1440', target: 'expiresInMinutes' } },
    });
  });

  it('refuses an unknown scope', async () => {
    const user = (await signed('POST', '/identities?api-version=2023-10-01')).json as { identity: { id: string } };
    const response = await signed(
      'POST',
      `/identities/${encodeURIComponent(user.identity.id)}/:issueAccessToken?api-version=2023-10-01`,
      JSON.stringify({ scopes: ['email'] }),
    );
    expect(response.status).toBe(400);
    expect(response.json).toMatchObject({ error: { code: 'ValidationError', target: 'scopes' } });
  });

  it('refuses an x-ms-date more than 15 minutes off and a body that does not match its hash, as Denied', async () => {
    const denied = { status: 401, json: { error: { code: 'Denied', message: 'Denied by the resource provider.' } } };
    expect(await signed('POST', '/identities?api-version=2023-10-01', '', { date: new Date(Date.now() - 16 * 60_000) })).toEqual(denied);
    expect(
      await signed('POST', '/identities?api-version=2023-10-01', '{"createTokenWithScopes":["chat"]}', { hash: contentHash('{}') }),
    ).toEqual(denied);
    expect((await signed('POST', '/identities?api-version=2023-10-01', '', { date: new Date(Date.now() - 14 * 60_000) })).status).toBe(201);
  });

  it('revocation invalidates tokens issued before it, not those issued after', async () => {
    const created = (await signed('POST', '/identities?api-version=2023-10-01', JSON.stringify({ createTokenWithScopes: ['chat'] })))
      .json as {
      identity: { id: string };
      accessToken: { token: string };
    };
    const path = `/identities/${encodeURIComponent(created.identity.id)}`;
    const second = (await signed('POST', `${path}/:issueAccessToken?api-version=2023-10-01`, JSON.stringify({ scopes: ['chat'] })))
      .json as { token: string };
    expect((await signed('POST', `${path}/:revokeAccessTokens?api-version=2023-10-01`)).status).toBe(204);
    const after = (await signed('POST', `${path}/:issueAccessToken?api-version=2023-10-01`, JSON.stringify({ scopes: ['chat'] }))).json as {
      token: string;
    };
    expect((await chatThreads(created.accessToken.token)).status).toBe(401);
    expect((await chatThreads(second.token)).status).toBe(401);
    expect((await chatThreads(after.token)).status).toBe(200);
  });
});

describe('ACS identity on api-version 2025-06-30', () => {
  const v = 'api-version=2025-06-30';

  it('creates an identity with a customId, returns the same identity for the same customId, and shows it with Get identity', async () => {
    const first = await signed('POST', `/identities?${v}`, JSON.stringify({ customId: 'sally@contoso.com' }));
    expect(first.status).toBe(201);
    const { identity } = first.json as { identity: { id: string; customId: string } };
    expect(identity).toEqual({ id: expect.stringMatching(/^8:acs:/), customId: 'sally@contoso.com' });
    const again = (await signed('POST', `/identities?${v}`, JSON.stringify({ customId: 'sally@contoso.com' }))).json as typeof first.json;
    expect(again).toMatchObject({ identity: { id: identity.id } });
    const path = `/identities/${encodeURIComponent(identity.id)}`;
    expect(await signed('GET', `${path}?${v}`)).toEqual({ status: 200, json: { id: identity.id, customId: 'sally@contoso.com' } });

    const before = Date.now();
    await signed('POST', `${path}/:issueAccessToken?${v}`, JSON.stringify({ scopes: ['chat'] }));
    const shown = (await signed('GET', `${path}?${v}`)).json as { lastTokenIssuedAt: string };
    expect(shown.lastTokenIssuedAt).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{7}\+00:00$/);
    expect(Date.parse(shown.lastTokenIssuedAt)).toBeGreaterThanOrEqual(before - 1000);
  });

  it('refuses customId and Get identity on older api-versions, and answers 404 for an unknown identity', async () => {
    const old = await signed('POST', '/identities?api-version=2023-10-01', JSON.stringify({ customId: 'x' }));
    expect(old).toMatchObject({ status: 400, json: { error: { code: 'ValidationError', target: 'customId' } } });
    const created = (await signed('POST', `/identities?${v}`)).json as { identity: { id: string } };
    expect((await signed('GET', `/identities/${encodeURIComponent(created.identity.id)}?api-version=2023-10-01`)).status).toBe(404);
    const unknown = await signed('GET', `/identities/${encodeURIComponent('8:acs:nobody_0')}?${v}`);
    expect(unknown).toMatchObject({ status: 404, json: { error: { code: 'IdentityNotFound' } } });
  });
});
