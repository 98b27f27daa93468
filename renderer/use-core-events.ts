import { useEffect, useRef } from 'react';
import type { CoreEvent, CoreEventType } from '../shared/events.ts';
import { subscribeToEvents } from './transport.ts';

/** Calls `listener` with each event the core announces, while the component is mounted. */
export function useCoreEvents(listener: (event: CoreEvent) => void): void {
  const latest = useRef(listener);
  latest.current = listener;
  useEffect(() => subscribeToEvents((event) => latest.current(event)), []);
}

/**
 * Calls `reload` when the core announces one of `types`: the page shows what changed, wherever it
 * changed (another window, the CLI, an auto-refresh), without asking again on a timer. Events in a
 * burst cost one reload under way and at most one after it.
 */
export function useReloadOn(types: readonly CoreEventType[], reload: () => Promise<void>): void {
  const latest = useRef(reload);
  latest.current = reload;
  const wanted = types.join(' ');
  useEffect(() => {
    let running = false;
    let again = false;
    const run = () => {
      if (running) return void (again = true);
      running = true;
      void latest
        .current()
        .catch(() => undefined)
        .finally(() => {
          running = false;
          if (again) {
            again = false;
            run();
          }
        });
    };
    const names = new Set(wanted.split(' '));
    return subscribeToEvents((event) => names.has(event.type) && run());
  }, [wanted]);
}
