import { execFile } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';
import type { MethodInput } from '../../../shared/contract.ts';
import type { IdentityView } from '../../../shared/identities.ts';
import type { TokenView } from '../../../shared/tokens.ts';
import { devRegistrationClientId, jwtClaims, scenarioUser } from '../../../e2e/azure-emulator/test/emulator-fixtures.ts';
import { coreApi, coreValues, rawCall } from '../test-support/test-core.ts';
import {
  addChatResource,
  addEmulatorAccounts,
  addRenderPipeline,
  type EmulatorAccounts,
  emulatorAndCoreForThisFile,
  expectEntraTokenFor,
  filesOutsideVault,
  mintEntraToken,
  recordingRetry,
  revealCredential,
  signInUser,
} from './test-support/tokens-fixtures.ts';

let accounts: EmulatorAccounts;
let pipeline: IdentityView;
let adele: IdentityView;
/** Adele through an app registered in the tenant: Entra refuses the default app (the Azure CLI's) ACS tokens (AADSTS65002). */
let adeleOwnApp: IdentityView;
const retry = recordingRetry();
const shared = emulatorAndCoreForThisFile('azcred-acs-tokens-', retry);
const run = promisify(execFile);

beforeAll(async () => {
  accounts = await addEmulatorAccounts(shared.core, shared.emulator);
  pipeline = await addRenderPipeline(shared.core);
  adele = await signInUser(shared.core, shared.emulator, 'adele.vance');
  adeleOwnApp = await signInUser(shared.core, shared.emulator, 'adele.vance', { clientId: devRegistrationClientId });
});

const reveal = async (token: TokenView) => (await coreValues(shared.core).tokens.reveal({ id: token.id })).value;
const chatThreads = (resource: string, token: string) =>
  fetch(`${shared.emulator.urls.acs[resource] ?? ''}/chat/threads?api-version=2021-09-07`, {
    headers: { Authorization: `Bearer ${token}` },
  });
const minted = (input: MethodInput<'tokens.mintAcs'>) => coreValues(shared.core).tokens.mintAcs(input);

