/**
 * Calls to Azure that a caller can stop while they run (a retry waiting on Retry-After, a slow
 * service): the caller names the call with an operation id of its choosing and `tokens.cancel`
 * aborts it. Ids are forgotten when the call ends.
 */
export class TokenOperations {
  readonly #running = new Map<string, AbortController>();
  readonly #all = new AbortController();

  /** Runs `work` with a signal that aborts on `cancel(operationId)` or on close. */
  async run<T>(operationId: string | undefined, work: (signal: AbortSignal) => Promise<T>): Promise<T> {
    const controller = new AbortController();
    if (operationId) {
      this.#running.get(operationId)?.abort();
      this.#running.set(operationId, controller);
    }
    try {
      return await work(AbortSignal.any([controller.signal, this.#all.signal]));
    } finally {
      if (operationId && this.#running.get(operationId) === controller) this.#running.delete(operationId);
    }
  }

  /** Stops the call; false when no call with that id is running (it ended already). */
  cancel(operationId: string): boolean {
    const controller = this.#running.get(operationId);
    controller?.abort();
    return controller !== undefined;
  }

  close(): void {
    this.#all.abort();
  }
}
