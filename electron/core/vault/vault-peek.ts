import { readFileSync } from 'node:fs';
import path from 'node:path';
import { callKeychain, defaultKeychainTimeoutMs, keychainAccount, keychainService, keytarKeychain, type KeychainPort } from './keychain.ts';
import { metadataName, parseVaultMetadata, vaultFileName } from './vault-metadata.ts';

export interface PeekOptions {
  keychain?: KeychainPort;
  keychainTimeoutMs?: number;
  /** Opens a passphrase vault (the CLI passes AZCRED_VAULT_PASSPHRASE); without it such a vault is undefined. */
  passphrase?: string | undefined;
}

/** The vault's mode as its metadata file says (keychain or passphrase), or undefined when there is none or it does not read. */
export function readVaultMode(dataFolder: string): string | undefined {
  return readOrUndefined(() => parseVaultMetadata(JSON.parse(readFileSync(path.join(dataFolder, metadataName), 'utf8'))))?.mode;
}

/**
 * Reads a data folder's vault secrets and nothing else: two small file reads and one keychain read
 * (or one scrypt, for a passphrase vault given its passphrase), no lock (writers replace the file
 * by rename, so a read sees a whole file) and no write. For the CLI's cached-token path, so the
 * files are read synchronously (fs/promises alone costs a short-lived process more than the reads),
 * and the vault file is read and its decryption loaded while the keychain answers.
 * Anything but a plain answer (no vault, a passphrase vault without its passphrase, a file or key
 * that does not fit) is undefined: `openVault` then runs and words the problem. A keychain failure
 * is thrown as `openVault` throws it.
 */
export async function peekVaultSecrets(dataFolder: string, options: PeekOptions = {}): Promise<ReadonlyMap<string, string> | undefined> {
  const metadata = readOrUndefined(() => parseVaultMetadata(JSON.parse(readFileSync(path.join(dataFolder, metadataName), 'utf8'))));
  if (metadata?.mode === 'passphrase')
    return options.passphrase ? peekPassphraseVault(dataFolder, metadata.id, options.passphrase) : undefined;
  if (metadata?.mode !== 'keychain') return undefined;
  const keychain = options.keychain ?? keytarKeychain();
  const reading = callKeychain(
    'reading the vault key',
    () => keychain.getPassword(keychainService, keychainAccount(metadata.id)),
    options.keychainTimeoutMs ?? defaultKeychainTimeoutMs,
  );
  const bytes = readOrUndefined(() => readFileSync(path.join(dataFolder, vaultFileName)));
  // Loading node:crypto takes about as long as the keychain's answer: it loads while that comes.
  const [stored, { decryptVault }] = await Promise.all([reading, import('./vault-file.ts')]);
  if (stored === null || bytes === undefined) return undefined;
  const key = Buffer.from(stored, 'base64');
  try {
    const { header, secrets } = decryptVault(bytes, key);
    return header.id === metadata.id ? secrets : undefined;
  } catch {
    return undefined;
  } finally {
    key.fill(0);
  }
}

/** One secret of the vault, as `peekVaultSecrets` reads it. */
export async function peekVaultSecret(dataFolder: string, name: string, options: PeekOptions = {}): Promise<string | undefined> {
  return (await peekVaultSecrets(dataFolder, options))?.get(name);
}

/** The key comes from the passphrase and the scrypt parameters in the file's header, as `openVault` derives it. */
async function peekPassphraseVault(dataFolder: string, id: string, passphrase: string): Promise<ReadonlyMap<string, string> | undefined> {
  const bytes = readOrUndefined(() => readFileSync(path.join(dataFolder, vaultFileName)));
  if (bytes === undefined) return undefined;
  const [{ decryptVault, readVaultHeader }, { derivePassphraseKey }] = await Promise.all([
    import('./vault-file.ts'),
    import('../platform/passphrase-key.ts'),
  ]);
  const header = readOrUndefined(() => readVaultHeader(bytes).header);
  if (header?.id !== id || header.mode !== 'passphrase' || !header.kdf) return undefined;
  const key = await derivePassphraseKey(passphrase, header.kdf.salt, header.kdf).catch(() => null);
  if (!key) return undefined;
  try {
    return decryptVault(bytes, key).secrets;
  } catch {
    return undefined;
  } finally {
    key.fill(0);
  }
}

function readOrUndefined<T>(read: () => T): T | undefined {
  try {
    return read();
  } catch {
    return undefined;
  }
}
