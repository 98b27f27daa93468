import { statSync } from 'node:fs';

/**
 * A data file's version, to tell whether it changed without reading it: its inode, size,
 * modification and change times. Every writer here (this process, the CLI, `conf`) replaces a file
 * by rename, so a write changes at least the inode. Undefined when the file cannot be stat'ed.
 */
export function fileVersion(file: string): string | undefined {
  try {
    const stat = statSync(file, { bigint: true, throwIfNoEntry: false });
    return stat && `${stat.ino}:${stat.size}:${stat.mtimeNs}:${stat.ctimeNs}`;
  } catch {
    return undefined;
  }
}

/**
 * `derive()` (which reads `file`) computed again only after the file changed; each caller gets its
 * own copy, free to change. The version is taken before `derive()` runs, so a file replaced while it
 * reads is read again next time.
 */
export function whileUnchanged<T>(file: string, derive: () => T): () => T {
  let held: { version: string; value: T } | undefined;
  return () => {
    const version = fileVersion(file);
    if (version === undefined || held?.version !== version) {
      const value = derive();
      held = version === undefined ? undefined : { version, value: structuredClone(value) };
      return value;
    }
    return structuredClone(held.value);
  };
}
