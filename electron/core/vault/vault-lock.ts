import { promises as fs } from 'node:fs';
import path from 'node:path';
import lockfile from 'proper-lockfile';
import { log } from '../log.ts';
import { VaultError } from './vault-error.ts';

/** The lock directory the app and the CLI share; it holds no data, only its own mtime. */
export const lockName = 'vault.lock';

/**
 * Runs `work` holding the data folder's vault lock (proper-lockfile: an atomic mkdir, refreshed
 * while held, taken over when stale). Callers keep the critical section short: read, change, write.
 */
export async function withVaultLock<T>(dataFolder: string, work: () => Promise<T>): Promise<T> {
  await fs.mkdir(dataFolder, { recursive: true, mode: 0o700 });
  let release: () => Promise<void>;
  try {
    release = await lockfile.lock(dataFolder, {
      lockfilePath: path.join(dataFolder, lockName),
      realpath: false,
      stale: 10_000,
      // Up to ~15 s of waiting with jitter: enough for a queue of short writers, short enough to report a stuck one.
      retries: { retries: 150, factor: 1.2, minTimeout: 5, maxTimeout: 100, randomize: true },
      onCompromised: (error) => log.error('vault lock was taken over while held', error),
    });
  } catch (error) {
    if ((error as { code?: unknown }).code === 'ELOCKED') {
      throw new VaultError('lock_busy', 'Another Azure Credential Manager process is holding the vault. Wait for it to finish and retry.');
    }
    throw error;
  }
  try {
    return await work();
  } finally {
    await release().catch((error: unknown) => log.error('vault lock release failed', error));
  }
}
