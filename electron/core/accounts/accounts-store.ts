/**
 * electron/core/accounts/: the Remote Rendering and Communication Services accounts: their records in
 * accounts.json, their keys in the vault, import and export, and the key-age reminder. It imports
 * vault/, platform/, azure/ and shared/; never entra/, arm/ or tokens/.
 */

import { randomUUID } from 'node:crypto';
import type { AccountSecret, AccountUpdate, AccountView } from '../../../shared/accounts.ts';
import { formatAcsConnectionString } from '../../../shared/acs-connection-string.ts';
import { AppError, type FieldIssue } from '../../../shared/errors.ts';
import type { Vault } from '../vault/vault.ts';
import type { VaultSession } from '../vault/vault-session.ts';
import { applyUpdate, newAccount, type AccountInput, type SecretChanges } from './account-changes.ts';
import { nameKey, secretName, secretPrefix, type AccountRecord, type StoredSecret } from './account-record.ts';
import { toView } from './account-view.ts';
import { readAccounts, writeAccounts } from './accounts-file.ts';
import { withMetadataLock } from '../platform/lock/metadata-lock.ts';

export interface AccountsStoreOptions {
  dataFolder: string;
  vault: VaultSession;
  /** Names of the cloud profiles an account may use. */
  knownClouds: () => readonly string[];
  /** Settings → keyRotationReminderDays: stored keys older than this are flagged in the view. */
  keyRotationReminderDays: () => number;
}

const secretLabels: Record<AccountSecret, string> = {
  primaryKey: 'primary key',
  secondaryKey: 'secondary key',
  accessKey: 'access key',
  connectionString: 'connection string',
};

// One collator for the whole sort: localeCompare with a locale builds one per call (tens of ms for 1,000 accounts).
const byNameCollator = new Intl.Collator('en', { sensitivity: 'base' });

/**
 * ARR accounts and ACS resources: metadata in `accounts.json`, secrets in the vault under
 * `account/<id>/`. Every change is a read-modify-write of the file under the cross-process accounts
 * lock, so two processes adding at once lose nothing. Secrets are written before the metadata that
 * names them, and removed again if the metadata cannot be written.
 */
export class AccountsStore {
  readonly #options: AccountsStoreOptions;

  constructor(options: AccountsStoreOptions) {
    this.#options = options;
  }