describe('ACS user tokens', () => {
  it('creates an identity with a chat and voip token for 60 minutes through the access key, and remembers it', async () => {
    const { token, acsIdentity } = await minted({
      accountId: accounts.chat.id,
      newIdentity: { label: 'Alice (test)' },
      scopes: ['chat', 'voip'],
      minutes: 60,
    });
    expect(acsIdentity).toMatchObject({
      accountId: accounts.chat.id,
      accountName: 'contoso-acs-chat',
      label: 'Alice (test)',
      communicationUserId: expect.stringMatching(/^8:acs:1b5cc06b-f352-4571-b1e6-d9b259b7c776_/),
    });
    expect(token).toMatchObject({
      kind: 'acs-user',
      scopes: ['chat', 'voip'],
      status: 'valid',
      source: {
        account: { id: accounts.chat.id, kind: 'acs' },
        via: { credential: 'accessKey' },
        subject: { kind: 'acs-identity', acsIdentityId: acsIdentity.id, label: 'Alice (test)' },
      },
    });
    const value = await reveal(token);
    expect(Date.parse(token.expiresAt)).toBe(Number(jwtClaims(value)['exp']) * 1000);
    expect(Math.abs(Date.parse(token.expiresAt) - Date.now() - 60 * 60_000)).toBeLessThan(5_000);
    expect((await chatThreads('contoso-acs-chat', value)).status).toBe(200);
    expect(await shared.core.tokens.acsIdentities.list()).toHaveLength(1);
  });

  it('issues tokens for a remembered identity, revokes them all, and deletes the identity', async () => {
    const { acsIdentity, token: first } = await minted({
      accountId: accounts.chat.id,
      newIdentity: { label: 'Bob' },
      scopes: ['chat'],
      minutes: 120,
    });
    const { token: second } = await minted({
      accountId: accounts.chat.id,
      acsIdentityId: acsIdentity.id,
      scopes: ['voip.join'],
      minutes: 1440,
    });
    expect(second.source.subject).toEqual(first.source.subject);
    const firstValue = await reveal(first);

    const revoked = await coreValues(shared.core).tokens.revoke({ id: second.id });
    expect(revoked.revoked.map((t) => t.id).sort()).toEqual([first.id, second.id].sort());
    expect(revoked.revoked.every((t) => t.status === 'revoked' && t.revokedAt !== null)).toBe(true);
    expect((await chatThreads('contoso-acs-chat', firstValue)).status).toBe(401);
    const listed = await coreValues(shared.core).acsIdentities.list({ accountId: accounts.chat.id });
    expect(listed.find((i) => i.id === acsIdentity.id)?.tokensRevokedAt).not.toBeNull();

    // A token issued after the revoke is valid; deleting the identity ends it too.
    const { token: third } = await minted({ accountId: accounts.chat.id, acsIdentityId: acsIdentity.id, scopes: ['chat'], minutes: 60 });
    expect((await chatThreads('contoso-acs-chat', await reveal(third))).status).toBe(200);
    const deleted = await coreValues(shared.core).acsIdentities.delete({ id: acsIdentity.id });
    expect(deleted.revoked.map((t) => [t.id, t.status])).toEqual([[third.id, 'revoked']]);
    expect((await coreValues(shared.core).acsIdentities.list()).map((i) => i.id)).not.toContain(acsIdentity.id);
    expect((await coreValues(shared.core).tokens.list()).find((t) => t.id === third.id)?.status).toBe('revoked');
    expect(
      await coreApi(shared.core).tokens.mintAcs({
        accountId: accounts.chat.id,
        acsIdentityId: acsIdentity.id,
        scopes: ['chat'],
        minutes: 60,
      }),
    ).toMatchObject({ ok: false, error: { code: 'not_found' } });
  });

  it('explains that ARR and Entra tokens cannot be revoked, and what to do instead', async () => {
    const arr = await coreValues(shared.core).tokens.mintArr({ accountId: accounts.westeurope.id, via: 'primaryKey' });
    expect(await coreApi(shared.core).tokens.revoke({ id: arr.id })).toMatchObject({
      ok: false,
      error: { code: 'invalid_input', message: expect.stringContaining('regenerate that key') },
    });
  });

  it('works through an Entra identity with a Communication role, on a resource added by endpoint only', async () => {
    const created = await coreValues(shared.core).acsIdentities.create({
      accountId: accounts.calls.id,
      label: 'Calls bot',
      via: { identityId: pipeline.id },
      token: { scopes: ['voip'], minutes: 60 },
    });
    expect(created.token?.source.via).toEqual({ credential: 'entra', identityId: pipeline.id, identityName: pipeline.name });
    // ACS knows the token (not 401) and, as for any voip-only token, keeps Chat closed to it.
    expect((await chatThreads('contoso-acs-calls', await reveal(created.token as TokenView))).status).toBe(403);
    const revoked = await coreValues(shared.core).acsIdentities.revoke({
      id: created.identity.id,
      via: { identityId: pipeline.id },
    });
    expect(revoked.revoked.map((t) => t.id)).toEqual([created.token?.id]);
    expect(
      await coreApi(shared.core).acsIdentities.create({ accountId: accounts.calls.id, label: 'no key', via: 'accessKey' }),
    ).toMatchObject({
      ok: false,
      error: { code: 'not_found', message: expect.stringContaining('Entra ID only') },
    });
    await coreValues(shared.core).acsIdentities.delete({ id: created.identity.id, via: { identityId: pipeline.id } });
  });

  it('forgets an identity whose resource was removed from the app', async () => {
    const resource = await coreValues(shared.core).accounts.add({
      kind: 'acs',
      name: 'short-lived resource',
      connectionString: shared.emulator.acsConnectionString('contoso-acs-chat', 'secondary'),
      cloud: 'AzureEmulator',
    });
    const { acsIdentity } = await minted({ accountId: resource.id, newIdentity: { label: 'orphan' }, scopes: ['chat'], minutes: 60 });
    await coreValues(shared.core).accounts.delete({ id: resource.id });
    expect((await coreValues(shared.core).acsIdentities.list()).find((i) => i.id === acsIdentity.id)?.accountName).toBeNull();
    await coreValues(shared.core).acsIdentities.delete({ id: acsIdentity.id });
    expect((await coreValues(shared.core).acsIdentities.list()).map((i) => i.id)).not.toContain(acsIdentity.id);
  });

  it('creates an identity under a custom ID, gets the same one back for it, and shows when its last token was issued', async () => {
    const created = await coreValues(shared.core).acsIdentities.create({
      accountId: accounts.chat.id,
      label: 'Sally',
      customId: 'sally@contoso.com',
      token: { scopes: ['chat'], minutes: 60 },
    });
    expect(created.identity).toMatchObject({ label: 'Sally', customId: 'sally@contoso.com' });
    const again = await coreValues(shared.core).acsIdentities.create({
      accountId: accounts.chat.id,
      label: 'Sally again',
      customId: 'sally@contoso.com',
    });
    expect(again.identity).toMatchObject({ id: created.identity.id, communicationUserId: created.identity.communicationUserId });
    expect((await coreValues(shared.core).acsIdentities.list()).filter((i) => i.customId === 'sally@contoso.com')).toHaveLength(1);

    const shown = await coreValues(shared.core).acsIdentities.show({ id: created.identity.id });
    expect(shown.identity).toMatchObject({ id: created.identity.id, customId: 'sally@contoso.com', accountName: 'contoso-acs-chat' });
    const issuedAt = Date.parse(shown.lastTokenIssuedAt ?? '');
    expect(Math.abs(issuedAt - Date.parse(created.token?.issuedAt ?? ''))).toBeLessThan(5_000);
    // Through an Entra identity with a Communication role, on the same API version.
    const viaEntra = await coreValues(shared.core).acsIdentities.show({ id: created.identity.id, via: { identityId: pipeline.id } });
    expect(viaEntra.lastTokenIssuedAt).toBe(shown.lastTokenIssuedAt);
  });

  it('shows an identity that never had a token with no last token time, and one deleted at ACS as gone', async () => {
    const { identity } = await coreValues(shared.core).acsIdentities.create({ accountId: accounts.chat.id, label: 'No token yet' });
    expect(await coreValues(shared.core).acsIdentities.show({ id: identity.id })).toMatchObject({
      identity: { customId: null },
      lastTokenIssuedAt: null,
    });
    shared.emulator.context.acs.identities.delete(identity.communicationUserId);
    expect(await coreApi(shared.core).acsIdentities.show({ id: identity.id })).toMatchObject({
      ok: false,
      error: { code: 'not_found', message: expect.stringContaining('no longer exists') },
    });
  });

  it('names the roles an Entra identity lacks on the resource', async () => {
    const result = await coreApi(shared.core).acsIdentities.create({
      accountId: accounts.chat.id,
      label: 'x',
      via: { identityId: adeleOwnApp.id },
    });
    expect(result).toMatchObject({
      ok: false,
      error: {
        code: 'azure_unauthorized',
        message: expect.stringContaining(
          `${scenarioUser(shared.emulator, 'adele.vance').userName} may not manage identities on "contoso-acs-chat"`,
        ),
      },
    });
    expect(!result.ok && result.error.message).toContain('Communication and Email Service Owner');
  });

  it('says the access key was refused and where to copy it again', async () => {
    const wrong = 'bm90LXRoZS1hY3Mta2V5LTAwMDAwMDAwMDAwMDAwMA==';
    const resource = await coreValues(shared.core).accounts.add({
      kind: 'acs',
      name: 'wrong acs key',
      connectionString: `endpoint=${shared.emulator.urls.acs['contoso-acs-chat'] ?? ''}/;accesskey=${wrong}`,
      cloud: 'AzureEmulator',
    });
    const result = await coreApi(shared.core).tokens.mintAcs({
      accountId: resource.id,
      newIdentity: { label: 'x' },
      scopes: ['chat'],
      minutes: 60,
    });
    expect(result).toMatchObject({
      ok: false,
      error: { code: 'azure_unauthorized', message: expect.stringContaining('The access key of "wrong acs key" was refused') },
    });
    expect(JSON.stringify(result)).not.toContain(wrong);
  });

  it("uses a resource's new access key at once after it is changed in the app", async () => {
    const resource = await addChatResource(shared.core, shared.emulator, 'rotated acs key');
    const { acsIdentity } = await minted({ accountId: resource.id, newIdentity: { label: 'rotation' }, scopes: ['chat'], minutes: 60 });
    const wrong = 'bm90LXRoZS1hY3Mta2V5LTAwMDAwMDAwMDAwMDAwMA==';
    await coreValues(shared.core).accounts.update({
      id: resource.id,
      changes: { kind: 'acs', connectionString: `endpoint=${shared.emulator.urls.acs['contoso-acs-chat'] ?? ''}/;accesskey=${wrong}` },
    });
    const refused = await coreApi(shared.core).tokens.mintAcs({
      accountId: resource.id,
      acsIdentityId: acsIdentity.id,
      scopes: ['chat'],
      minutes: 60,
    });
    expect(refused).toMatchObject({
      ok: false,
      error: { code: 'azure_unauthorized', message: expect.stringContaining('The access key of "rotated acs key" was refused') },
    });
    await coreValues(shared.core).accounts.update({
      id: resource.id,
      changes: { kind: 'acs', connectionString: shared.emulator.acsConnectionString('contoso-acs-chat', 'secondary') },
    });
    const { token } = await minted({ accountId: resource.id, acsIdentityId: acsIdentity.id, scopes: ['chat'], minutes: 60 });
    expect((await chatThreads('contoso-acs-chat', await reveal(token))).status).toBe(200);
  });

  it("records an identity's last token to the minute, so tokens minted in a row do not rewrite the identity list", async () => {
    const { acsIdentity } = await minted({
      accountId: accounts.chat.id,
      newIdentity: { label: 'in a loop' },
      scopes: ['chat'],
      minutes: 60,
    });
    const lastTokenAt = async () => (await coreValues(shared.core).acsIdentities.list()).find((i) => i.id === acsIdentity.id)?.lastTokenAt;
    const first = await lastTokenAt();
    expect(first).not.toBeNull();
    for (let i = 0; i < 3; i++) await minted({ accountId: accounts.chat.id, acsIdentityId: acsIdentity.id, scopes: ['chat'], minutes: 60 });
    expect(await lastTokenAt()).toBe(first);
  });

  it('refuses a lifetime of 59 or 1441 minutes and unknown scopes by field, before calling ACS', async () => {
    // ACS itself would answer azure_bad_request (ValidationError): invalid_input with the app's wording shows it was never asked.
    for (const minutes of [59, 1441, 90.5]) {
      const result = await coreApi(shared.core).tokens.mintAcs({
        accountId: accounts.chat.id,
        newIdentity: { label: 'x' },
        scopes: ['chat'],
        minutes,
      });
      expect(result).toMatchObject({
        ok: false,
        error: { code: 'invalid_input', issues: [{ path: 'minutes', message: 'A user token lives 60 to 1440 minutes (1 to 24 hours)' }] },
      });
    }
    expect(
      await rawCall(shared.core, 'tokens.mintAcs', {
        accountId: accounts.chat.id,
        newIdentity: { label: 'x' },
        scopes: ['email'],
        minutes: 60,
      }),
    ).toMatchObject({ ok: false, error: { code: 'invalid_input', issues: [{ path: 'scopes.0' }] } });
    expect(
      await coreApi(shared.core).tokens.mintAcs({ accountId: accounts.chat.id, newIdentity: { label: 'x' }, scopes: [], minutes: 60 }),
    ).toMatchObject({ ok: false, error: { code: 'invalid_input', issues: [{ path: 'scopes', message: 'Choose at least one scope' }] } });
    expect(await rawCall(shared.core, 'tokens.mintAcs', { accountId: accounts.chat.id, scopes: ['chat'] })).toMatchObject({
      ok: false,
      error: { code: 'invalid_input', issues: [{ path: 'acsIdentityId' }] },
    });
  });

  it("exchanges a Teams user's Entra token for an ACS token", async () => {
    const token = await coreValues(shared.core).tokens.exchangeTeams({ accountId: accounts.chat.id, teamsIdentityId: adele.id });
    expect(token).toMatchObject({ kind: 'acs-user', source: { subject: { kind: 'teams-user', identityId: adele.id } }, refreshable: true });
    expect(jwtClaims(await reveal(token))['skypeid']).toBe(`orgid:${scenarioUser(shared.emulator, 'adele.vance').id}`);
    expect(await coreApi(shared.core).tokens.exchangeTeams({ accountId: accounts.chat.id, teamsIdentityId: pipeline.id })).toMatchObject({
      ok: false,
      error: { code: 'invalid_input', issues: [{ path: 'teamsIdentityId' }] },
    });
    expect(await coreApi(shared.core).tokens.revoke({ id: token.id })).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
  });

  it('recovers from a 429 (waiting as Retry-After says) and from a 503, and gives up after three 503s', async () => {
    shared.emulator.faults.add({ service: 'acs', kind: 'throttle', retryAfterSeconds: 3, times: 1 });
    await expect(
      minted({ accountId: accounts.chat.id, newIdentity: { label: 'after 429' }, scopes: ['chat'], minutes: 60 }),
    ).resolves.toMatchObject({ token: { kind: 'acs-user' } });
    expect(retry.waits).toEqual([3000]);
    shared.emulator.faults.add({ service: 'acs', kind: 'error', status: 503, times: 1 });
    await expect(
      minted({ accountId: accounts.chat.id, newIdentity: { label: 'after 503' }, scopes: ['chat'], minutes: 60 }),
    ).resolves.toMatchObject({ token: { kind: 'acs-user' } });
    shared.emulator.faults.add({ service: 'acs', kind: 'error', status: 503, times: 3 });
    expect(
      await coreApi(shared.core).tokens.mintAcs({
        accountId: accounts.chat.id,
        newIdentity: { label: 'x' },
        scopes: ['chat'],
        minutes: 60,
      }),
    ).toMatchObject({
      ok: false,
      error: {
        code: 'azure_unavailable',
        message: expect.stringContaining('Communication Services ("contoso-acs-chat") failed with HTTP 503 on each of 3 tries'),
      },
    });
  });

  it('stops an ACS call that is under way when it is cancelled', async () => {
    shared.emulator.faults.add({ service: 'acs', kind: 'slow', delayMs: 1500, times: 1 });
    const operationId = randomUUID();
    const pending = coreApi(shared.core).tokens.mintAcs({
      accountId: accounts.chat.id,
      newIdentity: { label: 'cancelled' },
      scopes: ['chat'],
      minutes: 60,
      operationId,
    });
    await new Promise((resolve) => setTimeout(resolve, 150));
    await coreValues(shared.core).calls.cancel({ operationId });
    expect(await pending).toMatchObject({ ok: false, error: { code: 'cancelled' } });
  });
});

