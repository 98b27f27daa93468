import { useCallback, useEffect, useState } from 'react';
import type { AppErrorShape } from '../../../shared/errors.ts';
import type { AcsIdentityView } from '../../../shared/tokens.ts';
import { api } from '../../api.ts';
import { useReloadOn } from '../../use-core-events.ts';

/** The ACS identities the app remembers for one resource (all of them when none is given). */
export function useAcsIdentities(accountId: string | undefined): {
  identities: AcsIdentityView[];
  error: AppErrorShape | undefined;
  reload(): Promise<void>;
} {
  const [identities, setIdentities] = useState<AcsIdentityView[]>([]);
  const [error, setError] = useState<AppErrorShape>();
  const reload = useCallback(async () => {
    if (!accountId) return setIdentities([]);
    const result = await api.acsIdentities.list({ accountId });
    if (result.ok) {
      setIdentities(result.value);
      setError(undefined);
    } else setError(result.error);
  }, [accountId]);
  useEffect(() => void reload(), [reload]);
  useReloadOn(['acsIdentities.changed'], reload);
  return { identities, error, reload };
}

/** "Alice · 8:acs:1b5c…d776". */
export function acsIdentityLabel(identity: AcsIdentityView): string {
  const id = identity.communicationUserId;
  return `${identity.label} · ${id.length > 28 ? `${id.slice(0, 16)}…${id.slice(-6)}` : id}`;
}
