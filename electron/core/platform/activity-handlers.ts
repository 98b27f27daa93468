import type { ActiveSession, ActivityEntry, ActivityList, ActivityListInput } from '../../../shared/activity.ts';
import type { AccessLog } from './access-log.ts';
import type { HandlersFor, MethodsOf } from './call-context.ts';

/** The access log's contract method: what was handed out, to whom, and the runs and servers active now. */
export const activityHandlers = {
  'activity.list': ({ services }, input) => listActivity(services.activity, input),
} satisfies HandlersFor<MethodsOf<'activity'>, { activity: AccessLog }>;

/** Whether a process still runs: signal 0 checks without sending anything; EPERM is a live process of another user. */
export type IsAlive = (pid: number) => boolean;

export const processIsAlive: IsAlive = (pid) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
};

/** The entries the filters keep (newest first), and the runs and servers that started, have not ended and whose process lives. */
export async function listActivity(log: AccessLog, input: ActivityListInput, isAlive: IsAlive = processIsAlive): Promise<ActivityList> {
  const everything = await log.list();
  const kept = matches(input);
  const since = input.since === undefined ? -Infinity : Date.parse(input.since);
  const entries = everything.filter((entry) => kept(entry) && Date.parse(entry.time) >= since).slice(0, input.limit);
  return { entries, active: activeSessions(everything, isAlive).filter((session) => kept(session.start)) };
}

function matches({ account, identity, kind }: ActivityListInput): (entry: ActivityEntry) => boolean {
  const names = (wanted: string | undefined, who: { id: string; name: string } | undefined) =>
    wanted === undefined || (who !== undefined && (who.id === wanted || who.name.toLowerCase() === wanted.toLowerCase()));
  return (entry) => names(account, entry.account) && names(identity, entry.identity) && (kind === undefined || entry.kind === kind);
}

const starts = { 'run-start': 'run', 'server-start': 'server' } as const;
const ends = new Set(['run-end', 'server-end']);

/** From entries newest first: each start with no end of the same session, whose process is still alive, newest first. */
function activeSessions(entries: readonly ActivityEntry[], isAlive: IsAlive): ActiveSession[] {
  const ended = new Set(entries.filter((entry) => ends.has(entry.action) && entry.sessionId).map((entry) => entry.sessionId));
  const active: ActiveSession[] = [];
  for (const entry of entries) {
    if (entry.action !== 'run-start' && entry.action !== 'server-start') continue;
    const id = entry.sessionId ?? entry.id;
    if (ended.has(id) || !isAlive(entry.to.pid)) continue;
    active.push({ id, kind: starts[entry.action], startedAt: entry.time, start: entry });
  }
  return active;
}
