import { useCallback } from 'react';
import type { TokenView } from '../../../shared/tokens.ts';
import { api } from '../../api.ts';
import { useLoadedList, type NamedList } from '../../use-loaded-list.ts';

export type TokensState = NamedList<'tokens', TokenView>;

const newestFirst = (a: TokenView, b: TokenView) => b.issuedAt.localeCompare(a.issuedAt);

/** The tokens the core holds, newest first; listed again when the core says they changed (minted anywhere, refreshed, revoked, removed). */
export function useTokens(): TokensState {
  const load = useCallback(() => api.tokens.list(), []);
  const { items: tokens, ...list } = useLoadedList(load, { reloadOn: ['tokens.changed'], order: newestFirst });
  return { tokens, ...list };
}
