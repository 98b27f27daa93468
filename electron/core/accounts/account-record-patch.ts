import { AppError } from '../../../shared/errors.ts';
import type { AccountRecord } from './account-record.ts';
import { readAccounts, writeAccounts } from './accounts-file.ts';
import { withMetadataLock } from '../metadata-lock.ts';

/**
 * Changes one stored account's metadata (its ARM resource id, key rotation dates) with a
 * read-modify-write under the accounts lock, as AccountsStore does for edits. `work` may write
 * secrets first (they must land even if the metadata write then fails: Azure already changed them).
 */
export async function patchAccountRecord(dataFolder: string, id: string, change: (record: AccountRecord) => AccountRecord | Promise<AccountRecord>): Promise<AccountRecord> {
  return withMetadataLock(dataFolder, async () => {
    const records = await readAccounts(dataFolder);
    const index = records.findIndex((record) => record.id === id);
    const current = records[index];
    if (!current) throw new AppError('not_found', 'That account no longer exists. It may have been deleted in another window or by the CLI.');
    const next = await change(current);
    await writeAccounts(dataFolder, records.with(index, next));
    return next;
  });
}
