import type { AppErrorShape } from './errors.ts';

/** What every contract call returns, over IPC, HTTP and in the CLI alike. */
export type Result<T> = { ok: true; value: T } | { ok: false; error: AppErrorShape };

export function ok<T>(value: T): Result<T> {
  return { ok: true, value };
}

export function fail<T = never>(error: AppErrorShape): Result<T> {
  return { ok: false, error };
}
