import {
  activityActionLabels,
  activityKinds,
  activityRecipientText as recipientText,
  activityThroughText as through,
  type ActiveSession,
} from '../../../shared/activity.ts';
import { AppError } from '../../../shared/errors.ts';
import { stringOption, type CommandDef } from '../command.ts';
import { printJson, table } from '../format.ts';

const units = { s: 1_000, m: 60_000, h: 3_600_000, d: 86_400_000 } as const;

/** `--since`: a duration back from now (30m, 1h, 7d) or a time (2026-01-31T09:00:00Z); the ISO time the core takes. */
export function sinceTime(text: string, now = Date.now()): string {
  const duration = /^(\d{1,6})([smhd])$/.exec(text.trim());
  if (duration) return new Date(now - Number(duration[1]) * units[duration[2] as keyof typeof units]).toISOString();
  const time = Date.parse(text);
  if (/^\d{4}-\d{2}-\d{2}/.test(text.trim()) && !Number.isNaN(time)) return new Date(time).toISOString();
  throw new AppError('invalid_input', `--since takes a duration like 30m, 1h or 7d, or a time like 2026-01-31T09:00:00Z, not "${text}".`);
}

const clock = (iso: string) => iso.replace('T', ' ').replace(/\.\d+Z$/, 'Z');

function activeText(sessions: readonly ActiveSession[]): string {
  const rows = sessions.map((s) => [s.kind, clock(s.startedAt), s.start.what, recipientText(s.start.to)]);
  return `Active now:\n${table(['KIND', 'SINCE', 'WHAT', 'TO'], rows)}`;
}

export const logCommands: CommandDef[] = [
  {
    name: 'log',
    summary: 'the access log: every key and token handed out (revealed, copied, exported, printed, served), never its value',
    options: {
      since: { type: 'string', value: '1h|TIME', description: 'only since a duration ago (30m, 1h, 7d) or a time (2026-01-31T09:00:00Z)' },
      account: { type: 'string', value: 'NAME', description: 'only for this account (its name or id)' },
      identity: { type: 'string', value: 'ID', description: 'only through this Entra identity (its name or id)' },
      kind: { type: 'string', value: 'KIND', description: `only this kind: ${activityKinds.join(', ')}` },
      limit: { type: 'string', value: 'N', description: 'at most N entries, the newest (default 1000)' },
    },
    details:
      'Oldest first, the newest last; the runs and token servers active now come first. With --json: {entries (newest ' +
      'first), active}.\nThe log is access-log.jsonl in the data folder (one JSON line an entry), rotated at 1 MB with one ' +
      'older file kept.\nExamples: azcred log --since 1h\n          azcred log --account Showroom --json',
    async run(context) {
      const since = stringOption(context, 'since');
      const kind = stringOption(context, 'kind');
      const limitText = stringOption(context, 'limit');
      const limit = limitText === undefined ? undefined : Number(limitText);
      if (limit !== undefined && !(Number.isInteger(limit) && limit >= 1 && limit <= 10_000))
        throw new AppError('invalid_input', '--limit takes a whole number from 1 to 10000.');
      if (kind !== undefined && !(activityKinds as readonly string[]).includes(kind))
        throw new AppError('invalid_input', `--kind takes one of ${activityKinds.join(', ')}.`);
      const account = stringOption(context, 'account');
      const identity = stringOption(context, 'identity');
      const list = await context.call('activity.list', {
        ...(since !== undefined && { since: sinceTime(since) }),
        ...(limit !== undefined && { limit }),
        ...(account !== undefined && { account }),
        ...(identity !== undefined && { identity }),
        ...(kind !== undefined && { kind: kind as (typeof activityKinds)[number] }),
      });
      if (context.json) return context.io.out(printJson(list));
      const parts: string[] = [];
      if (list.active.length > 0) parts.push(activeText(list.active));
      if (list.entries.length === 0) {
        const filtered = since !== undefined || account !== undefined || identity !== undefined || kind !== undefined;
        parts.push(filtered ? 'Nothing handed out matches.' : 'Nothing handed out yet.');
      } else {
        const rows = [...list.entries]
          .reverse()
          .map((e) => [clock(e.time), activityActionLabels[e.action], e.what, through(e), recipientText(e.to)]);
        parts.push(table(['TIME', 'ACTION', 'WHAT', 'THROUGH', 'TO'], rows, { width: context.io.columns }));
      }
      context.io.out(parts.join('\n\n'));
    },
  },
];
