import { randomBytes } from 'node:crypto';
import { callKeychain, keychainAccount, keychainService, type KeychainPort } from './keychain.ts';
import { derivePassphraseKey } from '../platform/passphrase-key.ts';
import { VaultError } from './vault-error.ts';
import { keyCheck, type VaultHeader } from './vault-file.ts';

export { keychainAccount };

/**
 * Fetches the vault key from the keychain (one round trip), creating it when the vault has no file
 * yet. A missing key for an existing file is never replaced: that would orphan the secrets.
 */
export async function keychainKey(keychain: KeychainPort, id: string, fileExists: boolean, timeoutMs: number): Promise<Buffer> {
  const account = keychainAccount(id);
  const stored = await callKeychain('reading the vault key', () => keychain.getPassword(keychainService, account), timeoutMs);
  if (stored !== null) {
    const key = Buffer.from(stored, 'base64');
    if (key.length === 32) return key;
  }
  if (fileExists) {
    // gnome-keyring answers "no such item" for a locked collection when it cannot prompt (measured),
    // so probe with a write: a locked keyring refuses it and we report that instead of "missing".
    await callKeychain(
      'checking the keychain',
      async () => {
        await keychain.setPassword(keychainService, `probe-${id}`, 'probe');
        await keychain.deletePassword(keychainService, `probe-${id}`);
      },
      timeoutMs,
    );
    throw new VaultError(
      'keychain_key_missing',
      `The keychain has no key for this vault (entry "${account}" under "${keychainService}"), so the vault file cannot be ` +
        `decrypted. Restore the keychain entry, or move the vault file aside to start a new vault, or choose a passphrase vault or ` +
        `a memory-only session in Settings.`,
    );
  }
  const key = randomBytes(32);
  await callKeychain('storing a new vault key', () => keychain.setPassword(keychainService, account, key.toString('base64')), timeoutMs);
  return key;
}

/** Derives a passphrase vault's key and checks it against the header, so a wrong passphrase is refused without touching the file. */
export async function passphraseKey(passphrase: string, header: VaultHeader): Promise<Buffer> {
  const kdf = header.kdf;
  if (!kdf) throw new VaultError('mode_mismatch', 'This vault file is not a passphrase vault.');
  const key = await derivePassphraseKey(passphrase, kdf.salt, kdf);
  if (!key)
    throw new VaultError(
      'unsupported_version',
      'This passphrase vault asks for scrypt parameters outside the accepted range; it was not opened.',
    );
  if (keyCheck(key, header.id) !== header.keyCheck) {
    key.fill(0);
    throw new VaultError('wrong_passphrase', 'That passphrase does not open this vault. Try again.');
  }
  return key;
}
