import { randomUUID } from 'node:crypto';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { jwtClaims, scenarioUser, secretServicePrincipal } from '../../e2e/azure-emulator/test/emulator-fixtures.ts';
import type { RunningEmulator } from '../../e2e/azure-emulator/server.ts';
import { derivePassphraseKey, newSalt } from '../core/platform/passphrase-key.ts';
import { encryptVault, keyCheck } from '../core/vault/vault-file.ts';
import { printCachedToken } from './cached-token.ts';
import { runAzcredRecordingLoads } from './test-support/loaded-modules.ts';
import { arrPrimaryKey, closeEmulatorDataFolder, deviceCodeLogin, emulatorDataFolder } from './test-support/emulator-data-folder.ts';
import { addEmulatorArr, armScope, servicePrincipalLogin, westEuropeArr } from './test-support/azcred-arguments.ts';
import { azcredIn, type AzcredRun, fullCliOnly, keyringSession, runAzcred } from './test-support/run-azcred.ts';

const apiScope = 'api://azcred-emulator-api/.default';
let emulator: RunningEmulator;
let home: string;
let servicePrincipalId: string;
let userId: string;
const azcred = azcredIn(() => home);
const recording = (args: string[]) => runAzcredRecordingLoads(args, { home });

/** The quick path alone, in this process: what it printed, or null when it left the line to the full CLI. */
async function quick(args: string[], env: NodeJS.ProcessEnv = { AZCRED_HOME: home }): Promise<string | null> {
  const printed: string[] = [];
  return (await printCachedToken(args, (text) => printed.push(text), env)) ? printed.join('\n') : null;
}

/** The full CLI alone (no quick path in front of it), as a child process on the same data folder. */
const fullCli = (args: string[]): Promise<AzcredRun> => runAzcred(args, { home, script: fullCliOnly });

/** Sets the expiry of every kept token of `kind` in tokens.json, as if it had been minted earlier. */
async function keptTokensExpireIn(kind: string, ms: number): Promise<string> {
  const file = path.join(home, 'tokens.json');
  const kept = JSON.parse(await readFile(file, 'utf8')) as { tokens: { kind: string; expiresAt: string }[] };
  const expiresAt = new Date(Date.now() + ms).toISOString();
  for (const token of kept.tokens) if (token.kind === kind) token.expiresAt = expiresAt;
  await writeFile(file, JSON.stringify(kept));
  return expiresAt;
}

/** Runs `work` with `name` in the data folder replaced by `text`, and puts the file back after. */
async function withDamaged(name: string, text: string, work: () => Promise<void>): Promise<void> {
  const file = path.join(home, name);
  const kept = await readFile(file);
  await writeFile(file, text);
  try {
    await work();
  } finally {
    await writeFile(file, kept);
  }
}

