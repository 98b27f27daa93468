import path from 'node:path';
import { AppError } from '../../../shared/errors.ts';
import { withMetadataLock } from '../platform/lock/metadata-lock.ts';
import { readJsonFile, writeJsonFile } from '../platform/json-file.ts';
import type { Vault } from '../vault/vault.ts';
import { keptTokensFileSchema, tokenRecordSchema, tokenSecretName, type TokenRecord } from './token-record.ts';

/** `tokens.json`: the metadata of the tokens kept across restarts; never a token value. */
import { keptTokensFileName } from '../platform/data-folder-layout.ts';

export { keptTokensFileName };

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

/**
 * Forgets the kept tokens `matches` picks, whichever process kept them: their records leave
 * `tokens.json` (under the lock, written only when one matched), then their values leave the
 * vault. Returns the ids forgotten.
 */
export async function forgetKeptTokens(dataFolder: string, vault: Vault, matches: (record: TokenRecord) => boolean): Promise<string[]> {
  const forgotten = await withMetadataLock(dataFolder, async () => {
    const records = await readKeptTokens(dataFolder);
    const doomed = records.filter(matches);
    if (doomed.length > 0)
      await writeJsonFile(path.join(dataFolder, keptTokensFileName), { version: 1, tokens: records.filter((r) => !matches(r)) });
    return doomed.map((r) => r.id);
  });
  for (const id of forgotten) await vault.delete(tokenSecretName(id));
  return forgotten;
}

function damaged(): AppError {
  return new AppError(
    'internal',
    `The list of kept tokens ${keptTokensFileName} in the data folder is damaged, so it was left as it is. Restore it from ` +
      `${keptTokensFileName}.bak, or move it aside (the kept tokens are then forgotten).`,
  );
}
