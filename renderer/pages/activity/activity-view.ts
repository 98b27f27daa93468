import type { ActiveSession, ActivityEntry, ActivityKind, ActivityList } from '../../../shared/activity.ts';

/**
 * The Activity page's rows: the runs and servers active now, then the log's entries, newest first,
 * as one list the page loads (useLoadedList) and filters by account, identity and kind.
 */
export type ActivityRow = { id: string; active: true; session: ActiveSession } | { id: string; active: false; entry: ActivityEntry };

export function activityRows(list: ActivityList): ActivityRow[] {
  return [
    ...list.active.map((session) => ({ id: `active:${session.id}`, active: true as const, session })),
    ...list.entries.map((entry) => ({ id: entry.id, active: false as const, entry })),
  ];
}

/** What the page's filters hold: an account's or identity's id, a kind; undefined shows all. */
export interface ActivityFilter {
  accountId?: string | undefined;
  identityId?: string | undefined;
  kind?: ActivityKind | undefined;
}

export const entryOf = (row: ActivityRow): ActivityEntry => (row.active ? row.session.start : row.entry);

export function filterActivity(rows: readonly ActivityRow[], filter: ActivityFilter): ActivityRow[] {
  return rows.filter((row) => {
    const entry = entryOf(row);
    return (
      (!filter.accountId || entry.account?.id === filter.accountId) &&
      (!filter.identityId || entry.identity?.id === filter.identityId) &&
      (!filter.kind || entry.kind === filter.kind)
    );
  });
}

/** The accounts and identities the log names (by their latest name), each once, by name: what the filters offer. */
export function activityChoices(rows: readonly ActivityRow[]): {
  accounts: { value: string; text: string }[];
  identities: { value: string; text: string }[];
  kinds: ActivityKind[];
} {
  const accounts = new Map<string, string>();
  const identities = new Map<string, string>();
  const kinds = new Set<ActivityKind>();
  for (const row of rows) {
    const entry = entryOf(row);
    if (entry.account && !accounts.has(entry.account.id)) accounts.set(entry.account.id, entry.account.name);
    if (entry.identity && !identities.has(entry.identity.id)) identities.set(entry.identity.id, entry.identity.name);
    kinds.add(entry.kind);
  }
  const sorted = (names: Map<string, string>) =>
    [...names].map(([value, text]) => ({ value, text })).sort((a, b) => a.text.localeCompare(b.text));
  return { accounts: sorted(accounts), identities: sorted(identities), kinds: [...kinds].sort() };
}
