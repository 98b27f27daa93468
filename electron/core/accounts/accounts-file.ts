import { promises as fs } from 'node:fs';
import path from 'node:path';
import { AppError } from '../../../shared/errors.ts';
import { writeFileAtomic } from '../vault/atomic-write.ts';
import { accountsFileSchema, type AccountRecord } from './account-record.ts';

/** The account list (no secrets) in the data folder. */
export const accountsFileName = 'accounts.json';

/** Reads the account list; an absent file is an empty list, a damaged one is refused rather than overwritten. */
export async function readAccounts(dataFolder: string): Promise<AccountRecord[]> {
  const file = path.join(dataFolder, accountsFileName);
  let text: string;
  try {
    text = await fs.readFile(file, 'utf8');
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
  const parsed = accountsFileSchema.safeParse(json);
  if (!parsed.success) {
    throw new AppError(
      'internal',
      `The account list ${accountsFileName} in the data folder is damaged, so it was left as it is. Restore it from ${accountsFileName}.bak (the previous version), or move it aside to start an empty list.`,
    );
  }
  return parsed.data.accounts;
}

/** Replaces the account list atomically (mode 0600), keeping the previous file as `accounts.json.bak`. Caller holds the accounts lock. */
export async function writeAccounts(dataFolder: string, accounts: readonly AccountRecord[]): Promise<void> {
  const file = path.join(dataFolder, accountsFileName);
  await writeFileAtomic(file, Buffer.from(`${JSON.stringify({ version: 1, accounts }, null, 2)}\n`), { backup: `${file}.bak` });
}
