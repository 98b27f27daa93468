import { readFileSync } from 'node:fs';

/**
 * A data file's bytes, to tell whether it changed since it was last read; undefined when it cannot
 * be read. Bytes, not inode, size and times: an inode number freed by one atomic replace can come
 * back with the next, and file times move in clock ticks of a few milliseconds, so two quick writes
 * of the same size (this process, then the CLI) could look unchanged and serve stale data. Reading
 * a small file costs tens of microseconds; parsing and validating it is what the cache saves.
 */
export function fileBytes(file: string): Buffer | undefined {
  try {
    return readFileSync(file);
  } catch {
    return undefined;
  }
}

/**
 * `derive()` (which reads `file`) computed again only after the file's bytes changed. The value is
 * shared between calls: callers hand out copies of what they return, not the value itself. The bytes
 * are read before `derive()` runs, so a file replaced while it reads is read again next time.
 */
export function whileUnchanged<T>(file: string, derive: () => T): () => T {
  let held: { bytes: Buffer; value: T } | undefined;
  return () => {
    const bytes = fileBytes(file);
    if (bytes !== undefined && held?.bytes.equals(bytes)) return held.value;
    const value = derive();
    held = bytes === undefined ? undefined : { bytes, value };
    return value;
  };
}
