import { useCallback, useEffect, useRef, useState } from 'react';
import type { MethodName } from '../shared/contract.ts';
import type { AppErrorShape } from '../shared/errors.ts';
import type { CoreEventType } from '../shared/events.ts';
import type { Result } from '../shared/result.ts';
import { firstAnswer } from './first-calls.ts';
import { useReloadOn } from './use-core-events.ts';

export interface LoadedList<T> {
  /** Undefined until the first list arrives; an empty list once a load failed with nothing shown yet. */
  items: T[] | undefined;
  loadError: AppErrorShape | undefined;
  reload(): Promise<void>;
  /** Puts added or changed items into the list (in place of those with the same id) without asking the core for all of them. */
  upsert(...changed: T[]): void;
  remove(id: string): void;
}

/** A loaded list whose items go by the name the page knows them by: `NamedList<'accounts', AccountView>` has `accounts`. */
export type NamedList<K extends string, T> = Omit<LoadedList<T>, 'items'> & Record<K, T[] | undefined>;

export interface LoadedListOptions<T> {
  /** The core's events after which the list is read again. */
  reloadOn: readonly CoreEventType[];
  /** The method sent at start-up (first-calls.ts) whose answer, if fresh, is the first list. */
  first?: MethodName;
  /** The list's order, kept through loads and upserts; without it, the core's order and upserts in place or at the end. */
  order?: (a: T, b: T) => number;
}

/**
 * A list the core holds, loaded on mount, whenever `load` changes (wrap it in useCallback) and when
 * the core announces one of `reloadOn`. A failed load keeps what was shown and says why.
 */
export function useLoadedList<T extends { id: string }>(
  load: () => Promise<Result<T[]>>,
  { reloadOn, first, order }: LoadedListOptions<T>,
): LoadedList<T> {
  const [initial] = useState(() => (first ? firstAnswer<T[]>(first) : undefined));
  const sorted = useCallback((list: readonly T[]) => (order ? [...list].sort(order) : [...list]), [order]);
  const [items, setItems] = useState(() => (initial?.ok ? sorted(initial.value) : undefined));
  const [loadError, setLoadError] = useState<AppErrorShape>();

  const reload = useCallback(async () => {
    const result = await load();
    if (result.ok) {
      setItems(sorted(result.value));
      setLoadError(undefined);
    } else {
      setLoadError(result.error);
      setItems((current) => current ?? []);
    }
  }, [load, sorted]);

  // A fresh start-up answer is the first list; every later `load` is asked.
  const answered = useRef(initial?.ok === true);
  useEffect(() => {
    if (answered.current) answered.current = false;
    else void reload();
  }, [reload]);
  useReloadOn(reloadOn, reload);

  const upsert = useCallback(
    (...changed: T[]) =>
      setItems((current = []) => {
        const byId = new Map(changed.map((item) => [item.id, item]));
        const kept = current.map((item) => byId.get(item.id) ?? item);
        const known = new Set(current.map((item) => item.id));
        return sorted([...kept, ...changed.filter((item) => !known.has(item.id))]);
      }),
    [sorted],
  );
  const remove = useCallback((id: string) => setItems((current = []) => current.filter((item) => item.id !== id)), []);

  return { items, loadError, reload, upsert, remove };
}
