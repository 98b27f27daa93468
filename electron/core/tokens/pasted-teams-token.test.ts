import { subscribe, unsubscribe } from 'node:diagnostics_channel';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { notRefreshableMessage, type TokenView } from '../../../shared/tokens.ts';
import { defaultScenario, jwtClaims, scenarioUser, userAccessToken } from '../../../e2e/azure-emulator/test/emulator-fixtures.ts';
import { startEmulator, type RunningEmulator } from '../../../e2e/azure-emulator/server.ts';
import type { Core } from '../core.ts';
import { coreApi, coreValues, rawCall } from '../test-support/test-core.ts';
import { teamsScopes } from './acs-tokens.ts';
import { addEmulatorAccounts, filesOutsideVault, tokensCore, type EmulatorAccounts } from './test-support/tokens-fixtures.ts';

// The Teams user exchange with a token the user pastes (their own app got it), its app ID and the
// user's object ID. The token comes from the emulator's Entra for another app (the Azure CLI's
// client ID), never through this core, so nothing of it can be in the core's MSAL cache.

let emulator: RunningEmulator;
let folder: string;
let core: Core;
let accounts: EmulatorAccounts;
let teamsToken: string;
let appId: string;
let userId: string;

/** Requests to ACS's Teams exchange this process sends, seen through Node's diagnostics channels. */
const exchanges: string[] = [];
const channels = ['http.client.request.start', 'undici:request:create'];
const record = (message: unknown) => {
  const request = (message as { request?: { path?: string } }).request;
  if (request?.path?.includes('/teamsUser/')) exchanges.push(request.path);
};

beforeAll(async () => {
  emulator = await startEmulator({ scenario: defaultScenario({ deviceCodeIntervalSeconds: 1 }) });
  folder = mkdtempSync(path.join(tmpdir(), 'azcred-pasted-teams-'));
  core = tokensCore(folder);
  accounts = await addEmulatorAccounts(core, emulator);
  teamsToken = await userAccessToken(emulator, 'adele.vance', teamsScopes.join(' '));
  const claims = jwtClaims(teamsToken);
  appId = String(claims['appid']);
  userId = String(claims['oid']);
  for (const name of channels) subscribe(name, record);
});
afterAll(async () => {
  for (const name of channels) unsubscribe(name, record);
  await core.close();
  await emulator.close();
  rmSync(folder, { recursive: true, force: true });
});

// As the page may send it, anything at all (a pasted token and an identity too): the core checks it.
const exchange = (pasted: Record<string, unknown>, options: Record<string, unknown> = {}) =>
  rawCall(core, 'tokens.exchangeTeams', { accountId: accounts.chat.id, pasted, ...options });
const listed = async () => coreValues(core).tokens.list();

/** The token with its exp moved into the past (the signature no longer fits: the app must refuse it before anyone checks). */
function expired(token: string): string {
  const [header, payload, signature] = token.split('.');
  const claims = JSON.parse(Buffer.from(payload ?? '', 'base64url').toString()) as Record<string, unknown>;
  const moved = Buffer.from(JSON.stringify({ ...claims, exp: Math.floor(Date.now() / 1000) - 60 })).toString('base64url');
  return `${header ?? ''}.${moved}.${signature ?? ''}`;
}

