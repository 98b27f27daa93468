import path from 'node:path';
import { AppError } from '../../../shared/errors.ts';
import { removeOrphanedTempFiles } from './atomic-write.ts';
import { defaultKeychainTimeoutMs, keytarKeychain, type KeychainPort } from './keychain.ts';
import { defaultScryptParams, derivePassphraseKey, newSalt } from './passphrase-key.ts';
import { VaultError } from './vault-error.ts';
import { encryptVault, keyCheck, readVaultHeader, VaultFileError, type ScryptParams, type VaultHeader } from './vault-file.ts';
import { keychainKey, passphraseKey } from './vault-key.ts';
import { loadSecrets, readIfExists, saveSecrets, unsupported } from './vault-io.ts';
import { withVaultLock } from './vault-lock.ts';
import { metadataName, newVaultId, readVaultMetadata, vaultFileName, writeVaultMetadata, type VaultMetadata } from './vault-metadata.ts';
import { createVault, type PersistedVault, type Vault } from './vault-store.ts';

export type { Vault, VaultInfo, QuarantineNotice } from './vault-store.ts';

/** How the vault key is kept: the OS keychain (default), a passphrase, or nowhere (memory-only session). */
export type VaultMode = 'keychain' | 'passphrase' | 'memory';

export { vaultFileName } from './vault-metadata.ts';

export interface OpenVaultOptions {
  dataFolder: string;
  /** Omit to open whatever the folder recorded (keychain for a new folder); a different mode than recorded is refused. */
  mode?: VaultMode;
  /** Required for passphrase mode: unlocks an existing vault, or protects a new one. */
  passphrase?: string;
  /** Defaults to keytar; tests pass `createMemoryKeychain()`. */
  keychain?: KeychainPort;
  keychainTimeoutMs?: number;
  /** scrypt cost for a new passphrase vault; tests lower it. Existing vaults use what their header records. */
  scryptParams?: ScryptParams;
}

/**
 * Opens the data folder's vault once per process: one keychain round trip (or one scrypt), then
 * secrets are served from memory and every change is written through under the cross-process lock.
 * It never falls back to a weaker mode: a keychain failure is a VaultError naming the fix and the
 * other modes. A file that cannot be decrypted is quarantined and reported in `info().quarantined`.
 */
export async function openVault(options: OpenVaultOptions): Promise<Vault> {
  const dataFolder = path.resolve(options.dataFolder);
  const recorded = await readVaultMetadata(dataFolder);
  const mode = options.mode ?? recorded?.mode ?? 'keychain';
  if (mode === 'memory') return createVault({ mode, id: newVaultId(), secrets: new Map() });
  if (recorded) checkMode(recorded, mode);
  if (mode === 'passphrase' && !options.passphrase) {
    throw new VaultError('passphrase_required', recorded ? 'This vault is protected by a passphrase: enter it to unlock.' : 'Choose a passphrase to protect the new vault.');
  }
  const file = path.join(dataFolder, vaultFileName);
  return withVaultLock(dataFolder, async () => {
    // Re-read inside the lock: another process may have created the vault meanwhile.
    const existing = await readVaultMetadata(dataFolder);
    if (existing) checkMode(existing, mode);
    // A writer killed between its temp file and the rename left encrypted secrets outside the vault file.
    await removeOrphanedTempFiles(dataFolder, [vaultFileName, `${vaultFileName}.bak`, metadataName]);
    const metadata: VaultMetadata = existing ?? { version: 1, id: newVaultId(), mode };
    const bytes = await readIfExists(file);
    const unlocked =
      mode === 'keychain'
        ? await unlockWithKeychain(metadata.id, bytes !== null, options.keychain ?? keytarKeychain(), options.keychainTimeoutMs ?? defaultKeychainTimeoutMs)
        : await unlockWithPassphrase(metadata.id, bytes, options.passphrase ?? '', options.scryptParams ?? defaultScryptParams);
    const persisted: PersistedVault = { dataFolder, file, metadata, ...unlocked };
    if (!existing) await writeVaultMetadata(dataFolder, metadata);
    // Write the empty file at once, so a new passphrase vault is pinned to the passphrase chosen now.
    if (bytes === null) await saveSecrets(persisted, encryptVault(persisted.header, persisted.key, new Map()));
    const loaded = await loadSecrets(persisted, bytes);
    return createVault({ mode, id: metadata.id, secrets: loaded.secrets, persisted, quarantined: loaded.quarantined });
  });
}

function checkMode(recorded: VaultMetadata, mode: VaultMode): void {
  if (recorded.mode === mode) return;
  throw new VaultError('mode_mismatch', `This data folder holds a ${recorded.mode} vault; it cannot be opened as a ${mode} vault. Open it as ${recorded.mode}, or use another data folder.`);
}

async function unlockWithKeychain(id: string, fileExists: boolean, keychain: KeychainPort, timeoutMs: number): Promise<{ key: Buffer; header: VaultHeader }> {
  const key = await keychainKey(keychain, id, fileExists, timeoutMs);
  return { key, header: { id, mode: 'keychain', keyCheck: keyCheck(key, id) } };
}

async function unlockWithPassphrase(id: string, bytes: Buffer | null, passphrase: string, params: ScryptParams): Promise<{ key: Buffer; header: VaultHeader }> {
  const existing = bytes && headerOrNull(bytes);
  if (existing) return { key: await passphraseKey(passphrase, existing), header: existing };
  // A new vault, or one whose header is unreadable (it is quarantined next): a fresh salt.
  const salt = newSalt();
  const key = await derivePassphraseKey(passphrase, salt, params);
  if (!key) throw new AppError('invalid_input', 'The scrypt parameters are outside the accepted range.');
  return { key, header: { id, mode: 'passphrase', kdf: { name: 'scrypt', salt, ...params }, keyCheck: keyCheck(key, id) } };
}

function headerOrNull(bytes: Buffer): VaultHeader | null {
  try {
    return readVaultHeader(bytes).header;
  } catch (error) {
    if (error instanceof VaultFileError && error.problem === 'future') throw unsupported(error);
    return null;
  }
}
