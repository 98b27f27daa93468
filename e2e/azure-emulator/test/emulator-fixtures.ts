import { readFileSync } from 'node:fs';
import { Agent, request } from 'node:https';
import { httpsFetch } from '../../../electron/core/azure/https-fetch.ts';
import { decodeJwt, type JwtClaims } from '../jwt.ts';
import { defaultScenarioPath } from '../scenario.ts';
import type { ScenarioInput } from '../scenario.ts';
import type { RunningEmulator } from '../server.ts';

/** Shared test helpers: the default scenario as input, and tokens fetched over the emulator's real endpoints. */

export const azureCliClientId = '04b07795-8ddb-461a-bbee-02f9e1bf7b46';
/** A public client registered in the tenant (not first-party): Entra asks the user's consent instead of refusing a resource. */
export const devRegistrationClientId = 'f6051c27-8092-43a4-bfe0-000000000001';
export const contosoTenantId = '72f988bf-0000-4c1e-9a3f-c0de70c0a001';
export const contosoSubscription = '0b1f6471-1bf0-4dda-aec3-cb9272f09590';
export const demoPassword = 'Demo-Passw0rd!';
export const secretServicePrincipal = {
  appId: 'e5f40b16-7f81-4293-aedf-000000000001',
  objectId: 'd4e3fa05-6e70-4182-9dce-000000000001',
  secret: 'demo-client-secret-not-real~0001',
};
export const certificateServicePrincipalAppId = 'e5f40b16-7f81-4293-aedf-000000000002';

export function defaultScenario(settings: Record<string, number> = {}): ScenarioInput {
  const scenario = JSON.parse(readFileSync(defaultScenarioPath, 'utf8')) as ScenarioInput & { settings: Record<string, number> };
  scenario.settings = { ...scenario.settings, ...settings };
  return scenario;
}

/** A scenario user by the start of their user name (`adele.vance`). */
export function scenarioUser(emulator: RunningEmulator, userName: string): RunningEmulator['scenario']['users'][number] {
  const user = emulator.scenario.users.find((u) => u.userName.startsWith(userName));
  if (!user) throw new Error(`No user ${userName} in the scenario`);
  return user;
}

/** Signs a user in through the device-code page with plain HTTP forms and returns the token response. */
export async function deviceCodeSignIn(
  emulator: RunningEmulator,
  userName: string,
  scope: string,
  options: { password?: string; tenant?: string; consent?: 'accept' | 'decline'; clientId?: string } = {},
): Promise<{ status: number; body: Record<string, unknown>; pageText: string }> {
  const entra = emulator.urls.entra;
  const tenant = options.tenant ?? 'organizations';
  const clientId = options.clientId ?? azureCliClientId;
  const started = (await postForm(
    `${entra}/${tenant}/oauth2/v2.0/devicecode`,
    { client_id: clientId, scope: `${scope} openid profile offline_access` },
    emulator,
  )) as Record<string, string>;
  const pageText = await enterDeviceCode(emulator, started['verification_uri'] ?? '', started['user_code'] ?? '', userName, options);
  const poll = await emulatorPost(emulator, `${entra}/${tenant}/oauth2/v2.0/token`, {
    grant_type: 'urn:ietf:params:oauth:grant-type:device_code',
    client_id: clientId,
    device_code: started['device_code'] ?? '',
  });
  return { status: poll.status, body: (await poll.json()) as Record<string, unknown>, pageText };
}

/** Does on the device-code page what the user does (code, user name, password, consent) with plain form posts; returns the last page's
 * HTML. */
export async function enterDeviceCode(
  emulator: RunningEmulator,
  verificationUri: string,
  userCode: string,
  userName: string,
  options: { password?: string; consent?: 'accept' | 'decline' } = {},
): Promise<string> {
  let page = await (await emulatorPost(emulator, verificationUri, { otc: userCode })).text();
  page = await submitPage(emulator, page, {
    username: userName.includes('@') ? userName : scenarioUser(emulator, userName).userName,
    password: options.password ?? demoPassword,
  });
  if (page.includes('name="decision"')) page = await submitPage(emulator, page, { decision: options.consent ?? 'accept' });
  return page;
}

