import { randomUUID } from 'node:crypto';
import { AppError } from '../../../shared/errors.ts';
import type { IdentityView, SignInProgress } from '../../../shared/identities.ts';

/**
 * Sign-ins under way. Starting one returns at once (with the URL or the device code); the front
 * door then waits for it in calls short enough for HTTP (long polling), and may cancel it. A
 * finished sign-in is kept a few minutes so a late wait still gets its outcome.
 */

interface Operation {
  outcome: Promise<IdentityView>;
  settled: { identity: IdentityView } | { error: unknown } | undefined;
  cancel(): void;
}

const keepFinishedMs = 10 * 60_000;

export class SignInOperations {
  readonly #operations = new Map<string, Operation>();

  add(outcome: Promise<IdentityView>, cancel: () => void): string {
    const id = randomUUID();
    const operation: Operation = { outcome, settled: undefined, cancel };
    this.#operations.set(id, operation);
    outcome.then(
      (identity) => (operation.settled = { identity }),
      (error: unknown) => (operation.settled = { error }),
    );
    void outcome.catch(() => undefined).then(() => setTimeout(() => this.#operations.delete(id), keepFinishedMs).unref());
    return id;
  }

  /** Waits up to `waitMs` for the sign-in; `pending` if it is still under way. A failed sign-in throws its error. */
  async wait(id: string, waitMs: number): Promise<SignInProgress> {
    const operation = this.#get(id);
    if (!operation.settled && waitMs > 0) {
      let timer: NodeJS.Timeout | undefined;
      await Promise.race([operation.outcome.catch(() => undefined), new Promise((resolve) => (timer = setTimeout(resolve, waitMs)))]);
      clearTimeout(timer);
    }
    const settled = operation.settled;
    if (!settled) return { state: 'pending' };
    if ('error' in settled) throw settled.error;
    return { state: 'done', identity: settled.identity };
  }

  cancel(id: string): void {
    this.#get(id).cancel();
  }

  cancelAll(): void {
    for (const operation of this.#operations.values()) if (!operation.settled) operation.cancel();
  }

  #get(id: string): Operation {
    const operation = this.#operations.get(id);
    if (!operation) throw new AppError('not_found', 'That sign-in is no longer under way. Start it again.');
    return operation;
  }
}
