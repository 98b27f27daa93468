import { useCallback, useEffect, useState } from 'react';
import type { TokenView } from '../../shared/tokens.ts';
import { api } from '../api.ts';
import { useLoadedList } from '../use-loaded-list.ts';
import { countExpiring, type ExpiryCount } from './expiry-count.ts';

/**
 * The tokens needing the user, for the navigation's badge: the list is read again when the core
 * says tokens changed (or the vault opened), and counted again by the clock when a token crosses
 * into its warning time or expires (no event says that).
 */
export function useExpiryCount(warningMinutes: number): ExpiryCount {
  const load = useCallback(() => api.tokens.list(), []);
  const { items } = useLoadedList<TokenView>(load, { reloadOn: ['tokens.changed', 'vault.changed'] });
  const [now, setNow] = useState(() => Date.now());
  const count = countExpiring(items ?? [], now, warningMinutes);
  const { nextChangeAt } = count;
  useEffect(() => {
    setNow(Date.now());
  }, [items, warningMinutes]);
  useEffect(() => {
    if (nextChangeAt === null) return;
    // setTimeout holds at most 2^31 - 1 ms; a later change is looked at again then.
    const wait = Math.min(Math.max(nextChangeAt - Date.now() + 50, 0), 2 ** 31 - 1);
    const timer = window.setTimeout(() => setNow(Date.now()), wait);
    return () => window.clearTimeout(timer);
  }, [nextChangeAt]);
  return count;
}
