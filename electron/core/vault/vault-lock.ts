import { withFolderLock, type FolderLock } from '../platform/lock/folder-lock.ts';
import { VaultError } from './vault-error.ts';

/** The lock directory the app and the CLI share for the vault file. */
export const lockName = 'vault.lock';

const vaultLock: FolderLock = {
  directory: lockName,
  target: '',
  label: 'vault',
  busy: () =>
    new VaultError('lock_busy', 'Another Azure Credential Manager process is holding the vault. Wait for it to finish and retry.'),
};

/** Runs `work` holding the data folder's vault lock. */
export function withVaultLock<T>(dataFolder: string, work: () => Promise<T>): Promise<T> {
  return withFolderLock(dataFolder, vaultLock, work);
}
