import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmulator } from '../server.ts';
import type { RunningEmulator } from '../server.ts';
import {
  azureCliClientId,
  contosoTenantId,
  defaultScenario,
  deviceCodeSignIn,
  devRegistrationClientId,
  postForm,
  scenarioUser,
} from './emulator-fixtures.ts';

let emulator: RunningEmulator;
const armScope = 'https://management.azure.com/.default';
const acsScope = 'https://communication.azure.com//.default';

beforeAll(async () => {
  emulator = await startEmulator({ scenario: defaultScenario() });
});
afterAll(() => emulator.close());

/** The Azure CLI redeeming a sign-in's refresh token for ARM at the organizations endpoint, as a refresh does. */
async function refreshAsAzureCli(signedIn: Record<string, unknown>): Promise<Record<string, unknown>> {
  return (await postForm(`${emulator.urls.entra}/organizations/oauth2/v2.0/token`, {
    grant_type: 'refresh_token',
    client_id: azureCliClientId,
    refresh_token: String(signedIn['refresh_token']),
    scope: armScope,
  })) as Record<string, unknown>;
}

function aadsts(body: Record<string, unknown>): { error: unknown; code: unknown; description: string } {
  return { error: body['error'], code: (body['error_codes'] as number[] | undefined)?.[0], description: String(body['error_description']) };
}

function authorizeUrl(params: Record<string, string>): string {
  const verifier = 'a-verifier-long-enough-for-pkce-0123456789abcdef';
  const query = new URLSearchParams({
    client_id: azureCliClientId,
    redirect_uri: 'http://localhost:53123',
    response_type: 'code',
    scope: `${armScope} openid offline_access`,
    state: 'state-123',
    code_challenge: createHash('sha256').update(verifier).digest('base64url'),
    code_challenge_method: 'S256',
    ...params,
  });
  return `${emulator.urls.entra}/organizations/oauth2/v2.0/authorize?${query.toString()}`;
}

describe('AADSTS errors chosen per user in the scenario', () => {
  it('shows AADSTS50126 on the sign-in page for a wrong password', async () => {
    const result = await deviceCodeSignIn(emulator, 'adele.vance', armScope, { password: 'wrong' });
    expect(result.pageText).toContain('AADSTS50126');
    expect(aadsts(result.body).code).toBe(70016);
  });

  it('ends an MFA-required user in invalid_grant AADSTS50076 with suberror basic_action', async () => {
    const result = await deviceCodeSignIn(emulator, 'megan.bowen', armScope);
    expect(result.status).toBe(400);
    expect(aadsts(result.body)).toMatchObject({ error: 'invalid_grant', code: 50076 });
    expect(result.body['suberror']).toBe('basic_action');
    expect(aadsts(result.body).description).toContain("'https://management.azure.com'");
  });

  it('ends a Conditional Access blocked user in AADSTS53003, also when the block comes after sign-in', async () => {
    expect(aadsts((await deviceCodeSignIn(emulator, 'lee.gu', armScope)).body)).toMatchObject({ error: 'invalid_grant', code: 53003 });
    const adele = scenarioUser(emulator, 'adele.vance');
    const signedIn = await deviceCodeSignIn(emulator, 'adele.vance', armScope);
    adele.conditionalAccessBlocked = true;
    try {
      const refreshed = await refreshAsAzureCli(signedIn.body);
      expect(aadsts(refreshed).code).toBe(53003);
    } finally {
      adele.conditionalAccessBlocked = false;
    }
  });

  it('refuses every refresh of a user whose refresh tokens expire by policy with AADSTS700082', async () => {
    const signedIn = await deviceCodeSignIn(emulator, 'diego.siciliani', armScope);
    expect(signedIn.status).toBe(200);
    const refreshed = await refreshAsAzureCli(signedIn.body);
    expect(aadsts(refreshed)).toMatchObject({ error: 'invalid_grant', code: 700082 });
  });

  it('asks a consent-required user for consent: declining is AADSTS65004, a refresh without consent is AADSTS65001', async () => {
    const declined = await deviceCodeSignIn(emulator, 'isaiah.langer', armScope, { consent: 'decline' });
    expect(aadsts(declined.body)).toMatchObject({ error: 'access_denied', code: 65004 });
    const accepted = await deviceCodeSignIn(emulator, 'isaiah.langer', armScope, { consent: 'accept' });
    expect(accepted.status).toBe(200);
    emulator.context.entra.consents.clear();
    const refreshed = await refreshAsAzureCli(accepted.body);
    expect(aadsts(refreshed)).toMatchObject({ error: 'invalid_grant', code: 65001 });
    expect(refreshed['suberror']).toBe('consent_required');
  });

  it('refuses an unknown client id with unauthorized_client AADSTS700016', async () => {
    const unknown = '00000000-1111-4222-8333-444444444444';
    const body = (await postForm(`${emulator.urls.entra}/${contosoTenantId}/oauth2/v2.0/token`, {
      grant_type: 'client_credentials',
      client_id: unknown,
      client_secret: 'x',
      scope: armScope,
    })) as Record<string, unknown>;
    expect(aadsts(body)).toMatchObject({ error: 'unauthorized_client', code: 700016 });
    expect(aadsts(body).description).toMatch(
      /^AADSTS700016: Application with identifier '00000000-1111-4222-8333-444444444444' was not found/,
    );
    const device = (await postForm(`${emulator.urls.entra}/organizations/oauth2/v2.0/devicecode`, {
      client_id: unknown,
      scope: armScope,
    })) as Record<string, unknown>;
    expect(aadsts(device).code).toBe(700016);
  });

  it('refuses a request naming two resources with AADSTS28000', async () => {
    const signedIn = await deviceCodeSignIn(emulator, 'alex.wilber', `${armScope} https://communication.azure.com//.default`);
    expect(aadsts(signedIn.body).code).toBe(28000);
  });
});

