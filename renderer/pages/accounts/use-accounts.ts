import { useCallback, useEffect, useState } from 'react';
import type { AccountView } from '../../../shared/accounts.ts';
import type { AppErrorShape } from '../../../shared/errors.ts';
import { api } from '../../api.ts';

export interface AccountsState {
  /** Undefined until the first list arrives. */
  accounts: AccountView[] | undefined;
  loadError: AppErrorShape | undefined;
  reload(): Promise<void>;
  /** Puts an added or edited account into the list without asking the core for all of them. */
  upsert(account: AccountView): void;
  remove(id: string): void;
}

const byName = (a: AccountView, b: AccountView) => a.name.localeCompare(b.name, undefined, { sensitivity: 'base', numeric: true });

/** The accounts the core holds, sorted by name. */
export function useAccounts(): AccountsState {
  const [accounts, setAccounts] = useState<AccountView[]>();
  const [loadError, setLoadError] = useState<AppErrorShape>();

  const reload = useCallback(async () => {
    const result = await api.accounts.list();
    if (result.ok) {
      setAccounts([...result.value].sort(byName));
      setLoadError(undefined);
    } else {
      setLoadError(result.error);
      setAccounts((current) => current ?? []);
    }
  }, []);

  useEffect(() => {
    void reload();
  }, [reload]);

  const upsert = useCallback((account: AccountView) => {
    setAccounts((current = []) => [...current.filter((a) => a.id !== account.id), account].sort(byName));
  }, []);

  const remove = useCallback((id: string) => {
    setAccounts((current = []) => current.filter((a) => a.id !== id));
  }, []);

  return { accounts, loadError, reload, upsert, remove };
}
