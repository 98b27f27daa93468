import { randomUUID } from 'node:crypto';
import { appendFile, readFile, rename, stat } from 'node:fs/promises';
import path from 'node:path';
import {
  activityEntryInputSchema,
  activityEntrySchema,
  type ActivityEntry,
  type ActivityEntryInput,
  type ActivityRecipient,
} from '../../../shared/activity.ts';
import { AppError } from '../../../shared/errors.ts';
import { accessLogEntry, accessLogMaxBytes, looksSecret } from './access-log-line.ts';
import { accessLogFileName } from './data-folder-layout.ts';
import { withMetadataLock } from './lock/metadata-lock.ts';

export interface AccessLogOptions {
  dataFolder: string;
  /** Who this process hands credentials to: its front door, and for the CLI the command line and pid. */
  recipient: ActivityRecipient;
  maxBytes?: number;
  now?: () => Date;
}

/**
 * The data folder's access log (`access-log.jsonl`, mode 0600): one JSON line per credential handed
 * out, appended with O_APPEND so the app and CLI processes can write at once without a lock (each
 * entry is one small write). Rotation takes the metadata lock so two processes never both rotate.
 */
export class AccessLog {
  readonly #file: string;
  readonly #rotated: string;
  readonly #dataFolder: string;
  readonly #recipient: ActivityRecipient;
  readonly #maxBytes: number;
  readonly #now: () => Date;

  constructor(options: AccessLogOptions) {
    this.#dataFolder = options.dataFolder;
    this.#file = path.join(options.dataFolder, accessLogFileName);
    this.#rotated = path.join(options.dataFolder, accessLogFileName.replace(/\.jsonl$/, '.1.jsonl'));
    this.#recipient = options.recipient;
    this.#maxBytes = options.maxBytes ?? accessLogMaxBytes;
    this.#now = options.now ?? (() => new Date());
  }

  /** Appends one entry; `to` adds to this process's recipient (the program a run or server serves). Returns the entry written. */
  async record(input: ActivityEntryInput, to: Partial<Pick<ActivityRecipient, 'program'>> = {}): Promise<ActivityEntry> {
    const parsed = activityEntryInputSchema.parse(input);
    const entry = accessLogEntry(parsed, randomUUID(), this.#now().toISOString(), { ...this.#recipient, ...to });
    const line = JSON.stringify(entry);
    if (looksSecret(line)) throw new AppError('internal', 'An access log entry looked like it held a secret, so it was not written.');
    await this.#rotateIfFull();
    await appendFile(this.#file, `${line}\n`, { mode: 0o600, flag: 'a' });
    return entry;
  }

  /** The entries, newest first, at most `limit`, only those at or after `since` when given. Damaged lines are skipped. */
  async list(options: { since?: Date; limit?: number } = {}): Promise<ActivityEntry[]> {
    const since = options.since?.getTime() ?? -Infinity;
    const entries: ActivityEntry[] = [];
    for (const file of [this.#rotated, this.#file]) {
      let text: string;
      try {
        text = await readFile(file, 'utf8');
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') continue;
        throw error;
      }
      for (const line of text.split('\n')) {
        if (!line) continue;
        const parsed = activityEntrySchema.safeParse(parseOrUndefined(line));
        if (parsed.success && Date.parse(parsed.data.time) >= since) entries.push(parsed.data);
      }
    }
    entries.reverse();
    return options.limit === undefined ? entries : entries.slice(0, options.limit);
  }

  async #rotateIfFull(): Promise<void> {
    if ((await sizeOf(this.#file)) < this.#maxBytes) return;
    await withMetadataLock(this.#dataFolder, async () => {
      if ((await sizeOf(this.#file)) >= this.#maxBytes) await rename(this.#file, this.#rotated);
    });
  }
}

async function sizeOf(file: string): Promise<number> {
  try {
    return (await stat(file)).size;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return 0;
    throw error;
  }
}

function parseOrUndefined(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
