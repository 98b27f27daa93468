import path from 'node:path';
import { AppError } from '../../../shared/errors.ts';
import { readJsonFile, writeJsonFile } from '../platform/json-file.ts';
import { accountsFileSchema, type AccountRecord } from './account-record.ts';

/** The account list (no secrets) in the data folder. */
import { accountsFileName } from '../platform/data-folder-layout.ts';

export { accountsFileName };

/** Reads the account list; an absent file is an empty list, a damaged one is refused rather than overwritten. */
export async function readAccounts(dataFolder: string): Promise<AccountRecord[]> {
  const damaged = () =>
    new AppError(
      'internal',
      `The account list ${accountsFileName} in the data folder is damaged, so it was left as it is. Restore it from ` +
        `${accountsFileName}.bak (the previous version), or move it aside to start an empty list.`,
    );
  return (await readJsonFile(path.join(dataFolder, accountsFileName), accountsFileSchema, damaged))?.accounts ?? [];
}

/** Replaces the account list atomically (mode 0600), keeping the previous file as `accounts.json.bak`. Caller holds the accounts lock. */
export async function writeAccounts(dataFolder: string, accounts: readonly AccountRecord[]): Promise<void> {
  await writeJsonFile(path.join(dataFolder, accountsFileName), { version: 1, accounts });
}