describe('authorize endpoint', () => {
  it('requires a PKCE S256 challenge', async () => {
    const response = await fetch(authorizeUrl({ code_challenge_method: 'plain' }), { redirect: 'manual' });
    const location = new URL(response.headers.get('location') ?? '');
    expect([location.searchParams.get('error'), location.searchParams.get('state')]).toEqual(['invalid_request', 'state-123']);
  });

  it('answers prompt=none without a session with login_required to the redirect URI', async () => {
    const location = new URL((await fetch(authorizeUrl({ prompt: 'none' }), { redirect: 'manual' })).headers.get('location') ?? '');
    expect(location.origin).toBe('http://localhost:53123');
    expect(location.searchParams.get('error')).toBe('login_required');
    expect(location.searchParams.get('error_description')).toMatch(/^AADSTS50058/);
  });

  it('prefills login_hint and refuses an unregistered redirect URI with AADSTS50011', async () => {
    const page = await (await fetch(authorizeUrl({ login_hint: 'alex.wilber@contoso.onmicrosoft.com' }))).text();
    expect(page).toContain('value="alex.wilber@contoso.onmicrosoft.com"');
    const refused = await fetch(authorizeUrl({ redirect_uri: 'https://evil.example/callback' }), { redirect: 'manual' });
    expect(refused.status).toBe(400);
    expect(await refused.text()).toContain('AADSTS50011');
  });

  it('rejects a code redeemed with the wrong PKCE verifier with AADSTS501481', async () => {
    const page = await (await fetch(authorizeUrl({}))).text();
    const flow = /name="flow" value="([^"]+)"/.exec(page)?.[1] ?? '';
    const done = await fetch(`${emulator.urls.entra}/organizations/login`, {
      method: 'POST',
      redirect: 'manual',
      body: new URLSearchParams({ flow, step: 'credentials', username: 'alex.wilber@contoso.onmicrosoft.com', password: 'Demo-Passw0rd!' }),
    });
    const code = new URL(done.headers.get('location') ?? '').searchParams.get('code') ?? '';
    const body = (await postForm(`${emulator.urls.entra}/organizations/oauth2/v2.0/token`, {
      grant_type: 'authorization_code',
      client_id: azureCliClientId,
      code,
      redirect_uri: 'http://localhost:53123',
      code_verifier: 'some-other-verifier-that-does-not-match-000000',
    })) as Record<string, unknown>;
    expect(aadsts(body).code).toBe(501481);
  });
});

