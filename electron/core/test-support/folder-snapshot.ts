import { lstatSync, readdirSync, readFileSync, readlinkSync } from 'node:fs';
import { chmod, lstat, mkdir, readdir, rm, symlink, writeFile } from 'node:fs/promises';
import path from 'node:path';

/** Every entry under a folder: its kind, mode and bytes (or link target), by relative path. */
export type FolderSnapshot = Map<string, { kind: 'file' | 'folder' | 'link'; mode: number; bytes: Buffer }>;

/** Synchronous on purpose: it runs around every fuzzed call, and a handful of small files reads faster without the thread pool. */
export function snapshotFolder(folder: string): FolderSnapshot {
  const snapshot: FolderSnapshot = new Map();
  for (const name of readdirSync(folder, { recursive: true, encoding: 'utf8' }).sort()) {
    const full = path.join(folder, name);
    const stats = lstatSync(full, { throwIfNoEntry: false });
    if (!stats) continue; // removed while listing
    const kind = stats.isSymbolicLink() ? 'link' : stats.isDirectory() ? 'folder' : 'file';
    const bytes = kind === 'file' ? readFileSync(full) : kind === 'link' ? Buffer.from(readlinkSync(full)) : Buffer.alloc(0);
    snapshot.set(name, { kind, mode: stats.mode & 0o7777, bytes });
  }
  return snapshot;
}

/** What differs between two snapshots, one line per entry; empty when nothing does. */
export function folderChanges(before: FolderSnapshot, after: FolderSnapshot): string[] {
  const changes: string[] = [];
  for (const [name, was] of before) {
    const now = after.get(name);
    if (!now) changes.push(`removed ${name}`);
    else if (now.kind !== was.kind) changes.push(`${name} became a ${now.kind}`);
    else if (now.mode !== was.mode) changes.push(`${name} mode ${was.mode.toString(8)} → ${now.mode.toString(8)}`);
    else if (!now.bytes.equals(was.bytes)) changes.push(`rewrote ${name}`);
  }
  for (const name of after.keys()) if (!before.has(name)) changes.push(`added ${name}`);
  return changes;
}

/** Puts a folder back as the snapshot had it (after a call that was allowed to change it). */
export async function restoreFolder(folder: string, snapshot: FolderSnapshot): Promise<void> {
  // What the call added, at any depth (a removed folder's entries later in the list are already gone).
  for (const name of (await readdir(folder, { recursive: true })).filter((entry) => !snapshot.has(entry)))
    await rm(path.join(folder, name), { recursive: true, force: true });
  for (const [name, entry] of snapshot) {
    const full = path.join(folder, name);
    if (entry.kind === 'folder') {
      await mkdir(full, { recursive: true });
    } else if (entry.kind === 'link') {
      await rm(full, { recursive: true, force: true });
      await symlink(entry.bytes.toString(), full);
      continue;
    } else {
      const current = await lstat(full).catch(() => undefined);
      if (current && !current.isFile()) await rm(full, { recursive: true, force: true });
      await writeFile(full, entry.bytes);
    }
    await chmod(full, entry.mode);
  }
}
