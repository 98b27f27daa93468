import { randomBytes } from 'node:crypto';
import { promises as fs } from 'node:fs';
import { log } from '../platform/log.ts';
import { writeFileAtomic } from '../platform/atomic-write.ts';
import { VaultError } from './vault-error.ts';
import { keepBackup } from './vault-backups.ts';
import { decryptVault, VaultFileError, type VaultHeader } from './vault-file.ts';
import { readVaultMetadata, updateVaultMetadata, type PendingQuarantine, type VaultMetadata } from './vault-metadata.ts';

/** A file that could not be decrypted or parsed and was moved aside, for the UI to explain. */
export interface QuarantineNotice {
  /** Where the unreadable file now is, byte for byte as it was. */
  path: string;
  problem: 'damaged' | 'wrong_key';
  /** What happened and what to do, in words for the user. */
  message: string;
  /** When it was moved aside (ISO 8601). */
  at: string;
}

/** What a file-backed vault needs to read and write its file. */
export interface PersistedVault {
  dataFolder: string;
  file: string;
  metadata: VaultMetadata;
  key: Buffer;
  header: VaultHeader;
}

/**
 * Reads the secrets (caller holds the lock). A damaged file, or one the keychain key does not fit,
 * is moved aside byte for byte, recorded as a pending quarantine (so no write prunes the backups
 * made before it) and the vault starts empty; a newer format is refused and left alone.
 */
export async function loadSecrets(
  vault: PersistedVault,
  known?: Buffer | null,
): Promise<{ secrets: Map<string, string>; quarantined: QuarantineNotice | null }> {
  const bytes = known === undefined ? await readIfExists(vault.file) : known;
  if (bytes === null) return { secrets: new Map(), quarantined: null };
  try {
    return { secrets: decryptOwn(vault, bytes), quarantined: null };
  } catch (error) {
    if (!(error instanceof VaultFileError)) throw error;
    if (error.problem === 'future') throw unsupported(error);
    if (error.problem === 'wrong_key' && vault.metadata.mode === 'passphrase') {
      throw new VaultError(
        'wrong_passphrase',
        'The vault file was re-created with another passphrase by another process. Reopen the vault.',
      );
    }
    const pending = await quarantine(vault, error);
    return { secrets: new Map(), quarantined: quarantineNotice(vault.file, pending, true) };
  }
}

/** The secrets of a file of this vault (the vault file or one of its backups); a VaultFileError when it is not one. */
export function decryptOwn(vault: PersistedVault, bytes: Buffer): Map<string, string> {
  const { header, secrets } = decryptVault(bytes, vault.key);
  if (header.id !== vault.metadata.id) throw new VaultFileError('wrong_key', 'belongs to another vault');
  return secrets;
}

async function quarantine(vault: PersistedVault, problem: VaultFileError): Promise<PendingQuarantine> {
  const at = new Date();
  const movedTo = `${vault.file}.corrupt-${at.toISOString().replace(/[:.]/g, '-')}-${randomBytes(3).toString('hex')}`;
  await fs.rename(vault.file, movedTo);
  log.error(`vault file could not be read (${problem.problem}); moved aside`);
  const pending: PendingQuarantine = {
    at: at.toISOString(),
    path: movedTo,
    problem: problem.problem === 'wrong_key' ? 'wrong_key' : 'damaged',
    reason: problem.message,
  };
  // A quarantine already pending keeps its time: the backups made before the first one stay protected.
  const written = await updateVaultMetadata(vault.dataFolder, (metadata) => ({ ...metadata, quarantine: metadata.quarantine ?? pending }));
  vault.metadata = written ?? vault.metadata;
  return pending;
}

/** What the user reads about a pending quarantine: what happened, and how to get the secrets back. */
export function quarantineNotice(file: string, pending: PendingQuarantine, hasBackups: boolean): QuarantineNotice {
  const restore = hasBackups
    ? 'restore the last backup: Restore the last backup on this notice in the app, or azcred vault restore (azcred vault backups ' +
      'lists them)'
    : `restore the file by hand (no backup generation was kept; an older app kept ${file}.bak)`;
  return {
    path: pending.path,
    problem: pending.problem,
    at: pending.at,
    message:
      `The vault file could not be decrypted (${pending.reason}); it was moved to ${pending.path}. Your account list is intact; ` +
      `re-enter the keys or restore the file: ${restore}.`,
  };
}

/** The refusal for a file written by a newer app. */
export function unsupported(error: VaultFileError): VaultError {
  return new VaultError(
    'unsupported_version',
    `The vault file was ${error.message}. Update Azure Credential Manager to open it; the file was left as it is.`,
  );
}

/** The file's bytes, or null when there is none. */
export async function readIfExists(file: string): Promise<Buffer | null> {
  try {
    return await fs.readFile(file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
}

/**
 * Writes the secrets as the new vault file (caller holds the lock), and the same bytes as a new
 * backup generation, so a vault file damaged later can be restored whole.
 */
export async function saveSecrets(vault: PersistedVault, bytes: Buffer): Promise<void> {
  await writeFileAtomic(vault.file, bytes);
  // Read again under the lock: another process may have quarantined the file, or acknowledged it.
  vault.metadata = (await readVaultMetadata(vault.dataFolder)) ?? vault.metadata;
  await keepBackup(vault.dataFolder, bytes, vault.metadata.quarantine);
}
