import { AppError } from '../../../../shared/errors.ts';
import { accountsFileName } from '../data-folder-layout.ts';
import { withFolderLock, type FolderLock } from './folder-lock.ts';

/** The lock directory every process shares for the data folder's metadata files (accounts, identities, ACS identities, kept tokens,
 * settings, cloud profiles); separate from the vault's lock. */
export const metadataLockName = 'accounts.lock';

const metadataLock: FolderLock = {
  directory: metadataLockName,
  // proper-lockfile tracks held locks by this path, so it must differ from the vault lock's (the data folder itself).
  target: accountsFileName,
  label: 'metadata',
  busy: () =>
    new AppError(
      'conflict',
      'Another Azure Credential Manager process is changing the account or identity lists, the settings or the cloud profiles. ' +
        'Wait for it to finish and retry.',
    ),
};

/**
 * Runs `work` holding the data folder's metadata lock. The vault's own lock may be taken inside
 * it, never the other way round, so the two cannot deadlock.
 */
export function withMetadataLock<T>(dataFolder: string, work: () => Promise<T>): Promise<T> {
  return withFolderLock(dataFolder, metadataLock, work);
}
