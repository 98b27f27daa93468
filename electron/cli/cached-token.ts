import type { ActivityEntryInput, ActivityKind } from '../../shared/activity.ts';
import { laterFirst, newestFirst } from '../../shared/newest-first.ts';
import { accessLogEntry, appendAccessLogLineIfRoom } from '../core/platform/access-log-line.ts';
import { resolveDataFolder } from '../core/platform/data-folder.ts';
import { dataFolderProblem } from '../core/platform/data-folder-safety.ts';
import { tokenSecretName } from '../core/platform/data-folder-layout.ts';
import { namesAccount } from './account-name.ts';
import { parseCachedTokenQuery, type CachedTokenQuery } from './cached-token-query.ts';
import { loggedCommandLine } from './logged-command-line.ts';
import {
  readAccounts,
  readAcsIdentities,
  readIdentities,
  readKeptTokens,
  type IdentityFacts,
  type KeptTokenRecord,
} from './data-folder-records.ts';
import { vaultPassphraseVariable } from './vault-passphrase.ts';
import { acsUserTokenOf, arrTokenOf, entraTokenOf, stillReusable } from './reusable-token.ts';
import { agentDisabled, askVaultAgent, startVaultAgent } from './vault-agent-client.ts';

/**
 * The quick way through `azcred token arr|acs|entra` when a kept token will do: when the token the
 * full CLI would reuse (same account or ACS identity, scopes, key or Entra identity; valid for five
 * more minutes) is there, print it having read only the data folder's lists and one secret: no zod,
 * no MSAL, no Azure SDK, no core. It looks the account and identities up by the full CLI's rules
 * (`namesAccount`, `findIdentity`'s, the default identity's), picks by its reuse rules (newest
 * first, as the token list is) and prints the same bytes, having appended the access log's line for
 * it as the full CLI would (access-log-line.ts). The secret comes from the vault agent when one
 * serves the data folder (vault-agent.ts: one request over a Unix socket), otherwise from the vault
 * itself (one keychain read, or one scrypt with AZCRED_VAULT_PASSPHRASE), after which the agent is
 * started for the next call. Anything else (another command or option, no usable token, a file that
 * does not look as written, a log due for rotation) returns false and the full CLI runs: it mints or
 * refreshes through MSAL, and words every problem.
 */
export async function printCachedToken(
  argv: readonly string[],
  out: (text: string) => void,
  env: NodeJS.ProcessEnv = process.env,
): Promise<boolean> {
  const query = parseCachedTokenQuery(argv);
  if (!query) return false;
  const { path: dataFolder } = resolveDataFolder(env);
  // A folder another user owns or may write to is refused by the full CLI, with the fix.
  if (dataFolderProblem(dataFolder)) return false;
  const reusable = reuseRule(dataFolder, query);
  if (!reusable) return false;
  const tokens = readKeptTokens(dataFolder) ?? [];
  const record = newestFirst(tokens, (t) => t.issuedAt).find((t) => reusable(t) && stillReusable(t));
  if (!record) return false;
  const name = tokenSecretName(record.id);
  const log = { input: printedInput(record), to: { front: 'cli' as const, command: loggedCommandLine(argv, 2), pid: process.pid } };
  const print = (value: string) => out(query.json ? printedJson(value, record) : value);
  // The vault agent, when one serves this data folder, answers with the secret and the log line's id and time (vault-agent.ts).
  const useAgent = !agentDisabled(env);
  const served = useAgent ? await askVaultAgent(dataFolder, name) : undefined;
  if (served && appendAccessLogLineIfRoom(dataFolder, accessLogEntry(log.input, served.logId, served.time, log.to))) {
    print(served.value);
    return true;
  }
  // Loaded only here: the keychain, the decryption and node:crypto are most of this path's cost.
  const [{ peekVaultSecrets, readVaultMode }, { randomUUID }] = await Promise.all([
    import('../core/vault/vault-peek.ts'),
    import('node:crypto'),
  ]);
  const value = (await peekVaultSecrets(dataFolder, { passphrase: env[vaultPassphraseVariable] }))?.get(name);
  if (!value) return false;
  // No line in the log, no token on stdout: the full CLI records it (and rotates a full log) instead.
  if (!appendAccessLogLineIfRoom(dataFolder, accessLogEntry(log.input, randomUUID(), new Date().toISOString(), log.to))) return false;
  print(value);
  // The next call asks an agent instead; a passphrase vault's key is never handed to one.
  if (useAgent && readVaultMode(dataFolder) === 'keychain') await startVaultAgent(dataFolder, env);
  return true;
}

