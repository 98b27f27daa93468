import { createHash } from 'node:crypto';
import { statSync, watch, type FSWatcher } from 'node:fs';
import path from 'node:path';
import type { CoreEvent } from '../../../shared/events.ts';
import {
  accessLogFileName,
  accountsFileName,
  acsIdentitiesFileName,
  cloudsFileName,
  identitiesFileName,
  keptTokensFileName,
  settingsFileName,
} from './data-folder-layout.ts';
import type { EmitEvent } from './event-hub.ts';
import { fileBytes } from './file-version.ts';

/** Each metadata file watched, and what its change announces. */
const watchedFiles: ReadonlyMap<string, CoreEvent> = new Map<string, CoreEvent>([
  [keptTokensFileName, { type: 'tokens.changed', reason: 'changed', ids: [] }],
  [accountsFileName, { type: 'accounts.changed' }],
  [identitiesFileName, { type: 'identities.changed' }],
  [acsIdentitiesFileName, { type: 'acsIdentities.changed' }],
  [cloudsFileName, { type: 'clouds.changed' }],
  [settingsFileName, { type: 'settings.changed' }],
  [accessLogFileName, { type: 'activity.changed' }],
]);

/** Files only ever appended to (or moved aside whole), compared by size and inode instead of reading every byte again. */
const appendOnly: ReadonlySet<string> = new Set([accessLogFileName]);

export interface DataFolderWatchOptions {
  folder: string;
  emit: EmitEvent;
  /** How long to wait for a burst of file events to settle; 50 ms unless a test says otherwise. */
  debounceMs?: number;
  /** How often to look again for a folder that does not exist (yet); a second unless a test says otherwise. */
  retryMs?: number;
}

export interface DataFolderWatch {
  close(): void;
}

/**
 * Turns a change to the data folder's metadata files into an event, whoever made it: the CLI or a
 * second app writes the same files, and a window open here should show it at once. The folder is
 * watched, not the files, because every write replaces a file by renaming a new one over it. Only
 * a change of bytes counts, so a write of the same content, or this process's own read, is silent.
 * The access log grows by appends: a new size (or a new file, after rotation) counts.
 */
export function watchDataFolder(options: DataFolderWatchOptions): DataFolderWatch {
  const { folder, emit } = options;
  const debounceMs = options.debounceMs ?? 50;
  const retryMs = options.retryMs ?? 1_000;
  /** Each file's SHA-256 (its size and inode, for the access log): a digest, not the bytes, which held a second copy of every list. */
  const known = new Map<string, string | undefined>();
  let watcher: FSWatcher | undefined;
  let settle: NodeJS.Timeout | undefined;
  let retry: NodeJS.Timeout | undefined;
  let closed = false;

  // Not there (yet), or being replaced, reads as undefined: the next event reads it again.
  const read = (name: string): string | undefined => {
    if (appendOnly.has(name)) return sizeAndInode(path.join(folder, name));
    const bytes = fileBytes(path.join(folder, name));
    return bytes && createHash('sha256').update(bytes).digest('base64');
  };

  const compare = () => {
    settle = undefined;
    if (closed) return;
    for (const [name, event] of watchedFiles) {
      const before = known.get(name);
      const now = read(name);
      if (before === now) continue;
      known.set(name, now);
      emit(event);
    }
  };

  const changed = (name: string | null) => {
    if (name !== null && !watchedFiles.has(name)) return;
    if (settle) clearTimeout(settle);
    settle = setTimeout(compare, debounceMs).unref();
  };

  const start = () => {
    retry = undefined;
    if (closed) return;
    try {
      watcher = watch(folder, { persistent: false }, (_type, name) => changed(name === null ? null : String(name)));
    } catch {
      retry = setTimeout(start, retryMs).unref();
      return;
    }
    // The folder itself removed or unreadable: watch again once it is back.
    watcher.on('error', () => {
      watcher?.close();
      watcher = undefined;
      if (!closed) retry = setTimeout(start, retryMs).unref();
    });
    // Files written while nothing watched (a folder that appeared late, or came back) count as changed.
    changed(null);
  };

  // What is there now is the baseline.
  for (const name of watchedFiles.keys()) known.set(name, read(name));
  start();

  return {
    close() {
      closed = true;
      watcher?.close();
      if (settle) clearTimeout(settle);
      if (retry) clearTimeout(retry);
    },
  };
}

function sizeAndInode(file: string): string | undefined {
  try {
    const stats = statSync(file);
    return `${stats.size}:${stats.ino}`;
  } catch {
    return undefined;
  }
}
