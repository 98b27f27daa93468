import { promises as fs } from 'node:fs';
import path from 'node:path';
import { callKeychain, defaultKeychainTimeoutMs, keychainService, keytarKeychain, type KeychainPort } from './keychain.ts';
import { decryptVault } from './vault-file.ts';
import { keychainAccount } from './vault-key.ts';
import { readVaultMetadata, vaultFileName } from './vault-metadata.ts';

/**
 * Reads one secret of a data folder's keychain vault and nothing else: one file read and one
 * keychain read, no lock (writers replace the file by rename, so a read sees a whole file) and no
 * write. For the CLI's cached-token path. Anything but a plain answer (no vault, a passphrase vault,
 * a file or key that does not fit) is undefined: `openVault` then runs and words the problem.
 * A keychain failure is thrown as `openVault` throws it.
 */
export async function peekVaultSecret(dataFolder: string, name: string, options: { keychain?: KeychainPort; keychainTimeoutMs?: number } = {}): Promise<string | undefined> {
  const metadata = await readVaultMetadata(dataFolder).catch(() => null);
  if (metadata?.mode !== 'keychain') return undefined;
  let bytes: Buffer;
  try {
    bytes = await fs.readFile(path.join(dataFolder, vaultFileName));
  } catch {
    return undefined;
  }
  const keychain = options.keychain ?? keytarKeychain();
  const stored = await callKeychain('reading the vault key', () => keychain.getPassword(keychainService, keychainAccount(metadata.id)), options.keychainTimeoutMs ?? defaultKeychainTimeoutMs);
  if (stored === null) return undefined;
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
