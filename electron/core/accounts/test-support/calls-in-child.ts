import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import type { Result } from '../../../../shared/result.ts';

/** `node accounts-child.ts '<job>'`: a second app or CLI process on the same data folder. */
export const accountsChild = fileURLToPath(new URL('./accounts-child.ts', import.meta.url));
const run = promisify(execFile);

/** A call the child makes, by name, with its input as JSON carries it. */
export type ChildCall = { method: string; input?: unknown };

export interface ChildOutput {
  results: Result<unknown>[];
  elapsedMs: number;
}

/** The child's job, as its one argument. */
export const childJob = (dataFolder: string, calls: ChildCall[], keychainTimeoutMs?: number) =>
  JSON.stringify({ dataFolder, calls, ...(keychainTimeoutMs && { keychainTimeoutMs }) });

/**
 * Makes `calls` in a second process on `dataFolder`, resolving to each call's result; a child killed
 * at the timeout still gives the line it printed before.
 */
export async function callsInChild(
  dataFolder: string,
  calls: ChildCall[],
  options: { env?: NodeJS.ProcessEnv; keychainTimeoutMs?: number; timeoutMs?: number } = {},
): Promise<ChildOutput> {
  const env = { ...(options.env ?? process.env), AZCRED_LOG: 'silent' };
  const { stdout } = await run(process.execPath, [accountsChild, childJob(dataFolder, calls, options.keychainTimeoutMs)], {
    env,
    timeout: options.timeoutMs ?? 30_000,
  }).catch((error: { stdout?: string; signal?: string }) =>
    error.signal === 'SIGKILL' && error.stdout ? { stdout: error.stdout } : Promise.reject(error),
  );
  return JSON.parse(stdout.trim().split('\n').at(-1) ?? '{}') as ChildOutput;
}

/** The value of a result a child reported; anything but a success fails the test, naming the result. */
export function valueOf<T>(result: Result<unknown> | undefined): T {
  if (!result?.ok) throw new Error(`expected success, got ${JSON.stringify(result)}`);
  return result.value as T;
}
