import { randomBytes } from 'node:crypto';
import { promises as fs } from 'node:fs';
import { log } from '../log.ts';
import { writeFileAtomic } from './atomic-write.ts';
import { VaultError } from './vault-error.ts';
import { decryptVault, VaultFileError } from './vault-file.ts';
import type { PersistedVault, QuarantineNotice } from './vault-store.ts';

/**
 * Reads the secrets (caller holds the lock). A damaged file, or one the keychain key does not fit,
 * is moved aside byte for byte and the vault starts empty; a newer format is refused and left alone.
 */
export async function loadSecrets(vault: PersistedVault, known?: Buffer | null): Promise<{ secrets: Map<string, string>; quarantined: QuarantineNotice | null }> {
  const bytes = known === undefined ? await readIfExists(vault.file) : known;
  if (bytes === null) return { secrets: new Map(), quarantined: null };
  try {
    const { header, secrets } = decryptVault(bytes, vault.key);
    if (header.id !== vault.metadata.id) throw new VaultFileError('wrong_key', 'belongs to another vault');
    return { secrets, quarantined: null };
  } catch (error) {
    if (!(error instanceof VaultFileError)) throw error;
    if (error.problem === 'future') throw unsupported(error);
    if (error.problem === 'wrong_key' && vault.metadata.mode === 'passphrase') {
      throw new VaultError('wrong_passphrase', 'The vault file was re-created with another passphrase by another process. Reopen the vault.');
    }
    return { secrets: new Map(), quarantined: await quarantine(vault.file, error) };
  }
}

async function quarantine(file: string, problem: VaultFileError): Promise<QuarantineNotice> {
  const stamp = new Date().toISOString().replace(/[:.]/g, '-');
  const movedTo = `${file}.corrupt-${stamp}-${randomBytes(3).toString('hex')}`;
  await fs.rename(file, movedTo);
  log.error(`vault file could not be read (${problem.problem}); moved aside`);
  return {
    path: movedTo,
    problem: problem.problem === 'wrong_key' ? 'wrong_key' : 'damaged',
    message: `The vault file could not be decrypted (${problem.message}); it was moved to ${movedTo}. Your account list is intact; re-enter the keys or restore the file (the last good copy is ${file}.bak when it exists).`,
  };
}

/** The refusal for a file written by a newer app. */
export function unsupported(error: VaultFileError): VaultError {
  return new VaultError('unsupported_version', `The vault file was ${error.message}. Update Azure Credential Manager to open it; the file was left as it is.`);
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

/** Writes the secrets as the new vault file (caller holds the lock), keeping the previous file as `.bak`. */
export async function saveSecrets(vault: PersistedVault, bytes: Buffer): Promise<void> {
  await writeFileAtomic(vault.file, bytes, { backup: `${vault.file}.bak` });
}
