import { randomBytes } from 'node:crypto';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { writeJsonFile } from '../json-file.ts';
import { VaultError } from './vault-error.ts';

/** The non-secret record beside the vault file: which vault this folder has and how it is unlocked. */
export const metadataName = 'vault.json';

/** The encrypted vault file beside it. */
export const vaultFileName = 'vault.bin';

/**
 * Which vault a data folder holds. It is what makes the next process open the same mode (a
 * passphrase vault asks for its passphrase instead of getting a new keychain vault), and it keeps
 * the id, and so the keychain entry, when the vault file itself is quarantined.
 */
export interface VaultMetadata {
  version: 1;
  id: string;
  mode: 'keychain' | 'passphrase';
}

/** The record as written, or undefined for anything else (checked by hand: the CLI's cached-token path reads it without loading zod). */
export function parseVaultMetadata(json: unknown): VaultMetadata | undefined {
  if (typeof json !== 'object' || json === null) return undefined;
  const { version, id, mode } = json as Record<string, unknown>;
  if (version !== 1 || typeof id !== 'string' || !/^[0-9a-f]{32}$/.test(id) || (mode !== 'keychain' && mode !== 'passphrase')) return undefined;
  return { version, id, mode };
}

/** A fresh random vault id (128 bits, hex): names the keychain entry so data folders never collide. */
export function newVaultId(): string {
  return randomBytes(16).toString('hex');
}

/** Reads `vault.json`; null when the folder has no vault yet. A broken record is an error, not a new vault. */
export async function readVaultMetadata(dataFolder: string): Promise<VaultMetadata | null> {
  const damaged = () => new VaultError('record_invalid', `The vault record ${metadataName} in the data folder is damaged. Restore it from a backup, or move it and the vault files aside to start a new vault.`);
  let text: string;
  try {
    text = await fs.readFile(path.join(dataFolder, metadataName), 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
  let metadata: VaultMetadata | undefined;
  try {
    metadata = parseVaultMetadata(JSON.parse(text));
  } catch {
    metadata = undefined;
  }
  if (!metadata) throw damaged();
  return metadata;
}

/** Records the vault's id and mode. */
export async function writeVaultMetadata(dataFolder: string, metadata: VaultMetadata): Promise<void> {
  await writeJsonFile(path.join(dataFolder, metadataName), metadata, { backup: false });
}
