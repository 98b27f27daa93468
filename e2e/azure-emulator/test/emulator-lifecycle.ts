import { afterAll, beforeAll } from 'vitest';
import { startEmulator } from '../server.ts';
import type { RunningEmulator } from '../server.ts';
import { defaultScenario, userAccessToken } from './emulator-fixtures.ts';

/** A test file's emulator: set once the file's `beforeAll` has started it. */
export interface TestEmulator {
  emulator: RunningEmulator;
}

/**
 * Starts the default scenario's emulator (with `settings` over its own) before a test file's tests and closes it after them.
 * Hooks the file registers later run after this start and, as vitest stacks `afterAll`, before this close.
 */
export function useEmulator(settings: Record<string, number> = {}): TestEmulator {
  const running = {} as TestEmulator;
  beforeAll(async () => {
    running.emulator = await startEmulator({ scenario: defaultScenario(settings) });
  });
  afterAll(() => running.emulator?.close());
  return running;
}

export type GraphAnswer = { status: number; json: Record<string, unknown> };

/** A test file's emulator with a Graph token for each of `users` (key: a name for the test, value: the scenario user name). */
export interface GraphTestEmulator<Name extends string> extends TestEmulator {
  tokens: Record<Name, string>;
  /** Calls Graph v1.0 `path` with `token`, a JSON `body` when given; an empty answer reads as `{}`. */
  graph(token: string, method: string, path: string, body?: unknown): Promise<GraphAnswer>;
}

export const graphScope = 'https://graph.microsoft.com/.default';

export function useGraphEmulator<Name extends string>(users: Record<Name, string>): GraphTestEmulator<Name> {
  const running = useEmulator() as GraphTestEmulator<Name>;
  running.tokens = {} as Record<Name, string>;
  beforeAll(async () => {
    for (const [name, userName] of Object.entries(users) as [Name, string][])
      running.tokens[name] = await userAccessToken(running.emulator, userName, graphScope);
  });
  running.graph = async (token, method, path, body) => {
    const response = await fetch(`${running.emulator.urls.graph}/v1.0${path}`, {
      method,
      headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const text = await response.text();
    return { status: response.status, json: text ? (JSON.parse(text) as Record<string, unknown>) : {} };
  };
  return running;
}
