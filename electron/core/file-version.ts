import { statSync } from 'node:fs';

/**
 * A data file's version, to tell whether it changed without reading it: its inode, size and its
 * birth, modification and change times. Every writer here (this process, the CLI, `conf`) replaces
 * a file by rename, so a write changes at least the inode; for an inode number to come back with the
 * same size and times, two whole atomic writes (each with its fsyncs) would have to fit in one tick
 * of the file system's clock. Undefined when the file cannot be stat'ed.
 */
export function fileVersion(file: string): string | undefined {
  try {
    const stat = statSync(file, { throwIfNoEntry: false });
    return stat && `${stat.ino}:${stat.size}:${stat.birthtimeMs}:${stat.mtimeMs}:${stat.ctimeMs}`;
  } catch {
    return undefined;
  }
}

/**
 * `derive()` (which reads `file`) computed again only after the file changed. The value is shared
 * between calls: callers hand out copies of what they return, not the value itself. The version is
 * taken before `derive()` runs, so a file replaced while it reads is read again next time.
 */
export function whileUnchanged<T>(file: string, derive: () => T): () => T {
  let held: { version: string; value: T } | undefined;
  return () => {
    const version = fileVersion(file);
    if (version !== undefined && held?.version === version) return held.value;
    const value = derive();
    held = version === undefined ? undefined : { version, value };
    return value;
  };
}
