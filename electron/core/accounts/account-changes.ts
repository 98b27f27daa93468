import type { z } from 'zod';
import type { accountInputSchema, AccountUpdate } from '../../../shared/accounts.ts';
import { AppError } from '../../../shared/errors.ts';
import type { AccountRecord, StoredSecret } from './account-record.ts';

/** A validated new account (the output of `accountInputSchema`). */
export type AccountInput = z.output<typeof accountInputSchema>;

/** What an add or an edit does to the vault: secrets to write and secrets to remove. */
export interface SecretChanges {
  set: Partial<Record<StoredSecret, string>>;
  remove: StoredSecret[];
}

/** The stored record and the secrets of a new account. */
export function newAccount(input: AccountInput, id: string, now: string): { record: AccountRecord; secrets: SecretChanges } {
  const common = { id, name: input.name, cloud: input.cloud, tags: input.tags, notes: input.notes, createdAt: now, updatedAt: now };
  if (input.kind === 'arr') {
    const set: SecretChanges['set'] = {};
    if (input.primaryKey !== undefined) set.primaryKey = input.primaryKey;
    if (input.secondaryKey !== undefined) set.secondaryKey = input.secondaryKey;
    const record: AccountRecord = {
      kind: 'arr',
      ...common,
      accountId: input.accountId,
      accountDomain: input.accountDomain,
      secrets: storedOrder(Object.keys(set) as StoredSecret[]) as ('primaryKey' | 'secondaryKey')[],
    };
    return { record, secrets: { set, remove: [] } };
  }
  const set: SecretChanges['set'] = input.accessKey === undefined ? {} : { accessKey: input.accessKey };
  const record: AccountRecord = {
    kind: 'acs',
    ...common,
    endpoint: input.endpoint,
    secrets: input.accessKey === undefined ? [] : ['accessKey'],
  };
  return { record, secrets: { set, remove: [] } };
}

/** Applies an edit to a stored record. The kind cannot change; a secret is changed only when the edit carries one. */
export function applyUpdate(
  record: AccountRecord,
  changes: AccountUpdate['changes'],
  now: string,
): { record: AccountRecord; secrets: SecretChanges } {
  if (changes.kind !== record.kind) {
    const message =
      `This account is ${record.kind === 'arr' ? 'a Remote Rendering account' : 'a Communication Services resource'}; its kind ` +
      `cannot change`;
    throw new AppError('invalid_input', `Check the input: changes.kind: ${message}`, [{ path: 'changes.kind', message }]);
  }
  const common = {
    ...(changes.name !== undefined && { name: changes.name }),
    ...(changes.cloud !== undefined && { cloud: changes.cloud }),
    ...(changes.tags !== undefined && { tags: changes.tags }),
    ...(changes.notes !== undefined && { notes: changes.notes }),
    updatedAt: now,
  };
  const set: SecretChanges['set'] = {};
  const remove: StoredSecret[] = [];
  if (changes.kind === 'arr' && record.kind === 'arr') {
    if (changes.primaryKey === null) remove.push('primaryKey');
    else if (changes.primaryKey !== undefined) set.primaryKey = changes.primaryKey;
    if (changes.secondaryKey === null) remove.push('secondaryKey');
    else if (changes.secondaryKey !== undefined) set.secondaryKey = changes.secondaryKey;
    const secrets = stored(record.secrets, set, remove) as ('primaryKey' | 'secondaryKey')[];
    const next: AccountRecord = {
      ...record,
      ...common,
      ...keysSet(record, set, now),
      ...(changes.accountId !== undefined && { accountId: changes.accountId }),
      ...(changes.accountDomain !== undefined && { accountDomain: changes.accountDomain }),
      secrets,
    };
    return { record: next, secrets: { set, remove } };
  }
  if (changes.kind === 'acs' && record.kind === 'acs') {
    if (changes.accessKey !== undefined && changes.removeAccessKey) {
      const message = 'Paste a new connection string or remove the access key, not both';
      throw new AppError('invalid_input', `Check the input: changes.removeAccessKey: ${message}`, [
        { path: 'changes.removeAccessKey', message },
      ]);
    }
    if (changes.accessKey !== undefined) set.accessKey = changes.accessKey;
    if (changes.removeAccessKey) remove.push('accessKey');
    // A pasted key may be either of the resource's two: which one is no longer known.
    const slot = changes.accessKey === undefined && !changes.removeAccessKey ? {} : { accessKeySlot: undefined };
    const next: AccountRecord = {
      ...record,
      ...common,
      ...keysSet(record, set, now),
      ...slot,
      ...(changes.endpoint !== undefined && { endpoint: changes.endpoint }),
      secrets: stored(record.secrets, set, remove) as 'accessKey'[],
    };
    return { record: next, secrets: { set, remove } };
  }
  throw new AppError('internal', 'The account could not be edited.');
}

/** Records when each newly stored key got its value, for the rotation reminder. */
function keysSet(record: AccountRecord, set: SecretChanges['set'], now: string): Pick<AccountRecord, 'keysSetAt'> {
  const names = Object.keys(set) as StoredSecret[];
  if (names.length === 0) return {};
  return { keysSetAt: { ...record.keysSetAt, ...Object.fromEntries(names.map((name) => [name, now])) } };
}

const secretOrder: StoredSecret[] = ['primaryKey', 'secondaryKey', 'accessKey'];

function storedOrder(names: readonly StoredSecret[]): StoredSecret[] {
  return secretOrder.filter((name) => names.includes(name));
}

function stored(before: readonly StoredSecret[], set: SecretChanges['set'], remove: readonly StoredSecret[]): StoredSecret[] {
  return storedOrder([...before, ...(Object.keys(set) as StoredSecret[])].filter((name) => !remove.includes(name)));
}
