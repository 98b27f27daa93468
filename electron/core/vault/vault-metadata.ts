import { randomBytes } from 'node:crypto';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { writeJsonFile } from '../platform/json-file.ts';
import { VaultError } from './vault-error.ts';
import type { VaultHeader } from './vault-file.ts';

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
  /**
   * A passphrase vault's scrypt salt and costs and its key check, as in the file's header, kept here
   * too: with the header damaged, a passphrase is still checked (and the key re-derived) instead of
   * any passphrase being taken. Never the key or the passphrase.
   */
  passphraseCheck?: PassphraseCheck;
  /** A vault file moved aside and not yet acknowledged: until then no write prunes the backups made before it. */
  quarantine?: PendingQuarantine;
}

/** What checks a passphrase without the vault file: the KDF's salt and costs and the HMAC key check. */
export type PassphraseCheck = NonNullable<VaultHeader['kdf']> & { keyCheck: string };

export interface PendingQuarantine {
  /** When the file was moved aside (ISO 8601). */
  at: string;
  /** Where it is now. */
  path: string;
  problem: 'damaged' | 'wrong_key';
  /** Why it could not be read, fixed text (no file content). */
  reason: string;
}

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/** The record as written, or undefined for anything else (checked by hand: the CLI's cached-token path reads it without loading zod). */
export function parseVaultMetadata(json: unknown): VaultMetadata | undefined {
  if (!isRecord(json)) return undefined;
  const { version, id, mode, passphraseCheck, quarantine } = json;
  if (version !== 1 || typeof id !== 'string' || !/^[0-9a-f]{32}$/.test(id) || (mode !== 'keychain' && mode !== 'passphrase'))
    return undefined;
  const metadata: VaultMetadata = { version, id, mode };
  if (passphraseCheck !== undefined) {
    if (!isRecord(passphraseCheck)) return undefined;
    const { name, salt, N, r, p, keyCheck } = passphraseCheck;
    if (name !== 'scrypt' || typeof salt !== 'string' || typeof keyCheck !== 'string' || ![N, r, p].every((n) => Number.isInteger(n)))
      return undefined;
    metadata.passphraseCheck = { name, salt, N: N as number, r: r as number, p: p as number, keyCheck };
  }
  if (quarantine !== undefined) {
    if (!isRecord(quarantine)) return undefined;
    const { at, path: movedTo, problem, reason } = quarantine;
    if (
      typeof at !== 'string' ||
      typeof movedTo !== 'string' ||
      (problem !== 'damaged' && problem !== 'wrong_key') ||
      typeof reason !== 'string'
    )
      return undefined;
    metadata.quarantine = { at, path: movedTo, problem, reason };
  }
  return metadata;
}

/** A fresh random vault id (128 bits, hex): names the keychain entry so data folders never collide. */
export function newVaultId(): string {
  return randomBytes(16).toString('hex');
}

/** Reads `vault.json`; null when the folder has no vault yet. A broken record is an error, not a new vault. */
export async function readVaultMetadata(dataFolder: string): Promise<VaultMetadata | null> {
  const damaged = () =>
    new VaultError(
      'record_invalid',
      `The vault record ${metadataName} in the data folder is damaged. Restore it from a backup, or move it and the vault files ` +
        `aside to start a new vault.`,
    );
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

/** Records the vault's id and mode (and what checks its passphrase, and a pending quarantine). Caller holds the vault lock. */
export async function writeVaultMetadata(dataFolder: string, metadata: VaultMetadata): Promise<void> {
  await writeJsonFile(path.join(dataFolder, metadataName), metadata, { backup: false });
}

/** Changes the record as it is now on disk (caller holds the vault lock) and returns what was written. */
export async function updateVaultMetadata(
  dataFolder: string,
  change: (metadata: VaultMetadata) => VaultMetadata,
): Promise<VaultMetadata | null> {
  const current = await readVaultMetadata(dataFolder);
  if (!current) return null;
  const next = change(current);
  await writeVaultMetadata(dataFolder, next);
  return next;
}