describe('ACS request signer', () => {
  it('signs a request the resource accepts, as headers, curl and PowerShell', async () => {
    const url = `${shared.emulator.urls.acs['contoso-acs-chat'] ?? ''}/identities?api-version=2023-10-01`;
    const body = '{"createTokenWithScopes":["chat","voip"]}';
    const signed = await coreValues(shared.core).acs.signRequest({ accountId: accounts.chat.id, method: 'post', url, body });
    expect(signed.stringToSign).toBe(
      `POST\n/identities?api-version=2023-10-01\n${signed.headers['x-ms-date']};${new URL(url).host};fYTayOkxDFdoXd25BoJTvoTLLr5+QVfLFXvdJep6oNs=`,
    );
    const { host: _host, ...headers } = signed.headers;
    const response = await fetch(url, { method: 'POST', headers: { ...headers, 'Content-Type': 'application/json' }, body });
    expect(response.status).toBe(201);

    const curl = await run('sh', ['-c', `${signed.curl} --cacert ${JSON.stringify(shared.emulator.caFile)} -s -w '\\n%{http_code}'`]);
    expect(curl.stdout.trim().split('\n').at(-1)).toBe('201');
    expect(signed.powershell).toContain(`Invoke-RestMethod -Method Post -Uri '${url}'`);
  });

  it("refuses a URL that is not on the resource's endpoint", async () => {
    for (const url of [
      'https://example.com/identities',
      `${(shared.emulator.urls.acs['contoso-acs-chat'] ?? '').replace('https:', 'http:')}/identities`,
    ]) {
      expect(await coreApi(shared.core).acs.signRequest({ accountId: accounts.chat.id, method: 'GET', url })).toMatchObject({
        ok: false,
        error: { code: 'invalid_input', issues: [{ path: 'url' }] },
      });
    }
    expect(
      await coreApi(shared.core).acs.signRequest({
        accountId: accounts.chat.id,
        method: 'TRACE',
        url: `${shared.emulator.urls.acs['contoso-acs-chat'] ?? ''}/x`,
      }),
    ).toMatchObject({ ok: false, error: { issues: [{ path: 'method' }] } });
  });
});