/** The access log's entry for the token printed, as the core's tokenActivity words it (its id and time are stamped when written). */
function printedInput(record: KeptTokenRecord): ActivityEntryInput {
  const { account, via } = record.source;
  const resource = record.audience ?? (record.scopes.length > 0 ? record.scopes.join(' ') : undefined);
  return {
    action: 'print' as const,
    kind: record.kind as ActivityKind,
    what: record.title.slice(0, 300),
    ...(account && { account: { id: account.id, name: account.name ?? account.id } }),
    ...(via.credential === 'entra' && via.identityId && { identity: { id: via.identityId, name: via.identityName ?? via.identityId } }),
    ...(resource !== undefined && { resource: resource.slice(0, 500) }),
    tokenId: record.id,
  };
}

/** Which kept tokens the full CLI would reuse for the query, or undefined when it would not reuse one (or would refuse the line). */
function reuseRule(dataFolder: string, query: CachedTokenQuery): ((token: KeptTokenRecord) => boolean) | undefined {
  const identities = query.identity !== undefined || query.kind === 'entra' ? readIdentities(dataFolder) : [];
  if (!identities) return undefined;
  const identity = query.identity === undefined ? undefined : findIdentity(identities, query.identity);
  if (query.identity !== undefined && !identity) return undefined;
  if (query.kind === 'entra') {
    const chosen = identity ?? defaultIdentity(identities);
    return chosen && entraTokenOf(chosen.id, query.scope);
  }
  const account = readAccounts(dataFolder)?.find((a) => namesAccount(a, query.name));
  if (account?.kind !== query.kind) return undefined;
  if (query.kind === 'arr')
    return arrTokenOf(account.id, identity ? { identityId: identity.id } : query.key === 'secondary' ? 'secondaryKey' : 'primaryKey');
  const key = query.user.toLowerCase();
  const acsIdentity = readAcsIdentities(dataFolder)?.find(
    (i) => i.accountId === account.id && (i.id === query.user || i.communicationUserId === query.user || i.label.toLowerCase() === key),
  );
  return acsIdentity && acsUserTokenOf(acsIdentity.id, query.scopes, identity ? { identityId: identity.id } : 'accessKey');
}

/** `findIdentity`: by id, user name or name (case-insensitive), the first in the list. */
function findIdentity(identities: readonly IdentityFacts[], ref: string): IdentityFacts | undefined {
  const key = ref.trim().toLowerCase();
  return identities.find((i) => i.id === ref || i.username?.toLowerCase() === key || i.name.toLowerCase() === key);
}

/** `azcred token entra` without --identity: the one used last (the first in the list among equals). */
function defaultIdentity(identities: readonly IdentityFacts[]): IdentityFacts | undefined {
  return [...identities].sort((a, b) => laterFirst(a.lastUsedAt ?? '', b.lastUsedAt ?? ''))[0];
}

/**
 * What `printToken` prints with --json. The full CLI's record went through zod, which puts the
 * keys its schema names first (`via`, and `credential` inside it) and the others after, in order.
 */
function printedJson(value: string, record: KeptTokenRecord): string {
  const { expiresAt, kind, title, scopes, id } = record;
  const { via, ...rest } = record.source;
  const { credential, ...restVia } = via;
  const source = { via: { credential, ...restVia }, ...rest };
  return JSON.stringify({ token: value, expiresAt, kind, title, source, scopes, id }, null, 2);
}
