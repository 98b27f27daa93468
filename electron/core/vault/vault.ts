/**
 * electron/core/vault/: the encrypted vault every secret lives in (file format, keychain or passphrase
 * key, lock, backups, quarantine) and the vault session that opens, locks and switches it. The lowest
 * domain: it imports platform/, azure/ and shared/, never another domain.
 */

import { randomBytes } from 'node:crypto';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { AppError } from '../../../shared/errors.ts';
import type { VaultMode } from '../../../shared/vault.ts';
import { removeOrphanedTempFiles, writeFileAtomic } from '../platform/atomic-write.ts';
import { defaultKeychainTimeoutMs, keytarKeychain, type KeychainPort } from './keychain.ts';
import { defaultScryptParams, derivePassphraseKey, newSalt } from '../platform/passphrase-key.ts';
import { VaultError } from './vault-error.ts';
import { encryptVault, keyCheck, readVaultHeader, VaultFileError, type ScryptParams, type VaultHeader } from './vault-file.ts';
import { keychainKey, passphraseKey } from './vault-key.ts';
import { decryptOwn, loadSecrets, readIfExists, unsupported, type PersistedVault } from './vault-io.ts';
import { withVaultLock } from './vault-lock.ts';
import { metadataName, newVaultId, readVaultMetadata, vaultFileName, writeVaultMetadata, type VaultMetadata } from './vault-metadata.ts';
import { createVault, type Vault } from './vault-store.ts';

export type { Vault, VaultInfo } from './vault-store.ts';
export type { QuarantineNotice } from './vault-io.ts';

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
 *
 * An existing vault that reads cleanly is opened without the lock (writers rename whole files into
 * place, so a read sees a whole file): reading keeps working on a full or read-only disk, or while
 * another process holds the lock. Creating a vault or moving a damaged file aside takes it.
 */
export async function openVault(options: OpenVaultOptions): Promise<Vault> {
  const dataFolder = path.resolve(options.dataFolder);
  const recorded = await readVaultMetadata(dataFolder);
  const mode = options.mode ?? recorded?.mode ?? 'keychain';
  if (mode === 'memory') return createVault({ mode, id: newVaultId(), secrets: new Map() });
  if (recorded) checkMode(recorded, mode);
  if (mode === 'passphrase' && !options.passphrase) {
    throw new VaultError(
      'passphrase_required',
      recorded ? 'This vault is protected by a passphrase: enter it to unlock.' : 'Choose a passphrase to protect the new vault.',
    );
  }
  const file = path.join(dataFolder, vaultFileName);
  const unlock = unlocker(mode, options);
  if (recorded) {
    const opened = await openWithoutLock({ dataFolder, file, metadata: recorded, mode, unlock });
    if (opened) return opened;
  }
  return withVaultLock(dataFolder, async () => {
    // Re-read inside the lock: another process may have created the vault meanwhile.
    const existing = await readVaultMetadata(dataFolder);
    if (existing) checkMode(existing, mode);
    // A writer killed between its temp file and the rename left encrypted secrets outside the vault file.
    await removeOrphanedTempFiles(dataFolder, [vaultFileName, `${vaultFileName}.bak`, metadataName]);
    const metadata: VaultMetadata = existing ?? { version: 1, id: newVaultId(), mode };
    const bytes = await readIfExists(file);
    const persisted: PersistedVault = { dataFolder, file, metadata, ...(await unlock(metadata, bytes, existing !== null)) };
    // Record a new vault, and keep a passphrase vault's check outside its header (older records lack it).
    if (!existing || (mode === 'passphrase' && !existing.passphraseCheck)) {
      persisted.metadata = {
        ...metadata,
        ...(persisted.header.kdf && { passphraseCheck: { ...persisted.header.kdf, keyCheck: persisted.header.keyCheck } }),
      };
      await writeVaultMetadata(dataFolder, persisted.metadata);
    }
    // Write the empty file at once, so a new passphrase vault is pinned to the passphrase chosen now.
    if (bytes === null) await writeFileAtomic(file, encryptVault(persisted.header, persisted.key, new Map()));
    const loaded = await loadSecrets(persisted, bytes);
    return createVault({ mode, id: metadata.id, secrets: loaded.secrets, persisted, seenBytes: loaded.quarantined ? null : bytes });
  });
}

/**
 * Replaces a passphrase vault that cannot be opened (a damaged header with nothing to check the
 * passphrase against, or a forgotten passphrase) with a new, empty one under a new passphrase: the
 * explicit, confirmed step the app and the CLI offer, never something opening does by itself. The
 * old file is moved aside, never deleted; the backups stay (they open with the old passphrase only).
 */
