import { readFileSync } from 'node:fs';
import path from 'node:path';
import { newestFirst } from '../../shared/newest-first.ts';
import { resolveDataFolder } from '../core/data-folder.ts';
import { peekVaultSecret } from '../core/vault/vault-peek.ts';
import { namesAccount } from './account-name.ts';
import { arrTokenOf, stillReusable } from './reusable-token.ts';

/**
 * The quick way through `azcred token arr NAME`: when a kept STS token from the same account and
 * key stays valid for five more minutes, print it having read only accounts.json, tokens.json and
 * one vault secret (one keychain read): no zod, no MSAL, no Azure SDK, no core. It picks the token
 * the full CLI would, by its rules (`namesAccount`, `arrTokenOf`, `stillReusable`; newest first,
 * as the token list is), and prints it the same way. Anything else (another command or option, no
 * usable token, a file that does not look as written) returns false and the full CLI runs, which
 * also words every problem.
 */
export async function printCachedToken(argv: readonly string[], out: (text: string) => void, env: NodeJS.ProcessEnv = process.env): Promise<boolean> {
  const query = parseQuery(argv);
  if (!query) return false;
  const { path: dataFolder } = resolveDataFolder(env);
  const accounts = listOf(readJson(dataFolder, 'accounts.json'), 'accounts');
  if (!accounts?.every(isAccountRecord)) return false;
  const account = accounts.find((a) => namesAccount(a, query.name));
  if (account?.kind !== 'arr') return false;
  const reusable = arrTokenOf(account.id, query.via);
  const tokens = listOf(readJson(dataFolder, 'tokens.json'), 'tokens') ?? [];
  const record = newestFirst(tokens.filter(isTokenRecord), (t) => t.issuedAt).find((t) => reusable(t) && stillReusable(t));
  if (!record) return false;
  const value = await peekVaultSecret(dataFolder, `token/${record.id}`);
  if (!value) return false;
  const { expiresAt, kind, title, source, scopes, id } = record;
  out(query.json ? JSON.stringify({ token: value, expiresAt, kind, title, source, scopes, id }, null, 2) : value);
  return true;
}

interface KeptToken {
  id: string;
  kind: string;
  title: string;
  source: { account?: { id: string }; via: { credential: string } };
  scopes: string[];
  issuedAt: string;
  expiresAt: string;
  revoked: boolean;
}

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/** The fields of an account this path reads, of the types accounts.json writes. */
function isAccountRecord(a: Record<string, unknown>): a is Record<string, unknown> & { id: string; name: string; kind: 'arr' | 'acs' } {
  return typeof a['id'] === 'string' && typeof a['name'] === 'string' && (a['kind'] === 'arr' || a['kind'] === 'acs');
}

/** The fields this path reads and prints, of the types tokens.json writes (the full CLI skips a record that does not parse, so this does too). */
function isTokenRecord(t: Record<string, unknown>): t is Record<string, unknown> & KeptToken {
  const { source } = t;
  return (
    ['id', 'kind', 'title', 'issuedAt', 'expiresAt'].every((field) => typeof t[field] === 'string') &&
    typeof t['revoked'] === 'boolean' &&
    Array.isArray(t['scopes']) &&
    isObject(source) &&
    isObject(source['via']) &&
    typeof source['via']['credential'] === 'string' &&
    (source['account'] === undefined || isObject(source['account']))
  );
}

/** `file[field]` when the file is `{ version: 1, [field]: [objects] }`. */
function listOf(file: unknown, field: string): Record<string, unknown>[] | undefined {
  if (!isObject(file) || file['version'] !== 1) return undefined;
  const list = file[field];
  return Array.isArray(list) && list.every(isObject) ? list : undefined;
}

/** Read synchronously: loading fs/promises costs a short-lived process more than these small reads. */
function readJson(dataFolder: string, name: string): unknown {
  try {
    return JSON.parse(readFileSync(path.join(dataFolder, name), 'utf8')) as unknown;
  } catch {
    return undefined;
  }
}

function parseQuery(argv: readonly string[]): { name: string; via: 'primaryKey' | 'secondaryKey'; json: boolean } | undefined {
  const [command, kind, name, ...rest] = argv;
  if (command !== 'token' || kind !== 'arr' || !name || name.startsWith('-')) return undefined;
  let json = false;
  let via: 'primaryKey' | 'secondaryKey' = 'primaryKey';
  for (let i = 0; i < rest.length; i += 1) {
    const arg = rest[i];
    if (arg === '--json') json = true;
    else if (arg === '--key' && (rest[i + 1] === 'primary' || rest[i + 1] === 'secondary')) via = rest[(i += 1)] === 'secondary' ? 'secondaryKey' : 'primaryKey';
    else return undefined;
  }
  return { name, via, json };
}