describe('the right credential for an ACS SDK', () => {
  it('gives SMS the connection string, Chat a user token, and Identity an Entra token', async () => {
    const sms = await coreValues(shared.core).credentials.forAcsSdk({ accountId: accounts.chat.id, sdk: 'sms' });
    expect(sms).toMatchObject({
      kind: 'connection-string',
      secret: { kind: 'account', accountId: accounts.chat.id, secret: 'connectionString' },
      snippet: expect.stringContaining('new SmsClient(process.env.ACS_CONNECTION_STRING)'),
    });
    expect(await revealCredential(shared.core, sms)).toBe(shared.emulator.acsConnectionString('contoso-acs-chat'));
    const chat = await coreValues(shared.core).credentials.forAcsSdk({ accountId: accounts.chat.id, sdk: 'chat' });
    expect(chat).toMatchObject({
      kind: 'user-token',
      secret: { kind: 'token', token: { kind: 'acs-user', scopes: ['chat'] } },
      settings: { communicationUserId: expect.stringMatching(/^8:acs:/) },
    });
    expect((await chatThreads('contoso-acs-chat', await revealCredential(shared.core, chat))).status).toBe(200);
    const identity = await coreValues(shared.core).credentials.forAcsSdk({
      accountId: accounts.calls.id,
      sdk: 'identity',
      via: { identityId: pipeline.id },
    });
    await expectEntraTokenFor(shared.core, identity, 'https://communication.azure.com/');
    // The answer names the key or token: its value reaches the page only when the user reveals or copies it.
    for (const answer of [sms, chat, identity]) expect(JSON.stringify(answer)).not.toContain(await revealCredential(shared.core, answer));
  });

  it(
    'follows the ACS table for every SDK: Identity, SMS and Phone Numbers take the connection string or an Entra token, Calling ' +
      'and Chat a user token',
    async () => {
      for (const sdk of ['identity', 'sms', 'phoneNumbers'] as const) {
        const byKey = await coreValues(shared.core).credentials.forAcsSdk({ accountId: accounts.chat.id, sdk });
        expect(byKey, sdk).toMatchObject({
          kind: 'connection-string',
          explanation: expect.stringContaining('takes the connection string'),
          secret: { secret: 'connectionString' },
        });
        const byEntra = await coreValues(shared.core).credentials.forAcsSdk({
          accountId: accounts.calls.id,
          sdk,
          via: { identityId: pipeline.id },
        });
        expect(byEntra, sdk).toMatchObject({
          kind: 'entra-token',
          explanation: expect.stringContaining('takes an Entra token'),
          secret: { kind: 'token', token: { kind: 'entra', audience: 'https://communication.azure.com/' } },
        });
      }
      expect((await coreValues(shared.core).credentials.forAcsSdk({ accountId: accounts.chat.id, sdk: 'phoneNumbers' })).snippet).toContain(
        'new PhoneNumbersClient(process.env.ACS_CONNECTION_STRING)',
      );
      const calling = await coreValues(shared.core).credentials.forAcsSdk({
        accountId: accounts.chat.id,
        sdk: 'calling',
        minutes: 90,
      });
      expect(calling).toMatchObject({
        kind: 'user-token',
        explanation: expect.stringContaining('never the access key'),
        secret: { kind: 'token', token: { kind: 'acs-user', scopes: ['voip'] } },
        snippet: expect.stringContaining('createCallAgent'),
      });
      const voip = await revealCredential(shared.core, calling);
      expect(Number(jwtClaims(voip)['exp']) * 1000 - Date.now()).toBeGreaterThan(89 * 60_000);
      expect((await chatThreads('contoso-acs-chat', voip)).status).toBe(403);
    },
  );

  it('refuses the connection string of a resource added for Entra ID only when it is asked for, not when it is revealed', async () => {
    expect(await coreApi(shared.core).credentials.forAcsSdk({ accountId: accounts.calls.id, sdk: 'sms' })).toMatchObject({
      ok: false,
      error: { code: 'not_found', message: expect.stringContaining('used with Entra ID only') },
    });
  });
});

