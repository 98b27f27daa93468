import { describe, expect, it } from 'vitest';
import { retryAfterMs } from './azure-http.ts';
import { backoff, defaultRetryPolicy, TransientFailure, withAzureRetry, type RetryRuntime } from './azure-retry.ts';

/** A runtime whose waits are recorded and take no time, and whose jitter is fixed. */
function recordingRuntime(overrides: Partial<RetryRuntime['policy']> = {}, random = 0.5): RetryRuntime & { waits: number[] } {
  const waits: number[] = [];
  return {
    waits,
    policy: { ...defaultRetryPolicy, ...overrides },
    random: () => random,
    sleep: async (ms, signal) => {
      waits.push(ms);
      if (signal?.aborted) throw new Error('aborted');
    },
  };
}

/** An attempt that fails with each of `failures` in turn, then returns 'done'. */
function failing(...failures: unknown[]) {
  let calls = 0;
  const attempt = async () => {
    const failure = failures[calls++];
    if (failure) throw failure;
    return 'done';
  };
  return { attempt, calls: () => calls };
}

const call = { service: 'the Mixed Reality STS' };

describe('the Azure retry policy', () => {
  it('waits as Retry-After says after a 429, then succeeds', async () => {
    const runtime = recordingRuntime();
    const { attempt, calls } = failing(new TransientFailure('throttled', { status: 429, retryAfterMs: 5000 }));
    await expect(withAzureRetry(attempt, call, runtime)).resolves.toBe('done');
    expect(runtime.waits).toEqual([5000]);
    expect(calls()).toBe(2);
  });

  it('backs off exponentially with jitter after 5xx, at most three tries, then says what to do', async () => {
    const runtime = recordingRuntime({ baseDelayMs: 1000 }, 1);
    const unavailable = () => new TransientFailure('unavailable', { status: 503 });
    const { attempt, calls } = failing(unavailable(), unavailable(), unavailable(), unavailable());
    const error = await withAzureRetry(attempt, call, runtime).catch((e: unknown) => e);
    expect(error).toMatchObject({
      code: 'azure_unavailable',
      message: expect.stringContaining('The Mixed Reality STS failed with HTTP 503 on each of 3 tries'),
    });
    expect(calls()).toBe(3);
    expect(runtime.waits).toEqual([1000, 2000]);
    expect(backoff(1, { policy: defaultRetryPolicy, random: () => 0 })).toBe(500);
    expect(backoff(10, { policy: defaultRetryPolicy, random: () => 1 })).toBe(defaultRetryPolicy.maxDelayMs);
  });

  it('refuses to wait longer than the cap, and says how long Azure asked for', async () => {
    const runtime = recordingRuntime({ maxRetryAfterMs: 30_000 });
    const { attempt, calls } = failing(new TransientFailure('throttled', { status: 429, retryAfterMs: 120_000 }));
    await expect(withAzureRetry(attempt, call, runtime)).rejects.toMatchObject({
      code: 'azure_throttled',
      message: expect.stringMatching(/asked to wait 120 s, longer than the 30 s this app waits/),
    });
    expect(calls()).toBe(1);
    expect(runtime.waits).toEqual([]);
  });

  it('ends a run of 429s as azure_throttled', async () => {
    const throttled = () => new TransientFailure('throttled', { status: 429 });
    const { attempt } = failing(throttled(), throttled(), throttled());
    await expect(withAzureRetry(attempt, call, recordingRuntime())).rejects.toMatchObject({
      code: 'azure_throttled',
      message: expect.stringContaining('after 3 tries'),
    });
  });

  it('gives each try its own timeout and retries a try that ran out', async () => {
    let calls = 0;
    const attempt = (signal: AbortSignal) =>
      new Promise<string>((resolve, reject) => {
        if (++calls === 2) return resolve('second');
        signal.addEventListener('abort', () => reject(signal.reason as Error));
      });
    await expect(withAzureRetry(attempt, call, recordingRuntime({ timeoutMs: 50 }))).resolves.toBe('second');
    calls = 10;
    await expect(withAzureRetry(attempt, call, recordingRuntime({ timeoutMs: 20 }))).rejects.toMatchObject({
      code: 'azure_unavailable',
      message: expect.stringContaining('did not answer within 0 s'),
    });
  });

  it('stops when cancelled during a try, and during a wait', async () => {
    const controller = new AbortController();
    const hanging = (signal: AbortSignal) =>
      new Promise<string>((_, reject) => signal.addEventListener('abort', () => reject(new Error('aborted'))));
    setTimeout(() => controller.abort(), 20);
    await expect(withAzureRetry(hanging, { ...call, signal: controller.signal }, recordingRuntime())).rejects.toMatchObject({
      code: 'cancelled',
      message: expect.stringContaining('Mixed Reality STS'),
    });

    const waiting = new AbortController();
    const runtime: RetryRuntime = {
      ...recordingRuntime(),
      sleep: (_ms, signal) => new Promise((_resolve, reject) => signal?.addEventListener('abort', () => reject(new Error('aborted')))),
    };
    const { attempt, calls } = failing(new TransientFailure('unavailable', { status: 503 }));
    setTimeout(() => waiting.abort(), 20);
    await expect(withAzureRetry(attempt, { ...call, signal: waiting.signal }, runtime)).rejects.toMatchObject({ code: 'cancelled' });
    expect(calls()).toBe(1);
  });

  it('passes other failures through untouched, without retrying', async () => {
    const { attempt, calls } = failing(Object.assign(new Error('nope'), { code: 'azure_unauthorized' }));
    await expect(withAzureRetry(attempt, call, recordingRuntime())).rejects.toMatchObject({ message: 'nope' });
    expect(calls()).toBe(1);
  });

  it('reads Retry-After in seconds, as an HTTP date, and the millisecond headers', () => {
    const headers = (values: Record<string, string>) => (name: string) => values[name];
    expect(retryAfterMs(headers({ 'retry-after': '5' }))).toBe(5000);
    expect(retryAfterMs(headers({ 'retry-after': 'Wed, 13 Apr 2022 18:09:12 GMT' }), Date.parse('Wed, 13 Apr 2022 18:09:02 GMT'))).toBe(
      10_000,
    );
    expect(retryAfterMs(headers({ 'retry-after-ms': '250', 'retry-after': '5' }))).toBe(250);
    expect(retryAfterMs(headers({}))).toBeUndefined();
    expect(retryAfterMs(headers({ 'retry-after': 'soon' }))).toBeUndefined();
  });
});
