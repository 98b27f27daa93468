import { promises as fs } from 'node:fs';
import path from 'node:path';
import { AppError } from '../../../shared/errors.ts';
import { withAccountsLock } from '../accounts/accounts-lock.ts';
import { writeFileAtomic } from '../vault/atomic-write.ts';
import { identitiesFileSchema, type IdentityRecord } from './identity-record.ts';

export const identitiesFileName = 'identities.json';

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
    if (!found) throw new AppError('not_found', 'That identity is not in the list any more: it may have been signed out in another window.');
    return found;
  }

  /** Applies `change` to the list under the lock and saves it; returns what `change` returned. */
  async change<T>(change: (identities: IdentityRecord[]) => { next: IdentityRecord[]; result: T }): Promise<T> {
    return withAccountsLock(this.#folder, async () => {
      const { next, result } = change(await readIdentities(this.#folder));
      const file = path.join(this.#folder, identitiesFileName);
      await writeFileAtomic(file, Buffer.from(`${JSON.stringify({ version: 1, identities: next }, null, 2)}\n`), { backup: `${file}.bak` });
      return result;
    });
  }

  async touch(id: string): Promise<void> {
    await this.change((list) => ({ next: list.map((i) => (i.id === id ? { ...i, lastUsedAt: new Date().toISOString() } : i)), result: undefined }));
  }
}

async function readIdentities(folder: string): Promise<IdentityRecord[]> {
  let text: string;
  try {
    text = await fs.readFile(path.join(folder, identitiesFileName), 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    json = undefined;
  }
  const parsed = identitiesFileSchema.safeParse(json);
  if (!parsed.success) {
    throw new AppError('internal', `The identity list ${identitiesFileName} in the data folder is damaged, so it was left as it is. Restore it from ${identitiesFileName}.bak, or move it aside and sign in again.`);
  }
  return parsed.data.identities;
}
