import { randomUUID } from 'node:crypto';
import { createServer } from 'node:net';
import { beforeAll, describe, expect, it } from 'vitest';
import type { IdentityView } from '../../../shared/identities.ts';
import type { TokenView } from '../../../shared/tokens.ts';
import { jwtClaims } from '../../../e2e/azure-emulator/test/emulator-fixtures.ts';
import { coreApi, coreValues, rawCall } from '../test-support/test-core.ts';
import {
  addEmulatorAccounts,
  addRenderPipeline,
  eastusAccountId,
  type EmulatorAccounts,
  emulatorAndCoreForThisFile,
  expectEntraTokenFor,
  mintEntraToken,
  recordingRetry,
  revealCredential,
  westeuropeAccountId,
} from './test-support/tokens-fixtures.ts';

let accounts: EmulatorAccounts;
let pipeline: IdentityView;
const retry = recordingRetry({ timeoutMs: 1000 });
const shared = emulatorAndCoreForThisFile('azcred-arr-tokens-', retry);

beforeAll(async () => {
  accounts = await addEmulatorAccounts(shared.core, shared.emulator);
  pipeline = await addRenderPipeline(shared.core);
});

const reveal = async (token: TokenView) => (await coreValues(shared.core).tokens.reveal({ id: token.id })).value;
const keyOf = (accountId: string) =>
  shared.emulator.scenario.remoteRenderingAccounts.find((a) => a.accountId === accountId)?.primaryKey ?? '';