describe.runIf(keyringSession)('azcred serving a cached token', () => {
  beforeAll(async () => {
    ({ emulator, home } = await emulatorDataFolder('azcred-cli-cached-'));
    expect(await azcred(addEmulatorArr('contoso', westEuropeArr), arrPrimaryKey(emulator, westEuropeArr))).toMatchObject({ code: 0 });
    expect(
      await azcred(['account', 'add', 'acs', 'chat', '--cloud', 'AzureEmulator'], emulator.acsConnectionString('contoso-acs-chat')),
    ).toMatchObject({ code: 0 });
    const login = await azcred(servicePrincipalLogin('--name', 'pipeline'), secretServicePrincipal.secret);
    expect(login, login.stderr).toMatchObject({ code: 0 });
    const alex = scenarioUser(emulator, 'alex.wilber');
    const userLogin = await deviceCodeLogin(emulator, home, alex.userName);
    expect(userLogin.code, userLogin.stderr).toBe(0);
    const identities = JSON.parse((await azcred(['identity', 'list', '--json'])).stdout) as { id: string; kind: string }[];
    servicePrincipalId = identities.find((i) => i.kind === 'service-principal')?.id ?? '';
    userId = identities.find((i) => i.kind === 'user')?.id ?? '';
  }, 90_000);
  afterAll(() => closeEmulatorDataFolder(emulator, home));

  it('prints a cached ARR token without loading the full CLI, which a mint loads, and its JSON as the full CLI does', async () => {
    const minted = await recording(['token', 'arr', 'contoso', '--fresh']);
    expect(minted, minted.stderr).toMatchObject({ code: 0, loaded: { fullCli: true } });
    const cached = await recording(['token', 'arr', 'contoso']);
    expect(cached, cached.stderr).toMatchObject({ code: 0, stdout: minted.stdout, loaded: { fullCli: false, azureSdk: [] } });
    const json = await recording(['token', 'arr', 'contoso', '--json']);
    expect(json, json.stderr).toMatchObject({
      code: 0,
      stdout: (await fullCli(['token', 'arr', 'contoso', '--json'])).stdout,
      loaded: { fullCli: false },
    });
  });

  it('prints a cached ACS user token without loading the full CLI, which minting one loads, as the full CLI prints it', async () => {
    const minted = await recording(['token', 'acs', 'chat', '--scopes', 'chat,voip', '--new-user', 'bot']);
    expect(minted.code, minted.stderr).toBe(0);
    expect(minted.loaded.azureSdk).not.toEqual([]);
    expect(jwtClaims(minted.stdout.trim())['scp']).toBeDefined();
    const cached = await recording(['token', 'acs', 'chat', '--scopes', 'voip,chat', '--user', 'bot']);
    expect(cached, cached.stderr).toMatchObject({ code: 0, stdout: minted.stdout, loaded: { fullCli: false, azureSdk: [] } });
    const args = ['token', 'acs', 'chat', '--user=BOT', '--json', '--scopes', 'chat, voip', '--minutes', '60'];
    const json = await recording(args);
    expect(json, json.stderr).toMatchObject({ code: 0, stdout: (await fullCli(args)).stdout, loaded: { fullCli: false } });
    expect(JSON.parse(json.stdout)).toMatchObject({ token: minted.stdout.trim(), kind: 'acs-user' });
  });

  it('leaves an ACS line that mints, names another user or scopes, or another payer to the full CLI', async () => {
    expect(await quick(['token', 'acs', 'chat', '--scopes', 'chat,voip', '--user', 'bot'])).not.toBeNull();
    expect(await quick(['token', 'acs', 'chat', '--scopes', 'chat,voip', '--new-user', 'bot'])).toBeNull();
    expect(await quick(['token', 'acs', 'chat', '--scopes', 'chat', '--user', 'bot'])).toBeNull();
    expect(await quick(['token', 'acs', 'chat', '--scopes', 'chat,voip', '--user', 'nobody'])).toBeNull();
    expect(await quick(['token', 'acs', 'chat', '--scopes', 'chat,voip', '--user', 'bot', '--identity', 'pipeline'])).toBeNull();
    expect(await quick(['token', 'acs', 'contoso', '--scopes', 'chat,voip', '--user', 'bot'])).toBeNull();
  });

  it('prints the kept Entra token of each identity and scope without loading MSAL or the full CLI, as the full CLI prints it', async () => {
    const kept = new Map<string, string>();
    for (const identity of [servicePrincipalId, userId]) {
      for (const scope of [armScope, apiScope]) {
        const minted = await recording(['token', 'entra', '--scope', scope, '--identity', identity]);
        expect(minted, minted.stderr).toMatchObject({ code: 0, loaded: { fullCli: true } });
        expect(minted.loaded.azureSdk).not.toEqual([]);
        kept.set(`${identity} ${scope}`, minted.stdout);
      }
    }
    expect(new Set(kept.values()).size).toBe(4);
    for (const identity of [servicePrincipalId, userId]) {
      for (const scope of [armScope, apiScope]) {
        const cached = await recording(['token', 'entra', '--scope', scope, '--identity', identity]);
        expect(cached, cached.stderr).toMatchObject({
          code: 0,
          stdout: kept.get(`${identity} ${scope}`),
          loaded: { fullCli: false, azureSdk: [] },
        });
        const json = ['token', 'entra', '--json', `--scope=${scope}`, '--identity', identity];
        expect((await recording(json)).stdout).toBe((await fullCli(json)).stdout);
      }
    }
    expect(jwtClaims(kept.get(`${servicePrincipalId} ${armScope}`) ?? '')).toMatchObject({
      appid: secretServicePrincipal.appId,
      aud: 'https://management.azure.com',
    });
    // Without --identity: the identity used last (the user, signed in after the service principal), as the full CLI picks it.
    const byDefault = await recording(['token', 'entra', '--scope', apiScope]);
    expect(byDefault).toMatchObject({
      stdout: (await fullCli(['token', 'entra', '--scope', apiScope])).stdout,
      loaded: { fullCli: false },
    });
  });

  it('does not pick a kept Entra token of another scope or identity', async () => {
    const userOnly = 'https://graph.microsoft.com/.default';
    const minted = await azcred(['token', 'entra', '--scope', userOnly, '--identity', userId]);
    if (minted.code !== 0) return expect.fail(minted.stderr);
    expect(await quick(['token', 'entra', '--scope', userOnly, '--identity', userId])).toBe(minted.stdout.trim());
    expect(await quick(['token', 'entra', '--scope', userOnly, '--identity', servicePrincipalId])).toBeNull();
    expect(await quick(['token', 'entra', '--scope', 'https://graph.microsoft.com/.DEFAULT', '--identity', userId])).toBeNull();
    expect(await quick(['token', 'entra', '--scope', 'https://graph.microsoft.com//.default', '--identity', userId])).toBeNull();
    expect(await quick(['token', 'entra', '--scope', userOnly, '--identity', 'someone else'])).toBeNull();
  });

  it('reuses a kept Entra token only while it has more than five minutes left, then goes through MSAL', async () => {
    const entra = async () => {
      const run = await recording(['token', 'entra', '--scope', armScope, '--identity', servicePrincipalId, '--json']);
      expect(run.code, run.stderr).toBe(0);
      return { ...(JSON.parse(run.stdout) as { token: string; expiresAt: string; id: string }), loaded: run.loaded };
    };
    const kept = await entra();
    const sixMinutes = await keptTokensExpireIn('entra', 6 * 60_000);
    expect(await entra()).toMatchObject({ id: kept.id, expiresAt: sixMinutes, loaded: { fullCli: false } });
    await keptTokensExpireIn('entra', 4 * 60_000);
    const next = await entra();
    expect(next.loaded.azureSdk).not.toEqual([]);
    expect(next.id).not.toBe(kept.id);
    expect(Date.parse(next.expiresAt)).toBeGreaterThan(Date.now() + 30 * 60_000);
    expect(jwtClaims(next.token)).toMatchObject({ appid: secretServicePrincipal.appId });
    expect(await entra()).toMatchObject({ id: next.id, loaded: { fullCli: false } });
  });

  it('leaves a damaged token list or identity list to the full CLI, which says so', async () => {
    const args = ['token', 'entra', '--scope', armScope, '--identity', servicePrincipalId];
    await withDamaged('tokens.json', '{"version":1,"tokens":[', async () => {
      expect(await quick(args)).toBeNull();
      const run = await recording(args);
      expect(run).toMatchObject({ loaded: { fullCli: true } });
      expect(run.code).not.toBe(0);
      expect(run.stderr).toContain('tokens.json');
    });
    await withDamaged('identities.json', '{"version":1,"identities":[{"id":"not a uuid"}]}', async () => {
      expect(await quick(args)).toBeNull();
      expect((await recording(args)).loaded.fullCli).toBe(true);
    });
    expect(await quick(args)).not.toBeNull();
  });
});

