import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtemp } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { RunningEmulator } from '../e2e/azure-emulator/server.ts';
import { parseAcsConnectionString } from '../shared/acs-connection-string.ts';
import { fillMixedRealityPattern } from '../shared/clouds.ts';
import { createCore, type Core } from '../electron/core/core.ts';
import { changeKeptTokens } from '../electron/core/tokens/kept-tokens-file.ts';
import { tokenSecretName, type TokenRecord } from '../electron/core/tokens/token-record.ts';
import { contractCall } from '../scripts/contract-call.ts';

/** A data folder of its own under the system's temp folder, as AZCRED_HOME. */
export function newDataFolder(label: string): Promise<string> {
  return mkdtemp(path.join(os.tmpdir(), `azcred-bench-${label}-`));
}

/** The core as the CLI and browser mode create it, on the real keychain (the bench runs inside with-keyring.sh). */
export function benchCore(dataFolder: string): Core {
  return createCore({ mode: 'cli', dataFolder: { path: dataFolder, source: 'AZCRED_HOME' }, version: '0.0.0-bench' });
}

export interface EmulatorAccounts {
  arr: { id: string; accountId: string; primaryKey: string; stsEndpoint: string };
  acs: { id: string; endpoint: string; accessKey: string };
}

/** The emulator's cloud profile, its first ARR account and its chat ACS resource, added as a user would. */
export async function addEmulatorAccounts(core: Core, emulator: RunningEmulator, arrName: string): Promise<EmulatorAccounts> {
  const call = contractCall(core);
  await call('clouds.import', { text: JSON.stringify(emulator.cloudProfile) });
  const arr = emulator.scenario.remoteRenderingAccounts[0];
  if (!arr) throw new Error('The emulator scenario has no Remote Rendering account.');
  const added = await call('accounts.add', {
    kind: 'arr',
    name: arrName,
    accountId: arr.accountId,
    accountDomain: arr.accountDomain,
    cloud: 'AzureEmulator',
    primaryKey: arr.primaryKey,
    secondaryKey: arr.secondaryKey,
  });
  const connectionString = emulator.acsConnectionString('contoso-acs-chat');
  const acs = await call('accounts.add', { kind: 'acs', name: 'Bench chat', connectionString, cloud: 'AzureEmulator' });
  const parsed = parseAcsConnectionString(connectionString);
  if (!parsed.ok) throw new Error("The emulator's ACS connection string does not parse.");
  if (added.kind !== 'arr') throw new Error('accounts.add answered with another kind of account.');
  const stsEndpoint = fillMixedRealityPattern(emulator.cloudProfile.mixedReality.stsEndpoint, added.accountDomain);
  return { arr: { id: added.id, accountId: arr.accountId, primaryKey: arr.primaryKey, stsEndpoint }, acs: { id: acs.id, ...parsed.value } };
}

/** `count` ARR accounts with both keys, imported at once as a JSON file would be. */
export async function addManyAccounts(core: Core, count: number): Promise<void> {
  const accounts = Array.from({ length: count }, (_, i) => ({
    kind: 'arr',
    name: `Account ${String(i).padStart(4, '0')}`,
    accountId: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
    accountDomain: i % 2 ? 'westeurope' : 'eastus',
    primaryKey: randomBytes(32).toString('base64'),
    secondaryKey: randomBytes(32).toString('base64'),
    tags: [i % 2 ? 'odd' : 'even'],
  }));
  const report = await contractCall(core)('accounts.import', { text: JSON.stringify(accounts), fileName: 'bench.json' });
  if (report.added !== count) throw new Error(`Imported ${report.added} of ${count} accounts.`);
}

/**
 * `count` kept tokens, all valid for another one to two hours so every row counts down, written as
 * the registry keeps them (tokens.json plus values in the vault) in one write each, so a host
 * started on the folder lists them.
 */
export async function addManyKeptTokens(core: Core, count: number): Promise<void> {
  const now = Date.now();
  const records: TokenRecord[] = Array.from({ length: count }, (_, i) => ({
    id: randomUUID(),
    // Paid by an account key: a token minted through an identity that is not signed in is let go.
    kind: 'arr-sts',
    title: `STS token · bench-${String(i).padStart(4, '0')}`,
    source: { account: { id: '00000000-0000-4000-8000-000000000001', name: `bench-${i}`, kind: 'arr' }, via: { credential: 'primaryKey' } },
    scopes: [],
    audience: 'https://sts.mixedreality.azure.com/',
    issuedAt: new Date(now - 60_000).toISOString(),
    expiresAt: new Date(now + 3_600_000 + i * 3_600).toISOString(),
    revoked: false,
    revokedAt: null,
    autoRefresh: false,
    recipe: null,
    lastRefresh: null,
  }));
  const vault = await core.vault.require();
  await vault.setMany(records.map((r, i) => [tokenSecretName(r.id), `not-a-jwt-${i}`] as const));
  await changeKeptTokens(core.options.dataFolder.path, (existing) => [...existing, ...records]);
}
