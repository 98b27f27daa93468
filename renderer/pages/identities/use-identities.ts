import { useCallback } from 'react';
import type { AppErrorShape } from '../../../shared/errors.ts';
import type { IdentityView } from '../../../shared/identities.ts';
import { api } from '../../api.ts';
import { useLoadedList } from '../../use-loaded-list.ts';

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
  const load = useCallback(() => api.identities.list(), []);
  const { items: identities, ...list } = useLoadedList(load, { reloadOn: ['identities.changed'] });
  return { identities, ...list };
}
