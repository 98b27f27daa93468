import { useCallback, useEffect, useState } from 'react';
import type { AppErrorShape } from '../../../shared/errors.ts';
import type { RoleAuditReport } from '../../../shared/roles.ts';
import { api } from '../../api.ts';
import { useCall } from '../../components/use-call.ts';

/** What an audit covers: the identities and accounts chosen, or all of them when a list is empty. */
export interface AuditScope {
  identityIds: string[];
  accountIds: string[];
  /** Also audit the resources the identities can see in Azure that are not added here. */
  discovered: boolean;
}

export interface RoleAuditState {
  report: RoleAuditReport | undefined;
  /** The scope of the audit under way, while it runs. */
  running: AuditScope | undefined;
  error: AppErrorShape | undefined;
  run(scope: AuditScope): Promise<void>;
  dismissError(): void;
}

// The last report outlives the page, so going to Accounts and back does not ask Azure again.
let lastReport: RoleAuditReport | undefined;

/** Runs the role audit in the core and keeps its report for the window. */
export function useRoleAudit(): RoleAuditState {
  const [report, setReport] = useState(lastReport);
  const [running, setRunning] = useState<AuditScope>();
  const { run: call, error, reset } = useCall();

  // A window that has run no audit yet shows the core's last one (after a reload, or the demo's).
  useEffect(() => {
    if (lastReport) return;
    let current = true;
    void api.roles.lastAudit().then((result) => {
      if (!current || lastReport || !result.ok || !result.value) return;
      lastReport = result.value;
      setReport(result.value);
    });
    return () => {
      current = false;
    };
  }, []);

  const run = useCallback(
    async (scope: AuditScope) => {
      setRunning(scope);
      const result = await call(() =>
        api.roles.audit({
          ...(scope.identityIds.length ? { identityIds: scope.identityIds } : {}),
          ...(scope.accountIds.length ? { accountIds: scope.accountIds } : {}),
          discovered: scope.discovered,
        }),
      );
      setRunning(undefined);
      if (!result.ok) return;
      lastReport = result.value;
      setReport(result.value);
    },
    [call],
  );

  return { report, running, error, run, dismissError: reset };
}
