import { useCallback } from 'react';
import type { IdentityView } from '../../../shared/identities.ts';
import { api } from '../../api.ts';
import { useLoadedList, type NamedList } from '../../use-loaded-list.ts';

export type IdentitiesState = NamedList<'identities', IdentityView>;

/** The identities signed in here, kept in step with what the page did and listed again when the core says they changed. */
export function useIdentities(): IdentitiesState {
  const load = useCallback(() => api.identities.list(), []);
  const { items: identities, ...list } = useLoadedList(load, { reloadOn: ['identities.changed'] });
  return { identities, ...list };
}
