import { useCallback } from 'react';
import { api } from '../../api.ts';
import { useLoadedList, type NamedList } from '../../use-loaded-list.ts';
import { activityRows, type ActivityRow } from './activity-view.ts';

export type ActivityState = NamedList<'rows', ActivityRow>;

/** The access log and the runs and servers active now, read again whenever the log grows (here or in another process). */
export function useActivity(): ActivityState {
  const load = useCallback(async () => {
    const result = await api.activity.list({});
    return result.ok ? { ok: true as const, value: activityRows(result.value) } : result;
  }, []);
  const { items: rows, ...list } = useLoadedList(load, { reloadOn: ['activity.changed'] });
  return { rows, ...list };
}