export async function userAccessToken(
  emulator: RunningEmulator,
  userName: string,
  scope: string,
  options: { clientId?: string } = {},
): Promise<string> {
  const result = await deviceCodeSignIn(emulator, userName, scope, options);
  if (result.status !== 200) throw new Error(`Sign-in of ${userName} failed: ${JSON.stringify(result.body)}`);
  return String(result.body['access_token']);
}

export async function appAccessToken(emulator: RunningEmulator, scope: string): Promise<string> {
  const body = (await postForm(
    `${emulator.urls.entra}/${contosoTenantId}/oauth2/v2.0/token`,
    {
      grant_type: 'client_credentials',
      client_id: secretServicePrincipal.appId,
      client_secret: secretServicePrincipal.secret,
      scope,
    },
    emulator,
  )) as Record<string, string>;
  return body['access_token'] ?? '';
}

/** Posts a form and reads the JSON answer; through `emulator`'s CA when given, else through Node's default trust. */
export async function postForm(url: string, fields: Record<string, string>, emulator?: RunningEmulator): Promise<unknown> {
  const response = emulator
    ? await emulatorPost(emulator, url, fields)
    : await fetch(url, { method: 'POST', body: new URLSearchParams(fields) });
  return response.json();
}

const emulatorAgents = new WeakMap<RunningEmulator, Agent>();

/**
 * A form POST to the emulator trusting its CA for this request only: the process may also run the
 * core, which trusts a cloud profile's CA for that profile alone, so Node's default CA list is left
 * as it is (vitest adds the CA to it for the SDKs; Playwright's workers and the demo do not).
 */
export function emulatorPost(emulator: RunningEmulator, url: string, fields: Record<string, string>): Promise<Response> {
  let agent = emulatorAgents.get(emulator);
  if (!agent) emulatorAgents.set(emulator, (agent = new Agent({ ca: emulator.caPem, keepAlive: false })));
  return httpsFetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams(fields).toString(),
    agent,
  });
}

/** Posts the page's only form with its hidden fields plus `fields`, following the form's action. */
async function submitPage(emulator: RunningEmulator, html: string, fields: Record<string, string>): Promise<string> {
  const action = /<form method="post" action="([^"]+)"/.exec(html)?.[1]?.replaceAll('&#38;', '&') ?? '';
  const hidden = Object.fromEntries(
    [...html.matchAll(/<input type="hidden" name="([^"]+)" value="([^"]*)">/g)].map((m) => [m[1] ?? '', m[2] ?? '']),
  );
  return (await emulatorPost(emulator, action, { ...hidden, ...fields })).text();
}

export interface RawResponse {
  status: number;
  /** Header names exactly as the server wrote them. */
  headerNames: string[];
  headers: Record<string, string>;
  body: string;
}

/** A request through node:https that keeps the response's header names as sent, with any headers (even a wrong Host). */
export function rawRequest(
  url: string,
  options: { method?: string; headers?: Record<string, string>; body?: string } = {},
): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const req = request(url, { method: options.method ?? 'GET', headers: options.headers ?? {} }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => {
        const names = res.rawHeaders.filter((_, i) => i % 2 === 0);
        const headers: Record<string, string> = {};
        for (let i = 0; i < res.rawHeaders.length; i += 2) headers[(res.rawHeaders[i] ?? '').toLowerCase()] = res.rawHeaders[i + 1] ?? '';
        resolve({ status: res.statusCode ?? 0, headerNames: names, headers, body: Buffer.concat(chunks).toString('utf8') });
      });
    });
    req.on('error', reject);
    req.end(options.body);
  });
}

/** The claims of a token, through the emulator's own JWT parser; a test fails on anything that is not a JWT. */
export function jwtClaims(token: string): JwtClaims {
  const jwt = decodeJwt(token);
  if (!jwt) throw new Error('Not a JWT');
  return jwt.claims;
}
