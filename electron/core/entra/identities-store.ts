import path from 'node:path';
import { AppError } from '../../../shared/errors.ts';
import { withMetadataLock } from '../platform/lock/metadata-lock.ts';
import { readJsonFile, writeJsonFile } from '../platform/json-file.ts';
import { identitiesFileSchema, type IdentityRecord } from './identity-record.ts';

import { identitiesFileName } from '../platform/data-folder-layout.ts';

export { identitiesFileName };

/**
 * The identity list in the data folder. Every change is a read-modify-write under the data
 * folder's metadata lock (shared with the account list and the CLI), so two processes signing in
 * at once lose nothing.
 */
export class IdentitiesStore {
  readonly #folder: string;

  constructor(dataFolder: string) {
    this.#folder = dataFolder;
  }

  async list(): Promise<IdentityRecord[]> {
    return readIdentities(this.#folder);
  }

  async get(id: string): Promise<IdentityRecord> {
    const found = (await this.list()).find((i) => i.id === id);
    if (!found)
      throw new AppError('not_found', 'That identity is not in the list any more: it may have been signed out in another window.');
    return found;
  }

  /** Applies `change` to the list under the lock and saves it; returns what `change` returned. */
  async change<T>(change: (identities: IdentityRecord[]) => { next: IdentityRecord[]; result: T }): Promise<T> {
    return withMetadataLock(this.#folder, async () => {
      const { next, result } = change(await readIdentities(this.#folder));
      await writeJsonFile(path.join(this.#folder, identitiesFileName), { version: 1, identities: next });
      return result;
    });
  }

  /** Marks the identity used now, and no longer in need of a sign-in. */
  async touch(id: string): Promise<void> {
    await this.change((list) => ({
      next: list.map((i) => (i.id === id ? { ...withoutNeedsSignIn(i), lastUsedAt: new Date().toISOString() } : i)),
      result: undefined,
    }));
  }

  /** Remembers that a token could not be had without the user, and why (Today lists the identity until a token comes again). */
  async markNeedsSignIn(id: string, message: string): Promise<void> {
    await this.change((list) => ({
      next: list.map((i) => (i.id === id ? { ...i, needsSignIn: { at: new Date().toISOString(), message } } : i)),
      result: undefined,
    }));
  }
}

async function readIdentities(folder: string): Promise<IdentityRecord[]> {
  const damaged = () =>
    new AppError(
      'internal',
      `The identity list ${identitiesFileName} in the data folder is damaged, so it was left as it is. Restore it from ` +
        `${identitiesFileName}.bak, or move it aside and sign in again.`,
    );
  return (await readJsonFile(path.join(folder, identitiesFileName), identitiesFileSchema, damaged))?.identities ?? [];
}

function withoutNeedsSignIn(record: IdentityRecord): IdentityRecord {
  const { needsSignIn: _cleared, ...rest } = record;
  return rest;
}
