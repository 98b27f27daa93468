import type { MethodName } from '../shared/contract.ts';
import type { Result } from '../shared/result.ts';
import { sectionFromHash } from './section-from-hash.ts';
import { transport } from './transport.ts';

/**
 * The calls the first screen makes, sent as soon as the page's script starts (main.tsx imports
 * this module first, and it imports nothing heavy), instead of after React's first render: the
 * answers then arrive while React and Fluent are still starting, and the first render can already
 * show them instead of a spinner and a second render (npm run bench, navigation). Each answer is
 * handed once to the first caller of the same method, and only while it is fresh.
 */
const freshMs = 5_000;
/** A call sent at start-up: when, its promise, and its answer once it has come. */
interface SentCall {
  at: number;
  result: Promise<Result<unknown>>;
  answer?: Result<unknown>;
}
const sent = new Map<MethodName, SentCall>();

function send(method: MethodName): void {
  const call: SentCall = { at: performance.now(), result: transport(method, undefined) };
  void call.result.then((answer) => (call.answer = answer));
  sent.set(method, call);
}

/**
 * Resolves when every call sent at start-up has its answer, or after `maxWaitMs`: rendering after
 * it lets the first render show the answers instead of a spinner (a second render of the whole
 * window is what the wait saves), without holding a slow host's page blank for long.
 */
export function firstAnswersIn(maxWaitMs: number): Promise<void> {
  const all = Promise.allSettled([...sent.values()].map((call) => call.result.then(() => undefined)));
  return Promise.race([all.then(() => undefined), new Promise<void>((resolve) => setTimeout(resolve, maxWaitMs))]);
}

/** The answer to a call sent at start-up if it has arrived and is fresh, taken once (a hook's initial state); otherwise undefined. */
export function firstAnswer<T>(method: MethodName): Result<T> | undefined {
  const first = sent.get(method);
  if (!first?.answer || performance.now() - first.at >= freshMs) return undefined;
  sent.delete(method);
  return first.answer as Result<T>;
}

/** The answer to a call sent at start-up, once, if it is still fresh; otherwise undefined and the caller sends its own. */
export function takeFirstCall(method: MethodName, input: unknown): Promise<Result<unknown>> | undefined {
  const first = sent.get(method);
  if (!first || input !== undefined) return undefined;
  sent.delete(method);
  return performance.now() - first.at < freshMs ? first.result : undefined;
}

// What every page's shell asks for, and what the Accounts page (the default one) lists.
for (const method of ['settings.get', 'vault.status', 'app.info'] as const) send(method);
if (sectionFromHash(window.location.hash) === 'accounts') for (const method of ['accounts.list', 'clouds.list'] as const) send(method);