describe('Entra tokens from a signed-in user', () => {
  it('mints a delegated Graph token and an ACS-scope token without a new sign-in, each with its audience and the exp it carries', async () => {
    const { claims } = await mintEntraToken(shared.core, {
      identityId: adele.id,
      scope: 'https://graph.microsoft.com/User.Read',
      audience: 'https://graph.microsoft.com',
    });
    expect(String(claims['scp']).split(' ')).toContain('User.Read');
    expect(claims['oid']).toBe(scenarioUser(shared.emulator, 'adele.vance').id);
    const acs = await coreValues(shared.core).tokens.mintEntra({
      identityId: adeleOwnApp.id,
      scope: 'https://communication.azure.com//.default',
    });
    expect(jwtClaims(await reveal(acs))['aud']).toBe('https://communication.azure.com/');
  });

  it(
    'says the default sign-in app cannot get ACS tokens and how to fix it (AADSTS65002), stores nothing, and leaves the sign-in ' +
      'working',
    async () => {
      const tokenIds = async () => (await coreValues(shared.core).tokens.list()).map((t) => t.id).sort();
      const identities = async () => (await coreValues(shared.core).identities.list()).map((i) => [i.id, i.username, i.clientId]);
      const tokensBefore = await tokenIds();
      const identitiesBefore = await identities();
      for (const refused of [
        await coreApi(shared.core).tokens.mintEntra({
          identityId: adele.id,
          scope: 'https://communication.azure.com//.default',
          keep: true,
        }),
        await coreApi(shared.core).acsIdentities.create({ accountId: accounts.chat.id, label: 'y', via: { identityId: adele.id } }),
      ]) {
        expect(refused).toMatchObject({ ok: false, error: { code: 'client_not_preauthorized' } });
        const message = refused.ok ? '' : refused.error.message;
        expect(message).toContain('cannot get tokens for this service');
        expect(message).toContain('Register my app');
        expect(message).toContain('azcred app register');
        expect(message).toContain('service principal');
        expect(message).not.toContain('Sign in again');
      }
      expect(await tokenIds()).toEqual(tokensBefore);
      expect(await identities()).toEqual(identitiesBefore);
      expect((await coreValues(shared.core).acsIdentities.list()).map((i) => i.label)).not.toContain('y');
      // The refusal spent nothing: the same sign-in still gets an ARM token.
      const arm = await coreValues(shared.core).tokens.mintEntra({ identityId: adele.id, scope: 'https://management.azure.com/.default' });
      expect(jwtClaims(await reveal(arm))['aud']).toBe('https://management.azure.com');
    },
  );
});

describe('token values', () => {
  it('never appear in a file outside the vault, in the list or in an error', async () => {
    const tokens = await coreValues(shared.core).tokens.list();
    const values = await Promise.all(tokens.filter((t) => t.hasValue).map(reveal));
    expect(values.length).toBeGreaterThan(5);
    const disk = await filesOutsideVault(shared.folder);
    const listed = JSON.stringify(tokens);
    for (const token of values) {
      expect(disk).not.toContain(token);
      expect(listed).not.toContain(token);
    }
  });
});
