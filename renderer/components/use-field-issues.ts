import { useCallback, useState } from 'react';
import type { AppErrorShape } from '../../shared/errors.ts';
import { fieldIssues } from './field-problem.ts';

/**
 * fieldIssues for a form whose messages go as the user changes their field: `changed('tenant')`
 * clears the tenant's message and leaves the others until the next call answers.
 */
export function useFieldIssues<F extends string>(error: AppErrorShape | undefined, fields: readonly F[], prefix = '') {
  const [edited, setEdited] = useState<{ error: AppErrorShape | undefined; names: readonly string[] }>({ error: undefined, names: [] });
  const all = fieldIssues(error, fields, prefix);
  const gone = edited.error === error ? edited.names : [];
  const shown = Object.fromEntries(Object.entries(all).filter(([name]) => !gone.includes(name))) as typeof all;
  const changed = useCallback(
    (...names: string[]) => setEdited((prev) => ({ error, names: [...(prev.error === error ? prev.names : []), ...names] })),
    [error],
  );
  return [shown, changed] as const;
}
