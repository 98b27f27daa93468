import { useState } from 'react';
import type { Result } from '../../shared/result.ts';
import { useSavePath } from './save-path.ts';
import { useCall, type Call } from './use-call.ts';

export interface ExportFile<T> extends Omit<Call, 'run'> {
  /** Where to write: the suggestion until the user types a path. */
  path: string;
  setPath(path: string): void;
  /** Writes the file. An existing file is never replaced unasked: `exists` says so, and `replace` writes over it. */
  save(): Promise<void>;
  replace(): Promise<void>;
  /** The core's "file exists" message, until the user replaces the file or changes the path. */
  exists: string | undefined;
  /** What the export wrote. */
  done: T | undefined;
  /** Back to the form: the format or the choice changed, so the last answer no longer applies. */
  clear(): void;
}

/**
 * The one way the app exports to a file (accounts, a token, the role report): the same path field,
 * the same question before an existing file is replaced, the same busy state and error.
 */
export function useExportFile<T>(suggested: string, write: (path: string, overwrite: boolean) => Promise<Result<T>>): ExportFile<T> {
  const call = useCall();
  const [path, setTyped] = useSavePath(suggested);
  const [exists, setExists] = useState<string>();
  const [done, setDone] = useState<T>();

  async function run(overwrite: boolean) {
    setExists(undefined);
    const result = await call.run(() => write(path, overwrite));
    if (result.ok) setDone(result.value);
    else if (result.error.code === 'conflict') {
      call.reset();
      setExists(result.error.message);
    }
  }

  return {
    ...call,
    path,
    setPath: (typed) => (setTyped(typed), setExists(undefined)),
    save: () => run(false),
    replace: () => run(true),
    exists,
    done,
    clear: () => (setDone(undefined), setExists(undefined), call.reset()),
  };
}
