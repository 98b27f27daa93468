import { z } from 'zod';
import { method } from './method.ts';

/**
 * The access log: one entry for every credential handed out (a key revealed, copied or exported, a
 * token printed by the CLI, served to a program under `azcred run` or by `azcred serve`), with when,
 * what, to whom and through which identity or key. Never the value: the entry names the credential,
 * it does not hold it. Kept in the data folder as JSON lines, rotated by size (platform/access-log.ts).
 */

/** How the credential left: shown on screen, put on a clipboard, written to a file, printed to stdout, or served to a program. */
export const activityActions = [
  'reveal',
  'copy',
  'export',
  'print',
  'serve',
  'run-start',
  'run-end',
  'server-start',
  'server-end',
] as const;
export type ActivityAction = (typeof activityActions)[number];

/** What kind of credential: an account's key or connection string, a token, or (for run and serve) the session itself. */
export const activityKinds = [
  'account-key',
  'connection-string',
  'arr-sts',
  'acs-user',
  'entra',
  'identity-endpoint',
  'acs-token-server',
] as const;
export type ActivityKind = (typeof activityKinds)[number];

/** Which front door handed it out, and to what: the app's window, or a CLI command line and its process id. */
export const activityRecipientSchema = z
  .object({
    front: z.enum(['electron', 'browser', 'cli', 'test']),
    /** The CLI's command line without its arguments' values that could be secret (azcred never takes a secret as an argument). */
    command: z.string().max(500).optional(),
    pid: z.number().int().nonnegative(),
    /** For a token served to a program: the program's command line under `azcred run`, or the origin that asked `azcred serve`. */
    program: z.string().max(500).optional(),
  })
  .strict();
export type ActivityRecipient = z.infer<typeof activityRecipientSchema>;

export const activityEntryInputSchema = z
  .object({
    action: z.enum(activityActions),
    kind: z.enum(activityKinds),
    /** Words a person reads: "primary key of Showroom", "Entra token for https://management.azure.com". Never a secret. */
    what: z.string().min(1).max(300),
    /** The account's id and name, when an account's key or a token minted with it. */
    account: z.object({ id: z.string(), name: z.string() }).strict().optional(),
    /** The identity's id and name, when a token came through an Entra identity. */
    identity: z.object({ id: z.string(), name: z.string() }).strict().optional(),
    /** The resource or scope a token is for. */
    resource: z.string().max(500).optional(),
    /** The kept token's id, when one was handed out. */
    tokenId: z.string().optional(),
    /** For run and serve: the session's id, so its start, what it served and its end read together. */
    sessionId: z.string().optional(),
  })
  .strict();
export type ActivityEntryInput = z.infer<typeof activityEntryInputSchema>;

export const activityEntrySchema = activityEntryInputSchema
  .extend({
    id: z.string(),
    time: z.string(),
    to: activityRecipientSchema,
  })
  .strict();
export type ActivityEntry = z.infer<typeof activityEntrySchema>;

/** What a reveal is for, so the log says how the value left: shown on screen (the default), put on a clipboard by the page, or printed by the CLI. */
export const revealPurposeSchema = z.enum(['copy', 'print'], { message: 'A reveal is for copy or print, or omitted to show it' });
export type RevealPurpose = z.infer<typeof revealPurposeSchema>;

const nameOrId = z.string().trim().min(1, 'Give a name or id').max(200, 'At most 200 characters');

/** `activity.list`: the newest entries first, at most `limit`, optionally only since a time and only for one account, identity or kind. */
export const activityListSchema = z
  .object({
    since: z.iso.datetime({ offset: true, message: 'A time like 2026-01-31T09:00:00Z' }).optional(),
    limit: z.number().int().min(1).max(10_000).default(1000),
    /** An account's id or name (case-insensitive). */
    account: nameOrId.optional(),
    /** An identity's id or name (case-insensitive). */
    identity: nameOrId.optional(),
    kind: z.enum(activityKinds, { message: `Choose one of ${activityKinds.join(', ')}` }).optional(),
  })
  .strict()
  .optional()
  .transform((input) => input ?? { limit: 1000 });
export type ActivityListInput = z.output<typeof activityListSchema>;

/** A run or token server that has started and not ended, whose process is still alive. */
export interface ActiveSession {
  /** The session's id (the start entry's sessionId, or the entry's id when it has none). */
  id: string;
  kind: 'run' | 'server';
  startedAt: string;
  /** The start entry: what it serves, through which identity or key, the command line and pid. */
  start: ActivityEntry;
}

export interface ActivityList {
  /** Newest first. */
  entries: ActivityEntry[];
  /** The runs and servers active now (not filtered by `since` or `limit`; filtered by account, identity and kind). */
  active: ActiveSession[];
}

/** The contract's methods for the access log (shared/contract.ts joins every domain's). */
export const activityMethods = {
  /** The access log: every credential handed out (never a value), and the runs and servers active now. */
  'activity.list': method<typeof activityListSchema, ActivityList>(activityListSchema),
} as const;

/** One line a person reads for an action: "revealed", "copied", "printed"… */
export const activityActionLabels: Record<ActivityAction, string> = {
  reveal: 'Revealed',
  copy: 'Copied',
  export: 'Exported',
  print: 'Printed',
  serve: 'Served',
  'run-start': 'Run started',
  'run-end': 'Run ended',
  'server-start': 'Server started',
  'server-end': 'Server stopped',
};

export const activityKindLabels: Record<ActivityKind, string> = {
  'account-key': 'Account key',
  'connection-string': 'Connection string',
  'arr-sts': 'ARR token',
  'acs-user': 'ACS user token',
  entra: 'Entra token',
  'identity-endpoint': 'Identity endpoint',
  'acs-token-server': 'ACS token server',
};

/** To whom, in words: the app's window, or the CLI's command line and pid, and the program a run or server served. */
export function activityRecipientText(to: ActivityRecipient): string {
  const door =
    to.front === 'cli'
      ? (to.command ?? 'azcred')
      : to.front === 'electron'
        ? 'the app'
        : to.front === 'browser'
          ? 'the app in a browser'
          : 'a test';
  return `${door} (pid ${to.pid})${to.program ? ` for ${to.program}` : ''}`;
}

/** Through which account or identity, in words: "Showroom", "as build-agent", "Chat as Alex"; "-" when neither. */
export function activityThroughText(entry: Pick<ActivityEntry, 'account' | 'identity'>): string {
  return [entry.account?.name, entry.identity ? `as ${entry.identity.name}` : undefined].filter(Boolean).join(' ') || '-';
}
