import { useCallback, useEffect, useState } from 'react';
import type { AppErrorShape } from '../../../shared/errors.ts';
import type { IdentityView } from '../../../shared/identities.ts';
import { api } from '../../api.ts';
import { useReloadOn } from '../../use-core-events.ts';

export interface IdentitiesState {
  /** Undefined while the first list is loading. */
  identities: IdentityView[] | undefined;
  loadError: AppErrorShape | undefined;
  reload(): Promise<void>;
  /** Puts a signed-in or added identity in the list (a second sign-in of the same user replaces it). */
  upsert(identity: IdentityView): void;
  remove(id: string): void;
}

/** The identities signed in here, kept in step with what the page did and listed again when the core says they changed. */
export function useIdentities(): IdentitiesState {
  const [identities, setIdentities] = useState<IdentityView[]>();
  const [loadError, setLoadError] = useState<AppErrorShape>();

  const reload = useCallback(async () => {
    const result = await api.identities.list();
    if (result.ok) {
      setIdentities(result.value);
      setLoadError(undefined);
    } else {
      setIdentities((prev) => prev ?? []);
      setLoadError(result.error);
    }
  }, []);

  useEffect(() => void reload(), [reload]);
  useReloadOn(['identities.changed'], reload);

  const upsert = useCallback((identity: IdentityView) => {
    setIdentities((prev = []) =>
      prev.some((i) => i.id === identity.id) ? prev.map((i) => (i.id === identity.id ? identity : i)) : [...prev, identity],
    );
  }, []);
  const remove = useCallback((id: string) => setIdentities((prev = []) => prev.filter((i) => i.id !== id)), []);

  return { identities, loadError, reload, upsert, remove };
}
