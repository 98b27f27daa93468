import { useSyncExternalStore } from 'react';

/**
 * One clock for the whole Tokens page: a single 1-second interval, running only while something
 * listens. Countdowns and status badges subscribe to it, so a thousand tokens cost one timer, and
 * only the rows on screen (the list is virtual) re-render each second.
 */

const listeners = new Set<(now: number) => void>();
let now = Date.now();
let timer: number | undefined;

function tick() {
  now = Date.now();
  for (const listener of listeners) listener(now);
}

/** Calls `listener` every second with the time; returns the unsubscribe. */
export function onTick(listener: (now: number) => void): () => void {
  listeners.add(listener);
  if (timer === undefined) {
    now = Date.now();
    timer = window.setInterval(tick, 1000);
  }
  return () => {
    listeners.delete(listener);
    if (listeners.size === 0 && timer !== undefined) {
      window.clearInterval(timer);
      timer = undefined;
    }
  };
}

const getNow = () => now;

/** The shared ticker's time, re-rendering the caller once a second. */
export function useTickingNow(): number {
  return useSyncExternalStore(onTick, getNow);
}
