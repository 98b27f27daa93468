import path from 'node:path';
import { AppError } from '../../../shared/errors.ts';
import { withMetadataLock } from '../metadata-lock.ts';
import { readJsonFile, writeJsonFile } from '../json-file.ts';
import { keptTokensFileSchema, tokenRecordSchema, type TokenRecord } from './token-record.ts';

/** `tokens.json`: the metadata of the tokens kept across restarts; never a token value. */
export const keptTokensFileName = 'tokens.json';

/** The kept tokens; an absent file is none, and a record that does not parse is skipped rather than failing the list. */
export async function readKeptTokens(dataFolder: string): Promise<TokenRecord[]> {
  const file = await readJsonFile(path.join(dataFolder, keptTokensFileName), keptTokensFileSchema, damaged);
  return (file?.tokens ?? []).flatMap((raw) => {
    const record = tokenRecordSchema.safeParse(raw);
    return record.success ? [record.data as TokenRecord] : [];
  });
}

/** Read-modify-write of the file under the data folder's metadata lock (shared with the CLI). */
export function changeKeptTokens(dataFolder: string, change: (records: TokenRecord[]) => TokenRecord[]): Promise<void> {
  return withMetadataLock(dataFolder, async () => {
    const next = change(await readKeptTokens(dataFolder));
    await writeJsonFile(path.join(dataFolder, keptTokensFileName), { version: 1, tokens: next });
  });
}

function damaged(): AppError {
  return new AppError(
    'internal',
    `The list of kept tokens ${keptTokensFileName} in the data folder is damaged, so it was left as it is. Restore it from ${keptTokensFileName}.bak, or move it aside (the kept tokens are then forgotten).`,
  );
}
