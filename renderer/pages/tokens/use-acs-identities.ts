import { useCallback } from 'react';
import type { AppErrorShape } from '../../../shared/errors.ts';
import { ok } from '../../../shared/result.ts';
import type { AcsIdentityView } from '../../../shared/tokens.ts';
import { api } from '../../api.ts';
import { useLoadedList } from '../../use-loaded-list.ts';

const none: AcsIdentityView[] = [];

/** The ACS identities the app remembers for one resource (all of them when none is given). */
export function useAcsIdentities(accountId: string | undefined): {
  identities: AcsIdentityView[];
  /** The list has come (an empty one too): until then the default identity is not known. */
  loaded: boolean;
  error: AppErrorShape | undefined;
  reload(): Promise<void>;
} {
  const load = useCallback(async () => (accountId ? api.acsIdentities.list({ accountId }) : ok<AcsIdentityView[]>([])), [accountId]);
  const { items, loadError, reload } = useLoadedList(load, { reloadOn: ['acsIdentities.changed'] });
  return { identities: items ?? none, loaded: items !== undefined, error: loadError, reload };
}

/** "Alice · 8:acs:1b5c…d776". */
export function acsIdentityLabel(identity: AcsIdentityView): string {
  const id = identity.communicationUserId;
  return `${identity.label} · ${id.length > 28 ? `${id.slice(0, 16)}…${id.slice(-6)}` : id}`;
}