export async function startNewPassphraseVault(options: {
  dataFolder: string;
  passphrase: string;
  scryptParams?: ScryptParams;
}): Promise<Vault> {
  const dataFolder = path.resolve(options.dataFolder);
  const file = path.join(dataFolder, vaultFileName);
  return withVaultLock(dataFolder, async () => {
    const existing = await readVaultMetadata(dataFolder);
    if (existing) checkMode(existing, 'passphrase');
    const id = existing?.id ?? newVaultId();
    const unlocked = await newPassphraseKey(id, options.passphrase, options.scryptParams ?? defaultScryptParams);
    if (await readIfExists(file))
      await fs.rename(file, `${file}.corrupt-${new Date().toISOString().replace(/[:.]/g, '-')}-${randomBytes(3).toString('hex')}`);
    const { quarantine: _replaced, ...kept } = existing ?? { version: 1 as const, id, mode: 'passphrase' as const };
    const metadata: VaultMetadata = { ...kept, passphraseCheck: { ...unlocked.header.kdf!, keyCheck: unlocked.header.keyCheck } };
    await writeVaultMetadata(dataFolder, metadata);
    const bytes = encryptVault(unlocked.header, unlocked.key, new Map());
    await writeFileAtomic(file, bytes);
    return createVault({
      mode: 'passphrase',
      id,
      secrets: new Map(),
      persisted: { dataFolder, file, metadata, ...unlocked },
      seenBytes: bytes,
    });
  });
}

type Unlock = (metadata: VaultMetadata, bytes: Buffer | null, recorded: boolean) => Promise<{ key: Buffer; header: VaultHeader }>;

function unlocker(mode: 'keychain' | 'passphrase', options: OpenVaultOptions): Unlock {
  if (mode === 'keychain') {
    const keychain = options.keychain ?? keytarKeychain();
    return (metadata, bytes) =>
      unlockWithKeychain(metadata.id, bytes !== null, keychain, options.keychainTimeoutMs ?? defaultKeychainTimeoutMs);
  }
  return (metadata, bytes, recorded) =>
    unlockWithPassphrase(metadata, bytes, recorded, options.passphrase ?? '', options.scryptParams ?? defaultScryptParams);
}

/** The vault when its file is there and reads cleanly; undefined when opening needs the lock (no file yet, a file to move aside, a
 * record to complete). */
async function openWithoutLock(input: {
  dataFolder: string;
  file: string;
  metadata: VaultMetadata;
  mode: 'keychain' | 'passphrase';
  unlock: Unlock;
}): Promise<Vault | undefined> {
  const { dataFolder, file, metadata, mode, unlock } = input;
  if (mode === 'passphrase' && !metadata.passphraseCheck) return undefined;
  const bytes = await readIfExists(file);
  if (bytes === null || (mode === 'passphrase' && !headerOrNull(bytes))) return undefined;
  const persisted: PersistedVault = { dataFolder, file, metadata, ...(await unlock(metadata, bytes, true)) };
  try {
    return await createVault({ mode, id: metadata.id, secrets: decryptOwn(persisted, bytes), persisted, seenBytes: bytes });
  } catch (error) {
    if (!(error instanceof VaultFileError)) throw error;
    if (error.problem === 'future') throw unsupported(error);
    persisted.key.fill(0);
    return undefined;
  }
}

function checkMode(recorded: VaultMetadata, mode: VaultMode): void {
  if (recorded.mode === mode) return;
  throw new VaultError(
    'mode_mismatch',
    `This data folder holds a ${recorded.mode} vault; it cannot be opened as a ${mode} vault. Open it as ${recorded.mode}, or ` +
      `use another data folder.`,
  );
}

async function unlockWithKeychain(
  id: string,
  fileExists: boolean,
  keychain: KeychainPort,
  timeoutMs: number,
): Promise<{ key: Buffer; header: VaultHeader }> {
  const key = await keychainKey(keychain, id, fileExists, timeoutMs);
  return { key, header: { id, mode: 'keychain', keyCheck: keyCheck(key, id) } };
}

/**
 * A passphrase is checked against the file's header, or, when the header is damaged or the file is
 * gone, against the copy the record keeps; with neither it is refused, never taken as a new one.
 */
async function unlockWithPassphrase(
  metadata: VaultMetadata,
  bytes: Buffer | null,
  recorded: boolean,
  passphrase: string,
  params: ScryptParams,
): Promise<{ key: Buffer; header: VaultHeader }> {
  const existing = bytes && headerOrNull(bytes);
  if (existing) return { key: await passphraseKey(passphrase, existing), header: existing };
  const check = metadata.passphraseCheck;
  if (check) {
    const { keyCheck: recordedCheck, ...kdf } = check;
    const header: VaultHeader = { id: metadata.id, mode: 'passphrase', kdf, keyCheck: recordedCheck };
    return { key: await passphraseKey(passphrase, header), header };
  }
  if (recorded) {
    const what = bytes ? "The vault file's header is damaged" : 'The vault file is missing';
    throw new VaultError(
      'header_damaged',
      `${what} and this vault keeps no other copy of what checks its passphrase, so no passphrase can be checked and none is ` +
        `taken. Restore the vault file from a backup (docs/vault.md), or start a new, empty vault (Start a new, empty vault in the ` +
        `app, or azcred vault new --yes). The old file is moved aside, never deleted.`,
    );
  }
  return newPassphraseKey(metadata.id, passphrase, params);
}

/** A fresh salt and the key it gives: only for a new vault, or the confirmed start of a new one. */
async function newPassphraseKey(id: string, passphrase: string, params: ScryptParams): Promise<{ key: Buffer; header: VaultHeader }> {
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
