import { useCallback } from 'react';
import type { AppErrorShape } from '../../../shared/errors.ts';
import type { TokenView } from '../../../shared/tokens.ts';
import { api } from '../../api.ts';
import { useLoadedList } from '../../use-loaded-list.ts';

export interface TokensState {
  /** Newest first; undefined until the first list arrives. */
  tokens: TokenView[] | undefined;
  loadError: AppErrorShape | undefined;
  reload(): Promise<void>;
  /** Puts minted or changed tokens into the list without asking the core for all of them. */
  upsert(...changed: TokenView[]): void;
  remove(id: string): void;
}

const newestFirst = (a: TokenView, b: TokenView) => b.issuedAt.localeCompare(a.issuedAt);

/** The tokens the core holds, listed again when the core says they changed (minted anywhere, refreshed, revoked, removed). */
export function useTokens(): TokensState {
  const load = useCallback(() => api.tokens.list(), []);
  const { items: tokens, ...list } = useLoadedList(load, { reloadOn: ['tokens.changed'], order: newestFirst });
  return { tokens, ...list };
}
