import { useCallback, useRef, useState } from 'react';
import type { Result } from '../../../shared/result.ts';
import { api } from '../../api.ts';

export interface Operation {
  /** What is under way, in words ("Minting the ARR access token…"); undefined when idle. */
  running: string | undefined;
  /** Runs one long call with a fresh operation id, so Cancel can stop it while it waits on Azure. */
  run<T>(label: string, call: (operationId: string) => Promise<Result<T>>): Promise<Result<T>>;
  cancel(): void;
}

/** A long call to Azure (retries, Retry-After) with a progress line and a Cancel that reaches the core. */
export function useOperation(): Operation {
  const [running, setRunning] = useState<string>();
  const current = useRef<string | undefined>(undefined);

  const run = useCallback(async <T>(label: string, call: (operationId: string) => Promise<Result<T>>) => {
    const operationId = crypto.randomUUID();
    current.current = operationId;
    setRunning(label);
    try {
      return await call(operationId);
    } finally {
      if (current.current === operationId) {
        current.current = undefined;
        setRunning(undefined);
      }
    }
  }, []);

  const cancel = useCallback(() => {
    const operationId = current.current;
    if (operationId) void api.calls.cancel({ operationId });
  }, []);

  return { running, run, cancel };
}
