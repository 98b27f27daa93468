import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contosoTenantId, defaultScenario, jwtClaims, secretServicePrincipal } from '../../e2e/azure-emulator/test/emulator-fixtures.ts';
import { startEmulator, type RunningEmulator } from '../../e2e/azure-emulator/server.ts';
import { runAzcredRecordingLoads } from './test-support/loaded-modules.ts';
import { type AzcredRun, importEmulatorCloud, runAzcred } from './test-support/run-azcred.ts';

const keyringSession = process.platform === 'linux' && process.env['AZCRED_IN_KEYRING_SESSION'] === '1';
const accountId = '35d830cb-f062-4062-9792-d6316039df56';
const armScope = 'https://management.azure.com/.default';
let emulator: RunningEmulator;
let home: string;
const azcred = (args: string[], stdin?: string): Promise<AzcredRun> => runAzcred(args, { home, ...(stdin !== undefined ? { stdin } : {}) });
const recording = (args: string[]) => runAzcredRecordingLoads(args, { home });

/** Sets the expiry of every kept token of `kind` in tokens.json, as if it had been minted earlier. */
async function keptTokensExpireIn(kind: string, ms: number): Promise<string> {
  const file = path.join(home, 'tokens.json');
  const kept = JSON.parse(await readFile(file, 'utf8')) as { tokens: { kind: string; expiresAt: string }[] };
  const expiresAt = new Date(Date.now() + ms).toISOString();
  for (const token of kept.tokens) if (token.kind === kind) token.expiresAt = expiresAt;
  await writeFile(file, JSON.stringify(kept));
  return expiresAt;
}

describe.runIf(keyringSession)('azcred serving a cached token', () => {
  beforeAll(async () => {
    emulator = await startEmulator({ scenario: defaultScenario() });
    home = await mkdtemp(path.join(os.tmpdir(), 'azcred-cli-cached-'));
    const primaryKey = emulator.scenario.remoteRenderingAccounts.find((a) => a.accountId === accountId)?.primaryKey ?? '';
    await importEmulatorCloud(emulator, home);
    expect(await azcred(['account', 'add', 'arr', 'contoso', '--account-id', accountId, '--account-domain', 'westeurope', '--cloud', 'AzureEmulator'], primaryKey)).toMatchObject({ code: 0 });
    expect(await azcred(['account', 'add', 'acs', 'chat', '--cloud', 'AzureEmulator'], emulator.acsConnectionString('contoso-acs-chat'))).toMatchObject({ code: 0 });
    const login = await azcred(['login', '--service-principal', '--client-id', secretServicePrincipal.appId, '--tenant', contosoTenantId, '--cloud', 'AzureEmulator'], secretServicePrincipal.secret);
    expect(login, login.stderr).toMatchObject({ code: 0 });
  }, 60_000);
  afterAll(async () => {
    await emulator?.close();
    await rm(home, { recursive: true, force: true });
  });

  it('prints a cached ARR token without loading the full CLI, which a mint loads', async () => {
    const minted = await recording(['token', 'arr', 'contoso', '--fresh']);
    expect(minted, minted.stderr).toMatchObject({ code: 0, loaded: { fullCli: true } });
    const cached = await recording(['token', 'arr', 'contoso']);
    expect(cached, cached.stderr).toMatchObject({ code: 0, stdout: minted.stdout, loaded: { fullCli: false, azureSdk: [] } });
  });

  it('prints a cached ACS user token without loading an Azure SDK, which minting one loads', async () => {
    const minted = await recording(['token', 'acs', 'chat', '--scopes', 'chat,voip', '--new-user', 'bot']);
    expect(minted.code, minted.stderr).toBe(0);
    expect(minted.loaded.azureSdk).not.toEqual([]);
    expect(jwtClaims(minted.stdout.trim())['scp']).toBeDefined();
    const cached = await recording(['token', 'acs', 'chat', '--scopes', 'voip,chat', '--user', 'bot']);
    expect(cached, cached.stderr).toMatchObject({ code: 0, stdout: minted.stdout, loaded: { azureSdk: [] } });
  });

  it('prints a cached Entra token without loading MSAL, which minting one loads', async () => {
    const minted = await recording(['token', 'entra', '--scope', armScope]);
    expect(minted.code, minted.stderr).toBe(0);
    expect(minted.loaded.azureSdk).not.toEqual([]);
    expect(jwtClaims(minted.stdout.trim())).toMatchObject({ appid: secretServicePrincipal.appId, aud: 'https://management.azure.com' });
    const [identity] = JSON.parse((await azcred(['identity', 'list', '--json'])).stdout) as { id: string }[];
    const cached = await recording(['token', 'entra', '--scope', armScope, '--identity', identity?.id ?? '']);
    expect(cached, cached.stderr).toMatchObject({ code: 0, stdout: minted.stdout, loaded: { azureSdk: [] } });
  });

  it('reuses a kept Entra token only while it has more than five minutes left', async () => {
    const entra = async () => {
      const run = await azcred(['token', 'entra', '--scope', armScope, '--json']);
      expect(run.code, run.stderr).toBe(0);
      return JSON.parse(run.stdout) as { token: string; expiresAt: string; id: string };
    };
    const kept = await entra();
    const sixMinutes = await keptTokensExpireIn('entra', 6 * 60_000);
    expect(await entra()).toMatchObject({ id: kept.id, expiresAt: sixMinutes });
    await keptTokensExpireIn('entra', 4 * 60_000);
    const next = await entra();
    expect(next.id).not.toBe(kept.id);
    expect(Date.parse(next.expiresAt)).toBeGreaterThan(Date.now() + 30 * 60_000);
    expect(jwtClaims(next.token)).toMatchObject({ appid: secretServicePrincipal.appId });
  });
});
