import { useCallback, useEffect, useState } from 'react';
import type { AppErrorShape } from '../../../shared/errors.ts';
import type { TokenView } from '../../../shared/tokens.ts';
import { api } from '../../api.ts';
import { useReloadOn } from '../../use-core-events.ts';

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
  const [tokens, setTokens] = useState<TokenView[]>();
  const [loadError, setLoadError] = useState<AppErrorShape>();

  const reload = useCallback(async () => {
    const result = await api.tokens.list();
    if (result.ok) {
      setTokens(result.value);
      setLoadError(undefined);
    } else {
      setLoadError(result.error);
      setTokens((current) => current ?? []);
    }
  }, []);

  useEffect(() => void reload(), [reload]);
  useReloadOn(['tokens.changed'], reload);

  const upsert = useCallback((...changed: TokenView[]) => {
    const ids = new Set(changed.map((t) => t.id));
    setTokens((current = []) => [...current.filter((t) => !ids.has(t.id)), ...changed].sort(newestFirst));
  }, []);

  const remove = useCallback((id: string) => setTokens((current = []) => current.filter((t) => t.id !== id)), []);

  return { tokens, loadError, reload, upsert, remove };
}
