import { promises as fs } from 'node:fs';
import path from 'node:path';
import { withAccountsLock } from '../accounts/accounts-lock.ts';
import { writeFileAtomic } from '../vault/atomic-write.ts';
import { keptTokensFileSchema, tokenRecordSchema, type TokenRecord } from './token-record.ts';

/** `tokens.json`: the metadata of the tokens kept across restarts; never a token value. */
export const keptTokensFileName = 'tokens.json';

/** The kept tokens; an absent file is none, and a record that does not parse is skipped rather than failing the list. */
export async function readKeptTokens(dataFolder: string): Promise<TokenRecord[]> {
  let text: string;
  try {
    text = await fs.readFile(path.join(dataFolder, keptTokensFileName), 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return [];
  }
  const file = keptTokensFileSchema.safeParse(json);
  if (!file.success) return [];
  return file.data.tokens.flatMap((raw) => {
    const record = tokenRecordSchema.safeParse(raw);
    return record.success ? [record.data as TokenRecord] : [];
  });
}

/** Read-modify-write of the file under the data folder's metadata lock (shared with the CLI). */
export function changeKeptTokens(dataFolder: string, change: (records: TokenRecord[]) => TokenRecord[]): Promise<void> {
  return withAccountsLock(dataFolder, async () => {
    const next = change(await readKeptTokens(dataFolder));
    await writeFileAtomic(path.join(dataFolder, keptTokensFileName), Buffer.from(`${JSON.stringify({ version: 1, tokens: next }, null, 2)}\n`));
  });
}
