/**
 * Time as the token registry sees it: what time it is, and a way to be called back later. Tests
 * pass a manual clock so expiry and auto-refresh can be checked without waiting.
 */
export interface Clock {
  now(): number;
  /** Calls `callback` after `ms`; the timer never keeps the process alive. */
  setTimer(callback: () => void, ms: number): TimerHandle;
  clearTimer(handle: TimerHandle): void;
}

export type TimerHandle = { readonly id: unknown };

export const systemClock: Clock = {
  now: () => Date.now(),
  setTimer(callback, ms) {
    // setTimeout fires at once for delays beyond 2^31-1 ms; tokens live at most a day, so clamping is safe.
    const timer = setTimeout(callback, Math.min(Math.max(0, ms), 2 ** 31 - 1));
    timer.unref();
    return { id: timer };
  },
  clearTimer(handle) {
    clearTimeout(handle.id as NodeJS.Timeout);
  },
};
