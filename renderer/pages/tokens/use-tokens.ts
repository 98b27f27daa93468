import { useCallback, useEffect, useState } from 'react';
import type { AppErrorShape } from '../../../shared/errors.ts';
import type { TokenView } from '../../../shared/tokens.ts';
import { api } from '../../api.ts';

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

/** How often the list is asked again: auto-refresh re-mints in the core, and the page shows the new expiry. */
const pollMs = 15_000;

/** The tokens the core holds, kept fresh while the page is open. */
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

  useEffect(() => {
    void reload();
    const timer = window.setInterval(() => document.visibilityState === 'visible' && void reload(), pollMs);
    const onFocus = () => void reload();
    window.addEventListener('focus', onFocus);
    return () => {
      window.clearInterval(timer);
      window.removeEventListener('focus', onFocus);
    };
  }, [reload]);

  const upsert = useCallback((...changed: TokenView[]) => {
    const ids = new Set(changed.map((t) => t.id));
    setTokens((current = []) => [...current.filter((t) => !ids.has(t.id)), ...changed].sort(newestFirst));
  }, []);

  const remove = useCallback((id: string) => setTokens((current = []) => current.filter((t) => t.id !== id)), []);

  return { tokens, loadError, reload, upsert, remove };
}
