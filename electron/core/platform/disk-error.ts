import { AppError } from '../../../shared/errors.ts';

/**
 * A write (or taking a lock, which is a write) that the disk refused, in words: the disk is full,
 * the data folder is read-only, or permission is denied on a path. Anything else is undefined, for
 * the caller to rethrow as it was.
 */
export function diskError(error: unknown, target: string): AppError | undefined {
  if (error instanceof AppError) return error.code === 'storage_failed' ? error : undefined;
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  // The file or lock the caller was writing, not the temp name beside it that the system call saw.
  const where = target;
  if (code === 'ENOSPC' || code === 'EDQUOT')
    return new AppError(
      'storage_failed',
      `The disk is full: ${where} could not be written. Free some space and retry; reading keeps working meanwhile.`,
    );
  if (code === 'EROFS')
    return new AppError(
      'storage_failed',
      `The data folder is read-only: ${where} could not be written. Make it writable (remount the disk, or set AZCRED_HOME to a ` +
        `writable folder) and retry; reading keeps working meanwhile.`,
    );
  if (code === 'EACCES' || code === 'EPERM')
    return new AppError(
      'storage_failed',
      `Cannot write in the data folder: permission denied on ${where}. Fix its owner or permissions and retry; reading keeps ` +
        `working meanwhile.`,
    );
  return undefined;
}

/** Runs a write and rethrows a refusal by the disk as `diskError` words it. */
export async function wordDiskErrors<T>(target: string, write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (error) {
    throw diskError(error, target) ?? error;
  }
}