  /** Every account, by name. Works without the vault; `secretsMissing` is filled only when it is open. */
  async list(): Promise<AccountView[]> {
    const records = await readAccounts(this.#options.dataFolder);
    const vault = this.#options.vault.current;
    let missing = (record: AccountRecord) => missingSecrets(vault, record);
    if (vault && records.some((record) => missing(record).length > 0)) {
      // Another process may have added secrets since this one last read the vault.
      await vault.reload();
      missing = (record) => missingSecrets(vault, record);
    }
    // Settings are read once for the list, not once per account.
    const reminderDays = this.#options.keyRotationReminderDays();
    return records.map((record) => toView(record, missing(record), reminderDays)).sort((a, b) => byNameCollator.compare(a.name, b.name));
  }

  /** The stored records (for export), in the order of `ids` or all of them; an unknown id is `not_found`. */
  async records(ids?: readonly string[]): Promise<AccountRecord[]> {
    const records = await readAccounts(this.#options.dataFolder);
    if (!ids) return records;
    return ids.map((id) => records.find((record) => record.id === id) ?? notFound());
  }

  async add(input: AccountInput): Promise<AccountView> {
    const [view] = await this.addMany([input], (issue) => issue);
    return view as AccountView;
  }

  /**
   * Adds every account or none (import): one lock, names checked against the list and within the
   * batch. Field issues are reported as `<index>.<field>` unless `issuePath` words them otherwise.
   */
  async addMany(
    inputs: readonly AccountInput[],
    issuePath: (field: string, index: number) => string = (field, index) => `${index}.${field}`,
  ): Promise<AccountView[]> {
    inputs.forEach((input, index) => this.#checkCloud(input.cloud, issuePath('cloud', index)));
    const now = new Date().toISOString();
    const created = inputs.map((input) => newAccount(input, randomUUID(), now));
    const needsVault = created.some(({ secrets }) => Object.keys(secrets.set).length > 0);
    const vault = needsVault ? await this.#options.vault.require() : undefined;
    return withMetadataLock(this.#options.dataFolder, async () => {
      const records = await readAccounts(this.#options.dataFolder);
      const taken = new Set(records.map((record) => nameKey(record.name)));
      created.forEach(({ record }, index) => {
        if (taken.has(nameKey(record.name))) throw duplicateName(record.name, issuePath('name', index));
        taken.add(nameKey(record.name));
      });
      const entries = created.flatMap(({ record, secrets }) =>
        Object.entries(secrets.set).map(([secret, value]) => [secretName(record.id, secret as StoredSecret), value] as const),
      );
      if (vault && entries.length > 0) await vault.setMany(entries);
      try {
        await writeAccounts(this.#options.dataFolder, [...records, ...created.map(({ record }) => record)]);
      } catch (error) {
        if (vault) await Promise.all(created.map(({ record }) => vault.deletePrefix(secretPrefix(record.id)).catch(() => 0)));
        throw error;
      }
      const reminderDays = this.#options.keyRotationReminderDays();
      return created.map(({ record }) => toView(record, [], reminderDays));
    });
  }

  /** An edit or a rename; secrets change only when the edit carries a new one (or removes one). */
  async update({ id, changes }: AccountUpdate): Promise<AccountView> {
    if (changes.cloud !== undefined) this.#checkCloud(changes.cloud, 'changes.cloud');
    const touchesSecrets =
      ('primaryKey' in changes && changes.primaryKey !== undefined) ||
      ('secondaryKey' in changes && changes.secondaryKey !== undefined) ||
      ('accessKey' in changes && changes.accessKey !== undefined) ||
      ('removeAccessKey' in changes && changes.removeAccessKey === true);
    const vault = touchesSecrets ? await this.#options.vault.require() : undefined;
    return withMetadataLock(this.#options.dataFolder, async () => {
      const records = await readAccounts(this.#options.dataFolder);
      const index = records.findIndex((record) => record.id === id);
      const current = records[index] ?? notFound();
      const { record, secrets } = applyUpdate(current, changes, new Date().toISOString());
      if (records.some((other) => other.id !== id && nameKey(other.name) === nameKey(record.name)))
        throw duplicateName(record.name, 'changes.name');
      const undo = vault ? await writeSecretChanges(vault, id, secrets) : async () => undefined;
      try {
        await writeAccounts(this.#options.dataFolder, records.with(index, record));
      } catch (error) {
        await undo().catch(() => undefined);
        throw error;
      }
      return this.view(record, missingSecrets(vault ?? this.#options.vault.current, record));
    });
  }

  /**
   * Changes one account's metadata outside an edit (its ARM resource id, key rotation dates) with a
   * read-modify-write under the metadata lock. `change` may write secrets first: they must land even
   * if the metadata write then fails, because Azure already changed them.
   */
  async patch(id: string, change: (record: AccountRecord) => AccountRecord | Promise<AccountRecord>): Promise<AccountRecord> {
    return withMetadataLock(this.#options.dataFolder, async () => {
      const records = await readAccounts(this.#options.dataFolder);
      const index = records.findIndex((record) => record.id === id);
      const next = await change(records[index] ?? notFound());
      await writeAccounts(this.#options.dataFolder, records.with(index, next));
      return next;
    });
  }

  /** Deletes the account and every secret it has in the vault (so the vault must be open when it has any). */
  async delete(id: string): Promise<void> {
    const existing = (await readAccounts(this.#options.dataFolder)).find((record) => record.id === id) ?? notFound();
    const vault = existing.secrets.length > 0 ? await this.#options.vault.require() : this.#options.vault.current;
    await withMetadataLock(this.#options.dataFolder, async () => {
      const records = await readAccounts(this.#options.dataFolder);
      if (!records.some((record) => record.id === id)) notFound();
      // Secrets first: a failure then leaves a visible account to delete again, never secrets nobody can see.
      await vault?.deletePrefix(secretPrefix(id));
      await writeAccounts(
        this.#options.dataFolder,
        records.filter((record) => record.id !== id),
      );
    });
  }

  /**
   * One secret of an account, read from the vault (re-read once if another process may have written
   * it). A caller that has just read the account's record passes it instead of the id.
   */
  async readSecret(account: string | AccountRecord, secret: AccountSecret): Promise<string> {
    const record =
      typeof account === 'string'
        ? ((await readAccounts(this.#options.dataFolder)).find((candidate) => candidate.id === account) ?? notFound())
        : account;
    const { id } = record;
    const needs = secretsFor(record, secret);
    const vault = await this.#options.vault.require();
    const values: string[] = [];
    for (const name of needs) {
      const value = await readOne(vault, id, name);
      if (value === undefined) {
        throw new AppError(
          'not_found',
          `The ${secretLabels[name]} of "${record.name}" is missing from the vault (the vault file was damaged and moved ` +
            `aside). Enter it again with Edit.`,
        );
      }
      values.push(value);
    }
    if (secret === 'connectionString' && record.kind === 'acs')
      return formatAcsConnectionString({ endpoint: record.endpoint, accessKey: values[0] ?? '' });
    return values[0] ?? '';
  }

  /** The stored secrets of a record, for an export with secrets; a secret the vault lacks is left out. */
  async secretsOf(record: AccountRecord): Promise<Partial<Record<StoredSecret, string>>> {
    const vault = await this.#options.vault.require();
    const values: Partial<Record<StoredSecret, string>> = {};
    for (const name of record.secrets) {
      const value = await readOne(vault, record.id, name);
      if (value !== undefined) values[name] = value;
    }
    return values;
  }

  /** The record as front doors show it, with its keys' ages. */
  view(record: AccountRecord, missing: readonly StoredSecret[] = missingSecrets(this.#options.vault.current, record)): AccountView {
    return toView(record, missing, this.#options.keyRotationReminderDays());
  }

  /** Names of the cloud profiles an account may use. */
  knownClouds(): readonly string[] {
    return this.#options.knownClouds();
  }

  #checkCloud(cloud: string, path: string): void {
    const known = this.knownClouds();
    if (known.includes(cloud)) return;
    const message = `"${cloud}" is not a cloud profile this app knows. Use one of: ${known.join(', ')}`;
    throw new AppError('invalid_input', `Check the input: ${path}: ${message}`, [{ path, message }]);
  }
}

function notFound(): never {
  throw new AppError('not_found', 'That account no longer exists. It may have been deleted in another window or by the CLI.');
}

function duplicateName(name: string, path: string): AppError {
  const message = `An account named "${name}" already exists: choose another name`;
  const issue: FieldIssue = { path, message };
  return new AppError('conflict', message, [issue]);
}

/** The stored secrets a request needs, after checking the kind has such a secret and this account stores it. */
function secretsFor(record: AccountRecord, secret: AccountSecret): StoredSecret[] {
  const kindHas =
    record.kind === 'arr' ? secret === 'primaryKey' || secret === 'secondaryKey' : secret === 'accessKey' || secret === 'connectionString';
  if (!kindHas) {
    const offer = record.kind === 'arr' ? 'primaryKey or secondaryKey' : 'accessKey or connectionString';
    const message =
      `A ${record.kind === 'arr' ? 'Remote Rendering account' : 'Communication Services resource'} has no ` +
      `${secretLabels[secret]}: ask for ${offer}`;
    throw new AppError('invalid_input', message, [{ path: 'secret', message }]);
  }
  const stored: StoredSecret = secret === 'connectionString' ? 'accessKey' : secret;
  if (!(record.secrets as readonly StoredSecret[]).includes(stored)) {
    throw new AppError(
      'not_found',
      `"${record.name}" has no ${secretLabels[stored]} stored${record.kind === 'acs' ? ': it is used with Entra ID only' : ''}. ` +
        `Add one with Edit.`,
    );
  }
  return [stored];
}

function missingSecrets(vault: Vault | undefined, record: AccountRecord): StoredSecret[] {
  if (!vault) return [];
  return record.secrets.filter((name) => vault.get(secretName(record.id, name)) === undefined);
}

async function readOne(vault: Vault, id: string, name: StoredSecret): Promise<string | undefined> {
  const value = vault.get(secretName(id, name));
  if (value !== undefined) return value;
  await vault.reload();
  return vault.get(secretName(id, name));
}

/** Writes an edit's secrets and returns how to put the previous values back. */
async function writeSecretChanges(vault: Vault, id: string, changes: SecretChanges): Promise<() => Promise<void>> {
  const touched = [...(Object.keys(changes.set) as StoredSecret[]), ...changes.remove];
  const before = new Map(touched.map((name) => [name, vault.get(secretName(id, name))]));
  const entries = Object.entries(changes.set).map(([name, value]) => [secretName(id, name as StoredSecret), value] as const);
  if (entries.length > 0) await vault.setMany(entries);
  for (const name of changes.remove) await vault.delete(secretName(id, name));
  return async () => {
    const restore = [...before].filter((entry): entry is [StoredSecret, string] => entry[1] !== undefined);
    if (restore.length > 0) await vault.setMany(restore.map(([name, value]) => [secretName(id, name), value] as const));
    for (const [name, value] of before) if (value === undefined) await vault.delete(secretName(id, name));
  };
}
