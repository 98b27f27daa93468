import { randomBytes } from 'node:crypto';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { wordDiskErrors } from '../platform/disk-error.ts';
import { removeOrphanedTempFiles, syncFolder, writeTempFile } from '../platform/atomic-write.ts';
import type { PendingQuarantine } from './vault-metadata.ts';

/**
 * Backup generations of the vault file: `backups/vault-<time>-<hex>.bin` in the data folder (0700,
 * each file 0600), one written beside every write of the vault file, holding what was written, so
 * a vault file damaged later is restored whole. The newest `keptBackups` are kept; while a
 * quarantine is unacknowledged, none made before it is ever removed or replaced (a write after the
 * quarantine holds the emptied vault, which must not push the last good copy out).
 */
export const backupFolderName = 'backups';

/** How many generations are kept, not counting those an unacknowledged quarantine protects. */
export const keptBackups = 8;

const namePattern = /^vault-(\d{4}-\d\d-\d\dT\d\d-\d\d-\d\d-\d{3}Z)-[0-9a-f]+\.bin$/;

export interface VaultBackup {
  name: string;
  path: string;
  /** When it was written (ISO 8601), from its name. */
  createdAt: string;
}

/** The backups folder of a data folder. */
export function backupFolder(dataFolder: string): string {
  return path.join(dataFolder, backupFolderName);
}

/** Every generation, newest first. */
export async function listBackups(dataFolder: string): Promise<VaultBackup[]> {
  let names: string[];
  try {
    names = await fs.readdir(backupFolder(dataFolder));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
  const backups: VaultBackup[] = [];
  for (const name of names) {
    const stamp = namePattern.exec(name)?.[1];
    if (stamp) backups.push({ name, path: path.join(backupFolder(dataFolder), name), createdAt: fromStamp(stamp) });
  }
  return backups.sort((a, b) => (a.name < b.name ? 1 : -1));
}

/** Whether a generation was made before the quarantine, so no write may remove it while it is unacknowledged. */
export function madeBefore(backup: VaultBackup, quarantine: PendingQuarantine | undefined): boolean {
  return quarantine !== undefined && backup.createdAt < quarantine.at;
}

/**
 * Writes `bytes` as a new generation (temp file, fsync, rename: a generation is always whole) and
 * removes the oldest beyond `keptBackups`, never one `quarantine` protects. Caller holds the vault lock.
 */
export async function keepBackup(
  dataFolder: string,
  bytes: Buffer,
  quarantine: PendingQuarantine | undefined,
  now = new Date(),
): Promise<string> {
  const folder = backupFolder(dataFolder);
  const target = path.join(folder, `vault-${toStamp(now)}-${randomBytes(3).toString('hex')}.bin`);
  await wordDiskErrors(target, async () => {
    await fs.mkdir(folder, { recursive: true, mode: 0o700 });
    const temp = await writeTempFile(path.join(folder, tempBase), bytes, { hidden: true });
    await fs.rename(temp, target);
    await syncFolder(folder);
  });
  await pruneBackups(dataFolder, quarantine);
  return target;
}

/** A generation is written as `.vault.bin.tmp-<pid>-<hex>` first, so a killed writer's leftover is found by its pid. */
const tempBase = 'vault.bin';

/** Removes the temp files a killed writer left in the backups folder. Caller holds the vault lock. */
export async function removeOrphanedBackupTemps(dataFolder: string): Promise<void> {
  await removeOrphanedTempFiles(backupFolder(dataFolder), [`.${tempBase}`]).catch((error: NodeJS.ErrnoException) => {
    if (error.code !== 'ENOENT') throw error;
  });
}

/** Removes the oldest generations beyond `keptBackups`, skipping those an unacknowledged quarantine protects. */
export async function pruneBackups(dataFolder: string, quarantine: PendingQuarantine | undefined): Promise<void> {
  const prunable = (await listBackups(dataFolder)).filter((backup) => !madeBefore(backup, quarantine));
  for (const backup of prunable.slice(keptBackups)) await fs.rm(backup.path, { force: true });
}

/** Time in a file name: ISO 8601 with `:` and `.` as `-` (Windows allows neither), so names sort by time. */
function toStamp(date: Date): string {
  return date.toISOString().replace(/[:.]/g, '-');
}

function fromStamp(stamp: string): string {
  const [date = '', time = ''] = stamp.split('T');
  const [h, m, s, ms] = time.replace('Z', '').split('-');
  return `${date}T${h}:${m}:${s}.${ms}Z`;
}
