import { setTimeout as sleepFor } from 'node:timers/promises';
import { AppError } from '../../../shared/errors.ts';

/**
 * One retry policy for every call the token features make to Azure (the STS, the ARR session
 * API, ACS): 429 waits as `Retry-After` says (up to a cap), 5xx, timeouts and dropped connections
 * retry with jittered exponential backoff, at most `tries` tries in all, and the caller's
 * AbortSignal stops it at any point. Each try has its own timeout.
 */

export interface RetryPolicy {
  /** Tries in all, the first one included. */
  tries: number;
  /** How long one request may take. */
  timeoutMs: number;
  /** The longest `Retry-After` honoured; a longer one ends the call with a message saying when to retry. */
  maxRetryAfterMs: number;
  /** First backoff delay; it doubles on each retry, up to `maxDelayMs`, with jitter. */
  baseDelayMs: number;
  maxDelayMs: number;
}

export const defaultRetryPolicy: RetryPolicy = {
  tries: 3,
  timeoutMs: 30_000,
  maxRetryAfterMs: 30_000,
  baseDelayMs: 1_000,
  maxDelayMs: 8_000,
};

/** The policy plus what tests replace: how to wait and where jitter comes from. */
export interface RetryRuntime {
  policy: RetryPolicy;
  /** Waits `ms`; rejects when `signal` aborts. */
  sleep: (ms: number, signal?: AbortSignal) => Promise<void>;
  random: () => number;
}

export const defaultRetryRuntime: RetryRuntime = {
  policy: defaultRetryPolicy,
  sleep: async (ms, signal) => {
    await sleepFor(ms, undefined, signal ? { signal } : {});
  },
  random: Math.random,
};

/** What a test may replace: some of the policy's numbers, the wait, the jitter. */
export type RetryOverrides = Partial<Omit<RetryRuntime, 'policy'>> & { policy?: Partial<RetryPolicy> };

/** The runtime every Azure call of one core shares: the defaults with a test's overrides laid over them. */
export function retryRuntime(overrides: RetryOverrides = {}): RetryRuntime {
  return { ...defaultRetryRuntime, ...overrides, policy: { ...defaultRetryPolicy, ...overrides.policy } };
}

export type TransientKind = 'throttled' | 'unavailable' | 'timeout' | 'connection';

/** A failure worth another try. Anything else an attempt throws ends the call as it is. */
export class TransientFailure extends Error {
  readonly kind: TransientKind;
  readonly status: number | undefined;
  readonly retryAfterMs: number | undefined;

  constructor(kind: TransientKind, options: { status?: number; retryAfterMs?: number | undefined } = {}) {
    super(`transient ${kind}${options.status ? ` (HTTP ${options.status})` : ''}`);
    this.name = 'TransientFailure';
    this.kind = kind;
    this.status = options.status;
    this.retryAfterMs = options.retryAfterMs;
  }
}

export interface RetryCall {
  /** The service in words, for messages: "the Mixed Reality STS", "Communication Services (contoso-acs)". */
  service: string;
  /** The caller's cancel. */
  signal?: AbortSignal | undefined;
}

/** Runs `attempt` under the policy; `attempt` gets a signal that aborts on cancel or on the try's timeout. */
export async function withAzureRetry<T>(
  attempt: (signal: AbortSignal) => Promise<T>,
  call: RetryCall,
  runtime: RetryRuntime = defaultRetryRuntime,
): Promise<T> {
  const { policy } = runtime;
  for (let tryNumber = 1; ; tryNumber++) {
    if (call.signal?.aborted) throw cancelled(call.service);
    const attemptAbort = new AbortController();
    let timedOut = false;
    // One controller per try, aborted by a timer or the caller's signal, not AbortSignal.any with
    // AbortSignal.timeout: that pair cost each call about 0.1 ms (npm run bench, minting).
    const timer = setTimeout(() => {
      timedOut = true;
      attemptAbort.abort(new DOMException('The try timed out.', 'TimeoutError'));
    }, policy.timeoutMs);
    timer.unref();
    const onCancel = () => attemptAbort.abort(call.signal?.reason);
    call.signal?.addEventListener('abort', onCancel, { once: true });
    let failure: TransientFailure;
    try {
      return await attempt(attemptAbort.signal);
    } catch (error) {
      if (call.signal?.aborted) throw cancelled(call.service);
      if (timedOut) failure = new TransientFailure('timeout');
      else if (error instanceof TransientFailure) failure = error;
      else throw error;
    } finally {
      clearTimeout(timer);
      call.signal?.removeEventListener('abort', onCancel);
    }
    if (tryNumber >= policy.tries) throw exhausted(failure, call.service, policy);
    const wait = failure.kind === 'throttled' && failure.retryAfterMs !== undefined ? failure.retryAfterMs : backoff(tryNumber, runtime);
    if (wait > policy.maxRetryAfterMs) throw waitTooLong(wait, call.service, policy);
    try {
      await runtime.sleep(wait, call.signal);
    } catch {
      throw cancelled(call.service);
    }
  }
}

/** Exponential backoff with equal jitter: half the delay fixed, half random. */
export function backoff(tryNumber: number, runtime: Pick<RetryRuntime, 'policy' | 'random'>): number {
  const ceiling = Math.min(runtime.policy.maxDelayMs, runtime.policy.baseDelayMs * 2 ** (tryNumber - 1));
  return Math.round(ceiling / 2 + (ceiling / 2) * runtime.random());
}

export function cancelled(service: string): AppError {
  return new AppError('cancelled', `Cancelled: the request to ${service} was stopped.`);
}

const seconds = (ms: number) => `${Math.round(ms / 100) / 10} s`;

function exhausted(failure: TransientFailure, service: string, policy: RetryPolicy): AppError {
  const tries = `${policy.tries} ${policy.tries === 1 ? 'try' : 'tries'}`;
  const onEach = policy.tries === 1 ? 'on its only try' : `on each of ${tries}`;
  switch (failure.kind) {
    case 'throttled':
      return new AppError(
        'azure_throttled',
        `${capitalise(service)} is throttling requests (HTTP 429) and still was after ${tries}. Wait a minute and try again; ` +
          `fewer requests at once help.`,
      );
    case 'unavailable':
      return new AppError(
        'azure_unavailable',
        `${capitalise(service)} failed with HTTP ${failure.status ?? '5xx'} ${onEach}. Azure may be having a problem: check ` +
          `https://azure.status.microsoft and try again in a few minutes.`,
      );
    case 'timeout':
      return new AppError(
        'azure_unavailable',
        `${capitalise(service)} did not answer within ${seconds(policy.timeoutMs)}, ${onEach}. Check the network (a proxy or ` +
          `VPN?) and try again.`,
      );
    case 'connection':
      return new AppError('network', `The connection to ${service} was dropped ${onEach}. Check the network connection and try again.`);
  }
}

function waitTooLong(waitMs: number, service: string, policy: RetryPolicy): AppError {
  return new AppError(
    'azure_throttled',
    `${capitalise(service)} is throttling requests (HTTP 429) and asked to wait ${seconds(waitMs)}, longer than the ` +
      `${seconds(policy.maxRetryAfterMs)} this app waits on its own. Try again after ` +
      `${new Date(Date.now() + waitMs).toLocaleTimeString('en-GB')}.`,
  );
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
