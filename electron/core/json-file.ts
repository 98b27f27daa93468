import { readFileSync } from 'node:fs';
import type { z } from 'zod';
import { writeFileAtomic } from './vault/atomic-write.ts';

/**
 * The data folder's small JSON files (accounts, identities, ACS identities, kept tokens, the
 * vault record): read and checked against a schema, written atomically with mode 0600 and the
 * previous version kept as `<file>.bak`.
 */

/**
 * Reads and validates `file`; undefined when it does not exist. A file that is not valid JSON or
 * does not match is never overwritten silently: `damaged()` names the error to throw.
 *
 * A file whose bytes are those this process last read with the same schema is not parsed or
 * validated again: every token call reads the account list, and checking it cost more than the
 * request itself (npm run bench). The caller gets its own copy, free to change.
 */
export async function readJsonFile<S extends z.ZodType>(file: string, schema: S, damaged: () => Error): Promise<z.output<S> | undefined> {
  let bytes: Buffer;
  try {
    // Synchronous: these files are small, and the read is cheaper than the thread-pool hop.
    bytes = readFileSync(file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
  const cached = readCache.get(schema)?.get(file);
  if (cached?.bytes.equals(bytes)) return JSON.parse(cached.json) as z.output<S>;
  const parsed = schema.safeParse(parseOrUndefined(bytes.toString('utf8')));
  if (!parsed.success) throw damaged();
  const files = readCache.get(schema) ?? new Map<string, { bytes: Buffer; json: string }>();
  readCache.set(schema, files.set(file, { bytes, json: JSON.stringify(parsed.data) }));
  return parsed.data;
}

/**
 * What each schema last made of each file, by the file's bytes, as JSON: the schemas here turn
 * JSON into plain JSON values, and parsing it back is the cheapest private copy for each caller.
 */
const readCache = new WeakMap<z.ZodType, Map<string, { bytes: Buffer; json: string }>>();

export async function writeJsonFile(file: string, value: unknown, options: { backup?: boolean } = {}): Promise<void> {
  await writeFileAtomic(file, Buffer.from(`${JSON.stringify(value, null, 2)}\n`), options.backup === false ? {} : { backup: `${file}.bak` });
}

function parseOrUndefined(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}