describe('first-party pre-authorization (AADSTS65002)', () => {
  const refusal =
    "AADSTS65002: Consent between first party application '04b07795-8ddb-461a-bbee-02f9e1bf7b46' and first party resource " +
    "'632ec9eb-fad7-4cbd-993a-e72973ba2acc' must be configured via preauthorization";

  it('refuses the Azure CLI client an ACS token by device code with 400 invalid_request', async () => {
    const result = await deviceCodeSignIn(emulator, 'adele.vance', acsScope);
    expect(result.status).toBe(400);
    expect(aadsts(result.body)).toMatchObject({ error: 'invalid_request', code: 65002 });
    expect(aadsts(result.body).description.startsWith(refusal)).toBe(true);
  });

  it('refuses it on a refresh and leaves the refresh token usable for ARM', async () => {
    const signedIn = await deviceCodeSignIn(emulator, 'adele.vance', armScope);
    const refused = (await postForm(`${emulator.urls.entra}/organizations/oauth2/v2.0/token`, {
      grant_type: 'refresh_token',
      client_id: azureCliClientId,
      refresh_token: String(signedIn.body['refresh_token']),
      scope: `${acsScope} offline_access`,
    })) as Record<string, unknown>;
    expect(aadsts(refused)).toMatchObject({ error: 'invalid_request', code: 65002 });
    expect(aadsts(refused).description.startsWith(refusal)).toBe(true);
    expect(refused['access_token']).toBeUndefined();
    const refreshed = await refreshAsAzureCli(signedIn.body);
    expect(refreshed['access_token']).toEqual(expect.any(String));
  });

  it('refuses it at the redirect of an interactive sign-in for ACS, and when a code from an ARM sign-in is redeemed for ACS', async () => {
    const verifier = 'a-verifier-long-enough-for-pkce-0123456789abcdef';
    const signIn = async (scope: string): Promise<URL> => {
      const page = await (await fetch(authorizeUrl({ scope: `${scope} openid offline_access` }))).text();
      const flow = /name="flow" value="([^"]+)"/.exec(page)?.[1] ?? '';
      const done = await fetch(`${emulator.urls.entra}/organizations/login`, {
        method: 'POST',
        redirect: 'manual',
        body: new URLSearchParams({
          flow,
          step: 'credentials',
          username: 'alex.wilber@contoso.onmicrosoft.com',
          password: 'Demo-Passw0rd!',
        }),
      });
      return new URL(done.headers.get('location') ?? '');
    };
    const refusedAtRedirect = await signIn(acsScope);
    expect(refusedAtRedirect.searchParams.get('error')).toBe('invalid_request');
    expect(refusedAtRedirect.searchParams.get('error_description')?.startsWith(refusal)).toBe(true);
    expect(refusedAtRedirect.searchParams.get('code')).toBeNull();

    const code = (await signIn(armScope)).searchParams.get('code') ?? '';
    const body = (await postForm(`${emulator.urls.entra}/organizations/oauth2/v2.0/token`, {
      grant_type: 'authorization_code',
      client_id: azureCliClientId,
      code,
      redirect_uri: 'http://localhost:53123',
      code_verifier: verifier,
      scope: `${acsScope} offline_access`,
    })) as Record<string, unknown>;
    expect(aadsts(body)).toMatchObject({ error: 'invalid_request', code: 65002 });
  });

  it('gives an app registered in the tenant (not first-party) the ACS token', async () => {
    const result = await deviceCodeSignIn(emulator, 'adele.vance', acsScope, { clientId: devRegistrationClientId });
    expect(result.status).toBe(200);
    expect(result.body['access_token']).toEqual(expect.any(String));
  });
});
