/**
 * electron/core/platform/lock/: the data folder's one cross-process lock mechanism. This module takes
 * a lock directory with proper-lockfile, queueing callers in this process first; metadata-lock.ts is
 * the lock the metadata files share (accounts, identities, ACS identities, kept tokens, settings,
 * cloud profiles), vault/vault-lock.ts the vault's own. Part of platform/: it imports only the rest of
 * platform/, shared/ and Node.
 */

import { promises as fs } from 'node:fs';
import path from 'node:path';
import lockfile from 'proper-lockfile';
import { diskError } from '../disk-error.ts';
import { log } from '../log.ts';
import { ownedLockDirectoryFs } from './owned-lock-directory.ts';

/** One cross-process lock of a data folder: its lock directory, what proper-lockfile tracks, and the error when it stays busy. */
export interface FolderLock {
  /** The lock directory inside the data folder (it holds no data, only its own mtime). */
  directory: string;
  /** The path proper-lockfile tracks held locks by, distinct per lock (relative to the data folder; '' is the folder itself). */
  target: string;
  /** Named in log lines: `vault`, `metadata`. */
  label: string;
  busy(): Error;
}

/** Callers in this process queue here first, so they wait on a promise rather than polling the lock directory. */
const queues = new Map<string, Promise<unknown>>();

/**
 * Runs `work` holding one of the data folder's cross-process locks, shared by the app and the CLI
 * (proper-lockfile: an atomic directory, refreshed while held, taken over when stale or when the
 * process that made it has exited: see owned-lock-directory.ts). Callers keep
 * the critical section short: read, change, write.
 */
export function withFolderLock<T>(dataFolder: string, lock: FolderLock, work: () => Promise<T>): Promise<T> {
  const key = `${dataFolder}\n${lock.directory}`;
  const previous = queues.get(key) ?? Promise.resolve();
  const next = previous.catch(() => undefined).then(() => holdLock(dataFolder, lock, work));
  const tail = next.catch(() => undefined);
  queues.set(key, tail);
  void tail.then(() => {
    if (queues.get(key) === tail) queues.delete(key);
  });
  return next;
}

async function holdLock<T>(dataFolder: string, lock: FolderLock, work: () => Promise<T>): Promise<T> {
  let release: () => Promise<void>;
  try {
    // Taking the lock is a write: on a full or read-only disk it fails here, and says so in words.
    await fs.mkdir(dataFolder, { recursive: true, mode: 0o700 });
    const options = {
      lockfilePath: path.join(dataFolder, lock.directory),
      realpath: false,
      // Records the holder in the lock directory, so a killed holder's lock is taken over at once.
      fs: ownedLockDirectoryFs(path.join(dataFolder, lock.directory)),
      stale: 10_000,
      onCompromised: (error: Error) => log.error(`${lock.label} lock was taken over while held`, error),
    };
    // proper-lockfile retries every failure alike: one try first, so a disk that refuses is said at once, not after the wait.
    release = await lockfile.lock(path.join(dataFolder, lock.target), { ...options, retries: 0 }).catch((error: unknown) => {
      if (diskError(error, dataFolder)) throw error;
      // Up to ~15 s of waiting with jitter: enough for a queue of short writers, short enough to report a stuck one.
      return lockfile.lock(path.join(dataFolder, lock.target), {
        ...options,
        retries: { retries: 150, factor: 1.2, minTimeout: 5, maxTimeout: 100, randomize: true },
      });
    });
  } catch (error) {
    if ((error as { code?: unknown }).code === 'ELOCKED') throw lock.busy();
    throw diskError(error, path.join(dataFolder, lock.directory)) ?? error;
  }
  try {
    return await work();
  } finally {
    await release().catch((error: unknown) => log.error(`${lock.label} lock release failed`, error));
  }
}