describe('the cached-token path on a passphrase vault', () => {
  it('prints a kept token with AZCRED_VAULT_PASSPHRASE, and leaves the vault to the full CLI without it or with a wrong one', async () => {
    const folder = await mkdtemp(path.join(os.tmpdir(), 'azcred-cached-passphrase-'));
    try {
      const vaultId = 'a'.repeat(32);
      const kdf = { name: 'scrypt' as const, salt: newSalt(), N: 2 ** 14, r: 8, p: 1 };
      const key = (await derivePassphraseKey('correct horse battery', kdf.salt, kdf)) ?? Buffer.alloc(0);
      const tokenId = randomUUID();
      const account = { id: randomUUID(), name: 'Showroom', kind: 'arr' };
      const now = Date.now();
      const record = {
        id: tokenId,
        kind: 'arr-sts',
        title: 'STS token',
        source: { account: { id: account.id, name: account.name, kind: 'arr' }, via: { credential: 'primaryKey' } },
        scopes: [],
        audience: null,
        issuedAt: new Date(now).toISOString(),
        expiresAt: new Date(now + 3_600_000).toISOString(),
        revoked: false,
        revokedAt: null,
        autoRefresh: false,
        recipe: null,
        lastRefresh: null,
      };
      await writeFile(path.join(folder, 'vault.json'), JSON.stringify({ version: 1, id: vaultId, mode: 'passphrase' }));
      await writeFile(
        path.join(folder, 'vault.bin'),
        encryptVault(
          { id: vaultId, mode: 'passphrase', kdf, keyCheck: keyCheck(key, vaultId) },
          key,
          new Map([[`token/${tokenId}`, 'the-kept-token']]),
        ),
      );
      await writeFile(path.join(folder, 'accounts.json'), JSON.stringify({ version: 1, accounts: [account] }));
      await writeFile(path.join(folder, 'tokens.json'), JSON.stringify({ version: 1, tokens: [record] }));
      const args = ['token', 'arr', 'showroom'];
      expect(await quick(args, { AZCRED_HOME: folder, AZCRED_VAULT_PASSPHRASE: 'correct horse battery' })).toBe('the-kept-token');
      expect(await quick(args, { AZCRED_HOME: folder })).toBeNull();
      expect(await quick(args, { AZCRED_HOME: folder, AZCRED_VAULT_PASSPHRASE: 'wrong horse' })).toBeNull();
    } finally {
      await rm(folder, { recursive: true, force: true });
    }
  });
});
