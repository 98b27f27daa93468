import { readFileSync } from 'node:fs';
import path from 'node:path';
import { accountsFileName, acsIdentitiesFileName, identitiesFileName, keptTokensFileName } from '../core/platform/data-folder-layout.ts';

/**
 * The data folder's lists as the cached-token path reads them: by hand, without zod (loading it
 * costs that path more than the reads). Each check holds the fields the path reads to the types
 * the core's schemas hold them to, so a list the full CLI would call damaged, or a record it would
 * skip, never gives the quick path an answer the full CLI would not give.
 */

export const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const isString = (value: unknown): value is string => typeof value === 'string';
const isOptional = (value: unknown, check: (v: unknown) => boolean): boolean => value === undefined || check(value);
const isStringOrNull = (value: unknown): boolean => value === null || typeof value === 'string';

export interface AccountFacts {
  id: string;
  name: string;
  kind: 'arr' | 'acs';
}

export interface KeptTokenRecord {
  id: string;
  kind: string;
  title: string;
  source: {
    account?: { id: string; name?: string };
    via: { credential: string; identityId?: string; identityName?: string };
    subject?: { kind: string; acsIdentityId?: string };
  };
  scopes: string[];
  audience?: string | null;
  issuedAt: string;
  expiresAt: string;
  revoked: boolean;
}

export interface IdentityFacts {
  id: string;
  name: string;
  username?: string;
  lastUsedAt: string | null;
}

export interface AcsIdentityFacts {
  id: string;
  accountId: string;
  communicationUserId: string;
  label: string;
}

/** The fields of an account this path reads, of the types accounts.json writes. */
function isAccountRecord(a: Record<string, unknown>): a is Record<string, unknown> & AccountFacts {
  return isString(a['id']) && isString(a['name']) && (a['kind'] === 'arr' || a['kind'] === 'acs');
}

/** A record `tokenRecordSchema` takes (the full CLI skips one that does not parse, so this does too). */
function isTokenRecord(t: Record<string, unknown>): t is Record<string, unknown> & KeptTokenRecord {
  const { source } = t;
  return (
    isString(t['id']) &&
    uuid.test(t['id']) &&
    ['arr-sts', 'acs-user', 'entra'].includes(t['kind'] as string) &&
    ['title', 'issuedAt', 'expiresAt'].every((field) => isString(t[field])) &&
    typeof t['revoked'] === 'boolean' &&
    typeof t['autoRefresh'] === 'boolean' &&
    isStringOrNull(t['audience']) &&
    isStringOrNull(t['revokedAt']) &&
    (t['recipe'] === null || isObject(t['recipe'])) &&
    (t['lastRefresh'] === null || isObject(t['lastRefresh'])) &&
    Array.isArray(t['scopes']) &&
    t['scopes'].every(isString) &&
    isObject(source) &&
    isObject(source['via']) &&
    isString(source['via']['credential']) &&
    isOptional(source['via']['identityId'], isString) &&
    isOptional(source['account'], (a) => isObject(a) && isString(a['id'])) &&
    isOptional(source['subject'], isObject)
  );
}

/** An identity `identityRecordSchema` takes: identities.json is refused whole by the full CLI when one does not. */
function isIdentityRecord(i: Record<string, unknown>): i is Record<string, unknown> & IdentityFacts {
  const optionalStrings = ['username', 'homeAccountId', 'objectId', 'certificateThumbprint', 'certificatePem', 'certificateExpiresOn'];
  return (
    isString(i['id']) &&
    uuid.test(i['id']) &&
    (i['kind'] === 'user' || i['kind'] === 'service-principal') &&
    ['name', 'cloud', 'tenantId', 'clientId', 'createdAt'].every((field) => isString(i[field])) &&
    optionalStrings.every((field) => isOptional(i[field], isString)) &&
    isOptional(i['credential'], (c) => c === 'secret' || c === 'certificate') &&
    isOptional(i['signedInWith'], (s) => s === 'interactive' || s === 'device-code') &&
    isStringOrNull(i['lastUsedAt'])
  );
}

/** An ACS identity the ACS identities store's schema takes (it too refuses the file whole otherwise). */
function isAcsIdentityRecord(i: Record<string, unknown>): i is Record<string, unknown> & AcsIdentityFacts {
  return (
    isString(i['id']) &&
    uuid.test(i['id']) &&
    isString(i['accountId']) &&
    isString(i['communicationUserId']) &&
    i['communicationUserId'].length > 0 &&
    isString(i['label']) &&
    isString(i['createdAt']) &&
    isStringOrNull(i['lastTokenAt']) &&
    isStringOrNull(i['tokensRevokedAt'])
  );
}

/** Every account, or undefined when accounts.json is missing or does not look as written. */
export function readAccounts(dataFolder: string): AccountFacts[] | undefined {
  const list = listOf(readJson(dataFolder, accountsFileName), 'accounts');
  return list?.every(isAccountRecord) ? list : undefined;
}

/** The kept tokens that parse, in file order (none when there is no file); undefined when the file does not look as written. */
export function readKeptTokens(dataFolder: string): KeptTokenRecord[] | undefined {
  const file = readJson(dataFolder, keptTokensFileName);
  if (file === missing) return [];
  return listOf(file, 'tokens')?.filter(isTokenRecord);
}

/** The identities (none when there is no file), or undefined when one does not look as written. */
export function readIdentities(dataFolder: string): IdentityFacts[] | undefined {
  const file = readJson(dataFolder, identitiesFileName);
  if (file === missing) return [];
  const list = listOf(file, 'identities');
  return list?.every(isIdentityRecord) ? list : undefined;
}

/** The ACS identities the app remembers (none when there is no file), or undefined when one does not look as written. */
export function readAcsIdentities(dataFolder: string): AcsIdentityFacts[] | undefined {
  const file = readJson(dataFolder, acsIdentitiesFileName);
  if (file === missing) return [];
  const list = listOf(file, 'identities');
  return list?.every(isAcsIdentityRecord) ? list : undefined;
}

/** `file[field]` when the file is `{ version: 1, [field]: [objects] }`. */
function listOf(file: unknown, field: string): Record<string, unknown>[] | undefined {
  if (!isObject(file) || file['version'] !== 1) return undefined;
  const list = file[field];
  return Array.isArray(list) && list.every(isObject) ? list : undefined;
}

const missing = Symbol('missing');

/** Read synchronously: loading fs/promises costs a short-lived process more than these small reads. */
function readJson(dataFolder: string, name: string): unknown {
  let text: string;
  try {
    text = readFileSync(path.join(dataFolder, name), 'utf8');
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'ENOENT' ? missing : undefined;
  }
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}
