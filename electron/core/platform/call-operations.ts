/**
 * The long calls a caller can stop while they run (a retry waiting on Retry-After, a slow service,
 * a sign-in waiting for the browser): the caller names the call with an operation id and
 * `calls.cancel` stops it. One registry for the whole core; ids are forgotten when the call ends.
 */
export class CallOperations {
  /** What `cancel(operationId)` stops: the calls running under that id and anything that joined them (a sign-in). */
  readonly #named = new Map<string, Set<{ cancel: () => void; signal?: AbortSignal | undefined }>>();
  /** Every call under way, named or not, so close() can stop them all. */
  readonly #all = new Set<AbortController>();
  #closed = false;

  /**
   * Runs `work` with a signal that aborts on `cancel(operationId)` or on close. One controller per
   * call, not `AbortSignal.any` with a signal that lives as long as the core: each such signal
   * stays tied to the long-lived one until it is collected, and made every token call about
   * 0.2-0.5 ms slower (npm run bench).
   */
  async run<T>(operationId: string | undefined, work: (signal: AbortSignal) => Promise<T>): Promise<T> {
    const controller = new AbortController();
    if (this.#closed) controller.abort();
    this.#all.add(controller);
    const untrack = operationId ? this.track(operationId, () => controller.abort(), controller.signal) : undefined;
    try {
      return await work(controller.signal);
    } finally {
      this.#all.delete(controller);
      untrack?.();
    }
  }

  /** Lets `cancel(operationId)` stop something that outlives one call (a sign-in the front door waits for in several). */
  track(operationId: string, cancel: () => void, signal?: AbortSignal): () => void {
    const cancels = this.#named.get(operationId) ?? new Set();
    const entry = { cancel, signal };
    cancels.add(entry);
    this.#named.set(operationId, cancels);
    return () => {
      cancels.delete(entry);
      if (cancels.size === 0 && this.#named.get(operationId) === cancels) this.#named.delete(operationId);
    };
  }

  /**
   * Stops what runs under that id; false when nothing does (it ended already). `self` is the
   * cancelling call's own signal: the call that names the id to cancel is not one it stops.
   */
  cancel(operationId: string, self?: AbortSignal): boolean {
    const others = [...(this.#named.get(operationId) ?? [])].filter((entry) => entry.signal === undefined || entry.signal !== self);
    for (const entry of others) entry.cancel();
    return others.length > 0;
  }

  close(): void {
    this.#closed = true;
    for (const controller of this.#all) controller.abort();
  }
}
