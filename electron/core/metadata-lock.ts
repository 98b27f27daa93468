import { promises as fs } from 'node:fs';
import path from 'node:path';
import lockfile from 'proper-lockfile';
import { AppError } from '../../shared/errors.ts';
import { log } from './log.ts';
import { accountsFileName } from './accounts/accounts-file.ts';

/** The lock directory every process shares for the data folder's metadata files (accounts, identities, ACS identities, kept tokens); separate from the vault's lock. */
export const metadataLockName = 'accounts.lock';

/** Callers in this process queue here first, so they wait on a promise rather than polling the lock directory. */
const queues = new Map<string, Promise<unknown>>();

/**
 * Runs `work` holding the data folder's accounts lock (proper-lockfile: an atomic mkdir, refreshed
 * while held, taken over when stale). The vault's own lock may be taken inside it, never the other
 * way round, so the two cannot deadlock.
 */
export function withMetadataLock<T>(dataFolder: string, work: () => Promise<T>): Promise<T> {
  const previous = queues.get(dataFolder) ?? Promise.resolve();
  const next = previous.catch(() => undefined).then(() => holdLock(dataFolder, work));
  const tail = next.catch(() => undefined);
  queues.set(dataFolder, tail);
  void tail.then(() => {
    if (queues.get(dataFolder) === tail) queues.delete(dataFolder);
  });
  return next;
}

async function holdLock<T>(dataFolder: string, work: () => Promise<T>): Promise<T> {
  await fs.mkdir(dataFolder, { recursive: true, mode: 0o700 });
  let release: () => Promise<void>;
  try {
    // proper-lockfile tracks held locks by this path, so it must differ from the vault lock's (the data folder itself).
    release = await lockfile.lock(path.join(dataFolder, accountsFileName), {
      lockfilePath: path.join(dataFolder, metadataLockName),
      realpath: false,
      stale: 10_000,
      // Up to ~15 s of waiting with jitter, as the vault lock does.
      retries: { retries: 150, factor: 1.2, minTimeout: 5, maxTimeout: 100, randomize: true },
      onCompromised: (error) => log.error('metadata lock was taken over while held', error),
    });
  } catch (error) {
    if ((error as { code?: unknown }).code === 'ELOCKED') {
      throw new AppError('conflict', 'Another Azure Credential Manager process is changing the account or identity lists. Wait for it to finish and retry.');
    }
    throw error;
  }
  try {
    return await work();
  } finally {
    await release().catch((error: unknown) => log.error('metadata lock release failed', error));
  }
}
