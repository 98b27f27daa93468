import { readFileSync } from 'node:fs';
import path from 'node:path';
import { callKeychain, defaultKeychainTimeoutMs, keychainAccount, keychainService, keytarKeychain, type KeychainPort } from './keychain.ts';
import { metadataName, parseVaultMetadata, vaultFileName } from './vault-metadata.ts';

/**
 * Reads one secret of a data folder's keychain vault and nothing else: two small file reads and one
 * keychain read, no lock (writers replace the file by rename, so a read sees a whole file) and no
 * write. For the CLI's cached-token path, so the files are read synchronously (fs/promises alone
 * costs a short-lived process more than the reads), and the vault file is read and its decryption
 * loaded while the keychain answers.
 * Anything but a plain answer (no vault, a passphrase vault, a file or key that does not fit) is
 * undefined: `openVault` then runs and words the problem. A keychain failure is thrown as
 * `openVault` throws it.
 */
export async function peekVaultSecret(dataFolder: string, name: string, options: { keychain?: KeychainPort; keychainTimeoutMs?: number } = {}): Promise<string | undefined> {
  const metadata = readOrUndefined(() => parseVaultMetadata(JSON.parse(readFileSync(path.join(dataFolder, metadataName), 'utf8'))));
  if (metadata?.mode !== 'keychain') return undefined;
  const keychain = options.keychain ?? keytarKeychain();
  const reading = callKeychain('reading the vault key', () => keychain.getPassword(keychainService, keychainAccount(metadata.id)), options.keychainTimeoutMs ?? defaultKeychainTimeoutMs);
  const bytes = readOrUndefined(() => readFileSync(path.join(dataFolder, vaultFileName)));
  // Loading node:crypto takes about as long as the keychain's answer: it loads while that comes.
  const [stored, { decryptVault }] = await Promise.all([reading, import('./vault-file.ts')]);
  if (stored === null || bytes === undefined) return undefined;
  const key = Buffer.from(stored, 'base64');
  try {
    const { header, secrets } = decryptVault(bytes, key);
    return header.id === metadata.id ? secrets.get(name) : undefined;
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
