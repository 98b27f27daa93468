import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { z } from 'zod';
import { readJsonFile, writeJsonFile } from '../json-file.ts';
import { VaultError } from './vault-error.ts';

/** The non-secret record beside the vault file: which vault this folder has and how it is unlocked. */
export const metadataName = 'vault.json';

const metadataSchema = z.object({
  version: z.literal(1),
  id: z.string().regex(/^[0-9a-f]{32}$/),
  mode: z.enum(['keychain', 'passphrase']),
});

/**
 * Which vault a data folder holds. It is what makes the next process open the same mode (a
 * passphrase vault asks for its passphrase instead of getting a new keychain vault), and it keeps
 * the id, and so the keychain entry, when the vault file itself is quarantined.
 */
export type VaultMetadata = z.infer<typeof metadataSchema>;

/** A fresh random vault id (128 bits, hex): names the keychain entry so data folders never collide. */
export function newVaultId(): string {
  return randomBytes(16).toString('hex');
}

/** Reads `vault.json`; null when the folder has no vault yet. A broken record is an error, not a new vault. */
export async function readVaultMetadata(dataFolder: string): Promise<VaultMetadata | null> {
  const damaged = () => new VaultError('record_invalid', `The vault record ${metadataName} in the data folder is damaged. Restore it from a backup, or move it and the vault files aside to start a new vault.`);
  return (await readJsonFile(path.join(dataFolder, metadataName), metadataSchema, damaged)) ?? null;
}

/** Records the vault's id and mode. */
export async function writeVaultMetadata(dataFolder: string, metadata: VaultMetadata): Promise<void> {
  await writeJsonFile(path.join(dataFolder, metadataName), metadata, { backup: false });
}
