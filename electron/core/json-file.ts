import { promises as fs } from 'node:fs';
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
 */
export async function readJsonFile<S extends z.ZodType>(file: string, schema: S, damaged: () => Error): Promise<z.output<S> | undefined> {
  let text: string;
  try {
    text = await fs.readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
  const parsed = schema.safeParse(parseOrUndefined(text));
  if (!parsed.success) throw damaged();
  return parsed.data;
}

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
