import { randomBytes } from 'node:crypto';
import { constants, promises as fs } from 'node:fs';
import path from 'node:path';
import { wordDiskErrors } from './disk-error.ts';
import { processHasExited } from './lock/process-exited.ts';

/**
 * Replaces `target` with `data` so a crash leaves either the old file or the new one, never half of
 * each: write a temp file beside it, fsync, keep the old file as `<target>.bak`, rename, fsync the
 * folder. The temp name is random, never derived from the content. A full, read-only or forbidden
 * disk is said as what it is (disk-error.ts).
 */
export async function writeFileAtomic(target: string, data: Buffer, options: { backup?: string } = {}): Promise<void> {
  await wordDiskErrors(target, async () => {
    const temp = await writeTempFile(target, data);
    try {
      if (options.backup) await keepBackup(target, options.backup);
      await fs.rename(temp, target);
    } catch (error) {
      await fs.rm(temp, { force: true });
      throw error;
    }
    await syncFolder(path.dirname(target));
  });
}

/**
 * Writes `data` to a new file beside `target` (mode 0600, created exclusively, fsynced) and returns
 * its path, for the caller to move into place. `hidden` starts its name with a dot (for files in
 * the user's own folders). On failure nothing is left behind.
 */
export async function writeTempFile(target: string, data: Buffer, options: { hidden?: boolean } = {}): Promise<string> {
  const temp = path.join(
    path.dirname(target),
    `${options.hidden ? '.' : ''}${path.basename(target)}.tmp-${process.pid}-${randomBytes(6).toString('hex')}`,
  );
  try {
    const handle = await fs.open(temp, constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL, 0o600);
    try {
      await handle.writeFile(data);
      await handle.sync();
    } finally {
      await handle.close();
    }
  } catch (error) {
    await fs.rm(temp, { force: true });
    throw error;
  }
  return temp;
}

/** Copies the current file to the backup name through a temp file, so the backup is itself always whole. */
async function keepBackup(target: string, backup: string): Promise<void> {
  const temp = `${backup}.tmp-${process.pid}-${randomBytes(6).toString('hex')}`;
  try {
    await fs.copyFile(target, temp);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return;
    throw error;
  }
  const handle = await fs.open(temp, 'r+');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
  await fs.rename(temp, backup);
}

/**
 * Removes the temp files a killed writer left beside `targets`, all in `folder`
 * (`<target>.tmp-<pid>-<hex>`, whose process no longer runs); a live writer's are left alone. Call
 * it holding the lock the writers take. Reads the folder once. Returns the names removed.
 */
export async function removeOrphanedTempFiles(folder: string, targets: readonly string[]): Promise<string[]> {
  const prefixes = targets.map((target) => `${target}.tmp-`);
  const removed: string[] = [];
  for (const name of await fs.readdir(folder)) {
    const prefix = prefixes.find((p) => name.startsWith(p));
    const pid = prefix === undefined ? undefined : /^(\d+)-[0-9a-f]+$/.exec(name.slice(prefix.length))?.[1];
    if (pid === undefined || !processHasExited(Number(pid))) continue;
    await fs.rm(path.join(folder, name), { force: true });
    removed.push(name);
  }
  return removed;
}

/** fsync a directory so the rename itself is durable. Windows cannot open a directory for sync; there the rename is enough. */
export async function syncFolder(folder: string): Promise<void> {
  if (process.platform === 'win32') return;
  const handle = await fs.open(folder, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}
