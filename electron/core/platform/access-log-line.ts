import { appendFileSync, statSync } from 'node:fs';
import path from 'node:path';
import type { ActivityEntry, ActivityEntryInput, ActivityRecipient } from '../../../shared/activity.ts';
import { accessLogFileName } from './data-folder-layout.ts';

/**
 * One access log line, as every writer writes it: the AccessLog of the app and full CLI, and the
 * CLI's cached-token path, which must not load zod or the stores (so this file imports neither).
 */

/** Past this size the log is moved aside as `access-log.1.jsonl` (one generation kept) and a new one begun. */
export const accessLogMaxBytes = 1024 * 1024;

/**
 * Text that looks like a credential: a JWT, a connection string's key, a long base64 run. An entry
 * names a credential and never holds one; a caller that passes a value by mistake is refused, so
 * the mistake fails a test instead of reaching the disk.
 */
const secretShapes = [/eyJ[\w-]{10,}\.[\w-]{10,}/, /accesskey=/i, /[A-Za-z0-9+/]{40,}={0,2}/];

export function looksSecret(text: string): boolean {
  return secretShapes.some((shape) => shape.test(text));
}

/** The entry with its fields in one order, whoever writes it, so the lines of two writers read alike. */
export function accessLogEntry(input: ActivityEntryInput, id: string, time: string, to: ActivityRecipient): ActivityEntry {
  const { action, kind, what, account, identity, resource, tokenId, sessionId } = input;
  return {
    action,
    kind,
    what,
    ...(account && { account: { id: account.id, name: account.name } }),
    ...(identity && { identity: { id: identity.id, name: identity.name } }),
    ...(resource !== undefined && { resource }),
    ...(tokenId !== undefined && { tokenId }),
    ...(sessionId !== undefined && { sessionId }),
    id,
    time,
    to: {
      front: to.front,
      ...(to.command !== undefined && { command: to.command }),
      pid: to.pid,
      ...(to.program !== undefined && { program: to.program }),
    },
  };
}

/**
 * The CLI's quick path: appends one line when the log has room, and says whether it did. A full log
 * is left to the full CLI, which rotates it under the metadata lock; a secret-shaped line is refused.
 */
export function appendAccessLogLineIfRoom(dataFolder: string, entry: ActivityEntry): boolean {
  const line = JSON.stringify(entry);
  if (looksSecret(line)) return false;
  const file = path.join(dataFolder, accessLogFileName);
  let size = 0;
  try {
    size = statSync(file).size;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') return false;
  }
  if (size >= accessLogMaxBytes) return false;
  appendFileSync(file, `${line}\n`, { mode: 0o600, flag: 'a' });
  return true;
}
