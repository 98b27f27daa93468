import type { VaultStatus } from '../../../shared/vault.ts';

/**
 * Where an account's keys are stored, in the words of the vault mode in use: the OS keychain is
 * named only when it holds the vault's key, and a memory-only session says the CLI cannot read it.
 * With no keychain, the choice comes when the first key is added.
 */
export function whereKeysAreKept(status: VaultStatus | undefined): string {
  if (!status) return 'Keys are stored in an encrypted vault, never in a plain file.';
  if (status.state === 'unavailable') {
    return (
      'Keys are stored in an encrypted vault, never in a plain file. This machine has no keychain the app can use: when you add ' +
      'a key, choose a passphrase vault (the azcred CLI can open it too, with the passphrase), or memory only for this session.'
    );
  }
  if (status.mode === 'keychain')
    return 'Keys are stored in an encrypted vault whose key lives in your OS keychain, never in a plain file.';
  if (status.mode === 'passphrase')
    return 'Keys are stored in an encrypted vault whose key comes from your passphrase, never in a plain file.';
  return 'Keys are stored in memory for this session only: they are forgotten when the app closes, and the azcred CLI cannot read them.';
}
