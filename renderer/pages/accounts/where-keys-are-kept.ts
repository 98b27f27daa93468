import type { VaultStatus } from '../../../shared/vault.ts';

/**
 * Where an account's keys go, in the words of the vault mode in use: the OS keychain is named only
 * when it holds the vault's key, and a memory-only session says the CLI cannot read it.
 */
export function whereKeysAreKept(status: VaultStatus | undefined): string {
  if (!status) return 'Keys are kept in an encrypted vault, never in a plain file.';
  if (status.state === 'unavailable') {
    return (
      'Keys are kept in an encrypted vault, never in a plain file. Its key cannot go into the OS keychain here: choose a ' +
      'passphrase vault (the azcred CLI can open it too, with the passphrase), or memory only for this session.'
    );
  }
  if (status.mode === 'keychain') return 'Keys are kept in an encrypted vault whose key lives in your OS keychain, never in a plain file.';
  if (status.mode === 'passphrase')
    return 'Keys are kept in an encrypted vault whose key comes from your passphrase, never in a plain file.';
  return 'Keys are kept in memory for this session only: they are forgotten when the app closes, and the azcred CLI cannot read them.';
}
