import { randomBytes } from 'node:crypto';
import { closeSync, constants, existsSync, fsyncSync, linkSync, mkdirSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
import path from 'node:path';
import type { z } from 'zod';
import { writeFileAtomic } from './atomic-write.ts';

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
  await writeFileAtomic(
    file,
    Buffer.from(`${JSON.stringify(value, null, 2)}\n`),
    options.backup === false ? {} : { backup: `${file}.bak` },
  );
}

/**
 * Reads `file` as a JSON object, synchronously (settings and cloud profiles are read on every
 * token call); undefined when it does not exist. Text that is not a JSON object throws `damaged()`
 * rather than being read as empty and overwritten.
 */
export function readJsonObject(file: string, damaged: () => Error): Record<string, unknown> | undefined {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
  const value = parseOrUndefined(text);
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw damaged();
  return value as Record<string, unknown>;
}

/**
 * Creates `file` holding `value` (mode 0600) unless it exists, never replacing it: a whole temp
 * file is hard-linked into place, which fails when the name is taken, so no reader sees half a
 * file and no writer's change is overwritten. Creates the folder (0700) if needed.
 */
export function createJsonFileIfAbsent(file: string, value: unknown): void {
  if (existsSync(file)) return;
  mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
  const temp = `${file}.tmp-${process.pid}-${randomBytes(6).toString('hex')}`;
  const fd = openSync(temp, constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL, 0o600);
  try {
    writeSync(fd, `${JSON.stringify(value, null, 2)}\n`);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  try {
    linkSync(temp, file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  } finally {
    rmSync(temp, { force: true });
  }
}

function parseOrUndefined(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}
