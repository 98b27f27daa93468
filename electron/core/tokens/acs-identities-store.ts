import { randomUUID } from 'node:crypto';
import path from 'node:path';
import { z } from 'zod';
import { AppError } from '../../../shared/errors.ts';
import { withMetadataLock } from '../platform/lock/metadata-lock.ts';
import { readJsonFile, writeJsonFile } from '../platform/json-file.ts';

/**
 * The ACS identities the app remembers, per resource, with the user's label: `acs-identities.json`
 * in the data folder (no secrets: an ACS user id is an identifier, not a credential). Changes are
 * read-modify-writes under the data folder's metadata lock, as the account list's are.
 */

import { acsIdentitiesFileName } from '../platform/data-folder-layout.ts';

export { acsIdentitiesFileName };

const recordSchema = z.object({
  id: z.string().uuid(),
  /** The app's id of the ACS resource. */
  accountId: z.string(),
  communicationUserId: z.string().min(1),
  label: z.string(),
  /** The caller's own ID for it at ACS (api-version 2025-06-30), when it was created with one. */
  customId: z.string().optional(),
  createdAt: z.string(),
  lastTokenAt: z.string().nullable(),
  tokensRevokedAt: z.string().nullable(),
});
export type AcsIdentityRecord = z.infer<typeof recordSchema>;

const fileSchema = z.object({ version: z.literal(1), identities: z.array(recordSchema) });

export class AcsIdentitiesStore {
  readonly #folder: string;

  constructor(dataFolder: string) {
    this.#folder = dataFolder;
  }

  async list(): Promise<AcsIdentityRecord[]> {
    const file = await readJsonFile(path.join(this.#folder, acsIdentitiesFileName), fileSchema, damaged);
    return file?.identities ?? [];
  }

  async get(id: string): Promise<AcsIdentityRecord> {
    const found = (await this.list()).find((identity) => identity.id === id);
    if (!found)
      throw new AppError(
        'not_found',
        'That ACS identity is not in the list any more: it may have been deleted in another window or by the CLI.',
      );
    return found;
  }

  async add(input: {
    accountId: string;
    communicationUserId: string;
    label: string;
    customId?: string | undefined;
    at: string;
  }): Promise<AcsIdentityRecord> {
    const record: AcsIdentityRecord = {
      id: randomUUID(),
      accountId: input.accountId,
      communicationUserId: input.communicationUserId,
      label: input.label,
      ...(input.customId === undefined ? {} : { customId: input.customId }),
      createdAt: input.at,
      lastTokenAt: null,
      tokensRevokedAt: null,
    };
    await this.#change((list) => [...list, record]);
    return record;
  }

  /** Applies `patch` to one identity; a missing identity is left missing (deleted meanwhile). */
  async update(id: string, patch: Partial<Pick<AcsIdentityRecord, 'lastTokenAt' | 'tokensRevokedAt' | 'label'>>): Promise<void> {
    await this.#change((list) => list.map((identity) => (identity.id === id ? { ...identity, ...patch } : identity)));
  }

  async remove(id: string): Promise<void> {
    await this.#change((list) => list.filter((identity) => identity.id !== id));
  }

  #change(change: (list: AcsIdentityRecord[]) => AcsIdentityRecord[]): Promise<void> {
    return withMetadataLock(this.#folder, async () => {
      await writeJsonFile(path.join(this.#folder, acsIdentitiesFileName), { version: 1, identities: change(await this.list()) });
    });
  }
}

function damaged(): AppError {
  return new AppError(
    'internal',
    `The list of ACS identities ${acsIdentitiesFileName} in the data folder is damaged, so it was left as it is. Restore it ` +
      `from ${acsIdentitiesFileName}.bak, or move it aside to start an empty list.`,
  );
}