describe('the Teams user exchange with a pasted token', () => {
  it(
    'exchanges it with its app ID and user ID, lists it as a pasted Teams token that cannot be refreshed, and stores the pasted ' +
      'token nowhere',
    async () => {
      expect(jwtClaims(teamsToken)['aud']).toBe('https://auth.msft.communication.azure.com');
      const before = exchanges.length;
      const result = await exchange({ token: `${teamsToken}\n`, appId: appId.toUpperCase(), userId }, { keep: true });
      if (!result.ok) throw new Error(result.error.message);
      const token = result.value as TokenView;
      expect(exchanges.length - before).toBe(1);
      expect(token).toMatchObject({
        kind: 'acs-user',
        title: `ACS token for a pasted Teams token (app ${appId}, user ${userId}) on contoso-acs-chat (access key)`,
        source: {
          account: { id: accounts.chat.id },
          via: { credential: 'accessKey' },
          subject: { kind: 'pasted-teams-token', appId, userId },
        },
        refreshable: false,
        kept: true,
        status: 'valid',
      });
      const acsToken = (await coreValues(core).tokens.reveal({ id: token.id })).value;
      expect(jwtClaims(acsToken)['skypeid']).toBe(`orgid:${scenarioUser(emulator, 'adele.vance').id}`);
      expect(Date.parse(token.expiresAt)).toBe(Number(jwtClaims(acsToken)['exp']) * 1000);

      // No recipe: turning auto-refresh on later says why not.
      expect(await coreApi(core).tokens.setAutoRefresh({ id: token.id, on: true })).toMatchObject({
        ok: false,
        error: { code: 'invalid_input', message: notRefreshableMessage },
      });

      // The ACS token is in the vault (kept); the pasted Entra token is in no file and no vault entry.
      const vault = await core.vault.require();
      const vaulted = vault.names().map((name) => vault.get(name) ?? '');
      expect(vaulted).toContain(acsToken);
      for (const text of [...vaulted, await filesOutsideVault(folder), JSON.stringify(await listed())])
        expect(text).not.toContain(teamsToken);
    },
  );

  it('refuses auto-refresh for a pasted token with the registry’s message, before calling ACS', async () => {
    const before = { exchanges: exchanges.length, tokens: (await listed()).length };
    const result = await exchange({ token: teamsToken, appId, userId }, { autoRefresh: true });
    expect(result).toMatchObject({
      ok: false,
      error: { code: 'invalid_input', issues: [{ path: 'autoRefresh', message: notRefreshableMessage }] },
    });
    expect(exchanges.length).toBe(before.exchanges);
    expect((await listed()).length).toBe(before.tokens);
  });

  it('refuses each bad field under its name, before calling ACS, never quoting the token', async () => {
    const otherGuid = '3f0c2a9e-6b1d-4c8e-9a7f-5d2e1b0c4a96';
    const stale = expired(teamsToken);
    const cases: { pasted: Record<string, unknown>; path: string; message: string | RegExp }[] = [
      { pasted: { token: 'not a token', appId, userId }, path: 'pasted.token', message: /^This is not a JWT/ },
      { pasted: { token: 'abc.def.ghi', appId, userId }, path: 'pasted.token', message: /^This is not a JWT/ },
      { pasted: { token: '', appId, userId }, path: 'pasted.token', message: 'Paste the Teams user’s Entra access token' },
      { pasted: { token: teamsToken, appId: 'my-app', userId }, path: 'pasted.appId', message: /a GUID/ },
      { pasted: { token: teamsToken, appId, userId: `${userId}x` }, path: 'pasted.userId', message: /a GUID/ },
      {
        pasted: { token: teamsToken, appId: otherGuid, userId },
        path: 'pasted.appId',
        message: `Does not match the token’s appid claim (${appId}): enter the ID of the app the token was issued to`,
      },
      {
        pasted: { token: teamsToken, appId, userId: otherGuid },
        path: 'pasted.userId',
        message: `Does not match the token’s oid claim (${userId}): enter the object ID of the user the token is for`,
      },
      {
        pasted: { token: stale, appId, userId },
        path: 'pasted.token',
        message: /^This token expired at .*: get a new one from your app and paste it$/,
      },
    ];
    const before = { exchanges: exchanges.length, tokens: (await listed()).length };
    for (const { pasted, path: field, message } of cases) {
      const result = await exchange(pasted);
      expect(result, field).toMatchObject({
        ok: false,
        error: {
          code: 'invalid_input',
          issues: [{ path: field, message: typeof message === 'string' ? message : expect.stringMatching(message) }],
        },
      });
      for (const secret of [teamsToken, stale]) expect(JSON.stringify(result)).not.toContain(secret);
    }
    expect(await exchange({ token: teamsToken, appId, userId }, { teamsIdentityId: otherGuid })).toMatchObject({
      ok: false,
      error: { issues: [{ path: 'teamsIdentityId' }] },
    });
    expect(exchanges.length, 'requests to ACS').toBe(before.exchanges);
    expect((await listed()).length).toBe(before.tokens);
  });

  it('says what to do when ACS refuses a token for another audience (401)', async () => {
    const graphToken = await userAccessToken(emulator, 'adele.vance', 'https://graph.microsoft.com/User.Read');
    const claims = jwtClaims(graphToken);
    const before = exchanges.length;
    const result = await exchange({ token: graphToken, appId: String(claims['appid']), userId: String(claims['oid']) });
    expect(exchanges.length - before, 'ACS was asked').toBe(1);
    expect(result).toMatchObject({
      ok: false,
      error: { code: 'azure_unauthorized', message: expect.stringContaining('Communication Services refused the pasted token') },
    });
    const message = result.ok ? '' : result.error.message;
    expect(message).toContain('This token is for https://graph.microsoft.com, not for https://auth.msft.communication.azure.com.');
    expect(message).toContain('Have your app get a new token for those scopes (MSAL acquireToken) as the Teams user');
    expect(JSON.stringify(result)).not.toContain(graphToken);
    expect(await filesOutsideVault(folder)).not.toContain(graphToken);
  });
});