describe('ARR access tokens from the Mixed Reality STS', () => {
  it('mints with the primary and the secondary key, with the expiry the token says', async () => {
    const primary = await coreValues(shared.core).tokens.mintArr({ accountId: accounts.westeurope.id, via: 'primaryKey' });
    expect(primary).toMatchObject({
      kind: 'arr-sts',
      title: 'ARR access token · contoso-arr-westeurope (primary key)',
      source: { account: { id: accounts.westeurope.id, name: 'contoso-arr-westeurope', kind: 'arr' }, via: { credential: 'primaryKey' } },
      status: 'valid',
      revoked: false,
      kept: false,
      hasValue: true,
      refreshable: true,
      audience: 'https://remoterendering.westeurope.mixedreality.azure.com/',
    });
    const token = await reveal(primary);
    const claims = jwtClaims(token);
    expect(claims['aid']).toBe(accounts.westeurope.kind === 'arr' ? accounts.westeurope.accountId : '');
    expect(Date.parse(primary.expiresAt)).toBe(Number(claims['exp']) * 1000);
    expect(Date.parse(primary.issuedAt)).toBe(Number(claims['iat']) * 1000);

    const secondary = await coreValues(shared.core).tokens.mintArr({ accountId: accounts.westeurope.id, via: 'secondaryKey' });
    expect(secondary.source.via).toEqual({ credential: 'secondaryKey' });
    const listed = JSON.stringify(await coreValues(shared.core).tokens.list());
    expect(listed).toContain(primary.id);
    expect(listed).not.toContain(token);
    expect(listed).not.toContain(await reveal(secondary));
  });

  it('mints with an Entra service principal that holds Remote Rendering Client on the account', async () => {
    const token = await coreValues(shared.core).tokens.mintArr({ accountId: accounts.eastus.id, via: { identityId: pipeline.id } });
    expect(token.source.via).toEqual({ credential: 'entra', identityId: pipeline.id, identityName: pipeline.name });
    expect(jwtClaims(await reveal(token))['aid']).toBe('8a2d6a1f-3c4b-4d5e-9f60-7a8b9c0d1e2f');
  });

  it('says the account key was refused and where to copy it again, without quoting it', async () => {
    const wrong = 'bm90LXRoZS1yZWFsLWtleS0xMjM0NTY3OA==';
    const account = await coreValues(shared.core).accounts.add({
      kind: 'arr',
      name: 'wrong key',
      accountId: westeuropeAccountId,
      accountDomain: 'westeurope',
      cloud: 'AzureEmulator',
      primaryKey: wrong,
    });
    const result = await coreApi(shared.core).tokens.mintArr({ accountId: account.id, via: 'primaryKey' });
    expect(result).toMatchObject({
      ok: false,
      error: { code: 'azure_unauthorized', message: expect.stringContaining('The primary key of "wrong key" was refused') },
    });
    expect(!result.ok && result.error.message).toContain('Keys blade');
    expect(JSON.stringify(result)).not.toContain(wrong);
    expect(await coreApi(shared.core).tokens.mintArr({ accountId: account.id, via: 'secondaryKey' })).toMatchObject({
      ok: false,
      error: { code: 'not_found', message: expect.stringContaining('no secondary key') },
    });
  });

  it('names the Remote Rendering role an Entra identity lacks on the account', async () => {
    const result = await coreApi(shared.core).tokens.mintArr({ accountId: accounts.westeurope.id, via: { identityId: pipeline.id } });
    expect(result).toMatchObject({ ok: false, error: { code: 'azure_unauthorized' } });
    const message = result.ok ? '' : result.error.message;
    expect(message).toContain(`${pipeline.name} may not get Remote Rendering tokens for "contoso-arr-westeurope"`);
    expect(message).toContain('Remote Rendering Client');
    expect(message).toContain('Remote Rendering Administrator');
  });

  it('tests the account by listing its sessions, reusing a token it already has', async () => {
    const before = (await coreValues(shared.core).tokens.list()).length;
    const sts = await reveal(await coreValues(shared.core).tokens.mintArr({ accountId: accounts.eastus.id, via: 'primaryKey' }));
    const created = await fetch(`${shared.emulator.urls.arr}/accounts/${eastusAccountId}/sessions/demo-session?api-version=2021-01-01`, {
      method: 'PUT',
      headers: { Authorization: `Bearer ${sts}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({ maxLeaseTimeMinutes: 30, size: 'standard' }),
    });
    expect(created.status).toBe(201);
    const result = await coreValues(shared.core).arr.testAccount({ accountId: accounts.eastus.id, via: 'primaryKey' });
    expect(result.sessions).toEqual([
      expect.objectContaining({ id: 'demo-session', status: 'Ready', size: 'Standard', maxLeaseTimeMinutes: 30 }),
    ]);
    expect(result.summary).toBe('The token works: 1 active session, 1 ready.');
    expect(result.endpoint).toBe(shared.emulator.urls.arr);
    expect((await coreValues(shared.core).tokens.list()).length).toBe(before + 1);
    // Another source mints its own token.
    const bySecondary = await coreValues(shared.core).arr.testAccount({ accountId: accounts.westeurope.id, via: 'secondaryKey' });
    expect(bySecondary.summary).toBe('The token works: the account has no active sessions.');
  });

  it('asks which region to render in for a global-domain account, before calling anything', async () => {
    const global = await coreValues(shared.core).accounts.add({
      kind: 'arr',
      name: 'global in Azure',
      accountId: randomUUID(),
      accountDomain: 'mixedreality.azure.com',
      primaryKey: keyOf(westeuropeAccountId),
    });
    const result = await coreApi(shared.core).arr.testAccount({ accountId: global.id, via: 'primaryKey' });
    expect(result).toMatchObject({
      ok: false,
      error: { code: 'invalid_input', issues: [{ path: 'region', message: expect.stringContaining('names no region') }] },
    });
    // The shared.emulator serves every region on one host, so its global-domain account works without one.
    await expect(coreValues(shared.core).arr.testAccount({ accountId: accounts.fabrikam.id, via: 'primaryKey' })).resolves.toMatchObject({
      sessions: [],
    });
  });
});

describe('ARR failures and retries', () => {
  it('waits as Retry-After says after a 429, then succeeds', async () => {
    shared.emulator.faults.add({ service: 'sts', kind: 'throttle', retryAfterSeconds: 2, times: 1 });
    await expect(coreValues(shared.core).tokens.mintArr({ accountId: accounts.westeurope.id, via: 'primaryKey' })).resolves.toMatchObject({
      kind: 'arr-sts',
    });
    expect(retry.waits).toEqual([2000]);
  });

  it.each([
    ['retries a 503 with backoff, then succeeds', { service: 'sts', kind: 'error', status: 503, times: 1 }],
    ['retries a dropped connection, then succeeds', { service: 'sts', kind: 'drop', times: 1 }],
    ['times out a try that does not answer and tries again', { service: 'sts', kind: 'slow', delayMs: 1500, times: 1 }],
  ] as const)('%s', async (_title, fault) => {
    shared.emulator.faults.add(fault);
    await expect(coreValues(shared.core).tokens.mintArr({ accountId: accounts.westeurope.id, via: 'primaryKey' })).resolves.toMatchObject({
      kind: 'arr-sts',
    });
    expect(retry.waits).toHaveLength(1);
  });

  it('gives up after three 503s with a message that says what to do', async () => {
    shared.emulator.faults.add({ service: 'sts', kind: 'error', status: 503, times: 3 });
    const result = await coreApi(shared.core).tokens.mintArr({ accountId: accounts.westeurope.id, via: 'primaryKey' });
    expect(result).toMatchObject({
      ok: false,
      error: {
        code: 'azure_unavailable',
        message: expect.stringContaining('The Mixed Reality STS failed with HTTP 503 on each of 3 tries'),
      },
    });
    expect(retry.waits).toHaveLength(2);
  });

  it('retries the session list after a 429 from the Remote Rendering service', async () => {
    shared.emulator.faults.add({ service: 'arr', kind: 'throttle', retryAfterSeconds: 1, times: 1 });
    await expect(coreValues(shared.core).arr.testAccount({ accountId: accounts.eastus.id, via: 'primaryKey' })).resolves.toMatchObject({
      sessions: [expect.anything()],
    });
    expect(retry.waits).toEqual([1000]);
  });

  it('says nothing answered when the STS port is closed, without retrying', async () => {
    const port = await closedPort();
    const down = {
      ...shared.emulator.cloudProfile,
      name: 'AzureEmulatorDown',
      mixedReality: { ...shared.emulator.cloudProfile.mixedReality, stsEndpoint: `https://127.0.0.1:${port}` },
    };
    await coreValues(shared.core).clouds.import({ text: JSON.stringify(down) });
    const account = await coreValues(shared.core).accounts.add({
      kind: 'arr',
      name: 'unreachable',
      accountId: westeuropeAccountId,
      accountDomain: 'westeurope',
      cloud: 'AzureEmulatorDown',
      primaryKey: keyOf(westeuropeAccountId),
    });
    const result = await coreApi(shared.core).tokens.mintArr({ accountId: account.id, via: 'primaryKey' });
    expect(result).toMatchObject({
      ok: false,
      error: { code: 'network', message: expect.stringContaining(`Nothing answered at 127.0.0.1:${port} (connection refused)`) },
    });
    expect(retry.waits).toEqual([]);
  });

  it('stops a call that is under way when it is cancelled', async () => {
    // Uncancelled, each try would time out and the call end as azure_unavailable after ~3 s.
    shared.emulator.faults.add({ service: 'sts', kind: 'slow', delayMs: 3000, times: 3 });
    const operationId = randomUUID();
    const started = Date.now();
    const pending = coreApi(shared.core).tokens.mintArr({ accountId: accounts.westeurope.id, via: 'primaryKey', operationId });
    await new Promise((resolve) => setTimeout(resolve, 150));
    expect(await coreValues(shared.core).calls.cancel({ operationId })).toEqual({ cancelled: true });
    expect(await pending).toMatchObject({ ok: false, error: { code: 'cancelled', message: expect.stringContaining('Mixed Reality STS') } });
    expect(Date.now() - started).toBeLessThan(1500);
    expect(await coreValues(shared.core).calls.cancel({ operationId })).toEqual({ cancelled: false });
  });
});

describe('the right credential for the ARR SDK', () => {
  it('gives the account key, an Entra AuthenticationToken or an STS AccessToken, each with what it is for', async () => {
    const key = await coreValues(shared.core).credentials.forArr({
      accountId: accounts.westeurope.id,
      want: 'accountKey',
      via: 'secondaryKey',
    });
    expect(key).toMatchObject({
      kind: 'account-key',
      secret: { kind: 'account', accountId: accounts.westeurope.id, secret: 'secondaryKey' },
      settings: {
        accountId: westeuropeAccountId,
        accountDomain: 'westeurope.mixedreality.azure.com',
        remoteRenderingDomain: 'westeurope.mixedreality.azure.com',
      },
      snippet: expect.stringContaining('AccountKey = Environment.GetEnvironmentVariable("ARR_ACCOUNT_KEY")'),
    });
    expect(await revealCredential(shared.core, key)).toBe(
      shared.emulator.scenario.remoteRenderingAccounts.find((a) => a.accountId === westeuropeAccountId)?.secondaryKey,
    );
    const authentication = await coreValues(shared.core).credentials.forArr({
      accountId: accounts.eastus.id,
      want: 'authenticationToken',
      via: { identityId: pipeline.id },
    });
    await expectEntraTokenFor(shared.core, authentication, 'https://sts.eastus.mixedreality.azure.com');
    const access = await coreValues(shared.core).credentials.forArr({
      accountId: accounts.eastus.id,
      want: 'accessToken',
      via: 'primaryKey',
    });
    expect(access).toMatchObject({ kind: 'sts-token', secret: { kind: 'token', token: { kind: 'arr-sts' } } });
    expect(jwtClaims(await revealCredential(shared.core, access))['aid']).toBe(eastusAccountId);
    // The answer names the key or token: its value reaches the page only when the user reveals or copies it.
    for (const answer of [key, authentication, access])
      expect(JSON.stringify(answer)).not.toContain(await revealCredential(shared.core, answer));
    expect(
      await rawCall(shared.core, 'credentials.forArr', { accountId: accounts.eastus.id, want: 'authenticationToken', via: 'primaryKey' }),
    ).toMatchObject({ ok: false, error: { code: 'invalid_input', issues: [{ path: 'via' }] } });
    expect(
      await coreApi(shared.core).credentials.forArr({ accountId: accounts.chat.id, want: 'accessToken', via: 'primaryKey' }),
    ).toMatchObject({
      ok: false,
      error: { code: 'invalid_input', issues: [{ path: 'accountId' }] },
    });
  });
});

describe('Entra tokens for any scope', () => {
  it('mints from a service principal for ARM and for the STS, and lists them with their audience', async () => {
    await mintEntraToken(shared.core, {
      identityId: pipeline.id,
      scope: 'https://management.azure.com/.default',
      audience: 'https://management.azure.com',
    });
    const sts = await coreValues(shared.core).tokens.mintEntra({
      identityId: pipeline.id,
      scope: 'https://sts.mixedreality.azure.com//.default',
    });
    expect(sts.audience).toBe('https://sts.mixedreality.azure.com/');
    expect(
      await coreApi(shared.core).tokens.mintEntra({ identityId: pipeline.id, scope: 'https://a/.default https://b/.default' }),
    ).toMatchObject({ ok: false, error: { code: 'invalid_input', issues: [{ path: 'scope' }] } });
    expect(
      await coreApi(shared.core).tokens.mintEntra({ identityId: pipeline.id, scope: 'https://unknown.example/.default' }),
    ).toMatchObject({
      ok: false,
      error: { code: 'sign_in_required' },
    });
  });

  it('mints for a custom API by its Application ID URI, and says only that API accepts it', async () => {
    const { token: custom } = await mintEntraToken(shared.core, {
      identityId: pipeline.id,
      scope: 'api://azcred-emulator-api/.default',
      audience: 'api://azcred-emulator-api',
    });
    // No request the app knows how to make with it: the curl export says so instead of guessing an endpoint.
    expect(await coreApi(shared.core).tokens.export({ id: custom.id, format: 'curl' })).toMatchObject({
      ok: false,
      error: {
        code: 'invalid_input',
        message: expect.stringContaining('knows no request to try with a token for api://azcred-emulator-api'),
      },
    });
  });
});

async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise((resolve) => server.close(resolve));
  return typeof address === 'object' && address ? address.port : 1;
}
