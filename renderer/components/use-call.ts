import { useCallback, useRef, useState } from 'react';
import type { AppErrorShape } from '../../shared/errors.ts';
import type { Result } from '../../shared/result.ts';

export interface Call {
  /** Runs one call to the core (through `api`): busy while it waits, its error kept to show. Resolves to the call's result. */
  run<T>(call: () => Promise<Result<T>>): Promise<Result<T>>;
  /** A call is under way: its button waits. */
  busy: boolean;
  /** Why the last call failed, or a problem found before calling; undefined once a call starts or `reset` runs. */
  error: AppErrorShape | undefined;
  /** Shows a problem the form found itself (a field left empty), or one the caller words differently. */
  fail(error: AppErrorShape): void;
  /** Forgets the error: the user changed what it was about. */
  reset(): void;
}

/** A refusal the form finds before it calls the core, named for its field so that FormDialog shows it there. */
export function fieldProblem(path: string, message: string, fieldMessage = message): AppErrorShape {
  return { code: 'invalid_input', message, issues: [{ path, message: fieldMessage }] };
}

/** The busy flag and error of a component's calls to the core, so no component keeps its own pair. */
export function useCall(): Call {
  const [running, setRunning] = useState(0);
  const [error, setError] = useState<AppErrorShape>();
  // The answer to the latest call decides the error: an earlier one arriving late does not bring an old error back.
  const latest = useRef(0);

  const run = useCallback(async <T>(call: () => Promise<Result<T>>) => {
    const id = ++latest.current;
    setRunning((n) => n + 1);
    setError(undefined);
    try {
      const result = await call();
      if (!result.ok && id === latest.current) setError(result.error);
      return result;
    } finally {
      setRunning((n) => n - 1);
    }
  }, []);
  const reset = useCallback(() => setError(undefined), []);

  return { run, busy: running > 0, error, fail: setError, reset };
}
