import { useCallback, useEffect, useRef, useState } from 'react';
import type { AppErrorShape } from '../shared/errors.ts';
import type { Result } from '../shared/result.ts';
import type { MethodInput } from '../shared/contract.ts';
import type { VaultStatus } from '../shared/vault.ts';
import { api } from './api.ts';
import { firstAnswer } from './first-calls.ts';
import { useReloadOn } from './use-core-events.ts';

export interface VaultState {
  status: VaultStatus | undefined;
  /** Why the status could not be read at all. */
  loadError: AppErrorShape | undefined;
  /** Asks the core again (for example after accounts were added, to update the secret count). */
  refresh(): Promise<void>;
  /** The user's choice: retry the keychain, unlock or create a passphrase vault, or memory only. */
  open(request: MethodInput<'vault.open'>): Promise<Result<VaultStatus>>;
  /** The explicit, confirmed step: a new, empty passphrase vault in place of one that cannot be opened. */
  startNew(passphrase: string): Promise<Result<VaultStatus>>;
}

/** Where secrets are stored and whether they can be used; loaded when the app starts, and again when the core says it changed. */
export function useVault(): VaultState {
  const [initial] = useState(() => firstAnswer<VaultStatus>('vault.status'));
  const [status, setStatus] = useState(initial?.ok ? initial.value : undefined);
  const [loadError, setLoadError] = useState(initial?.ok === false ? initial.error : undefined);

  const refresh = useCallback(async () => {
    const result = await api.vault.status();
    if (result.ok) {
      setStatus(result.value);
      setLoadError(undefined);
    } else {
      setLoadError(result.error);
    }
  }, []);

  useEffect(() => {
    if (!initial) void refresh();
  }, [initial, refresh]);
  // The secret count moves with the accounts, wherever they were added.
  useReloadOn(['vault.changed', 'accounts.changed'], refresh);

  const open = useCallback(async (request: MethodInput<'vault.open'>) => {
    const result = await api.vault.open(request);
    if (result.ok) {
      setStatus(result.value);
      setLoadError(undefined);
    }
    return result;
  }, []);

  const startNew = useCallback(async (passphrase: string) => {
    const result = await api.vault.startNew({ passphrase, confirm: true });
    if (result.ok) {
      setStatus(result.value);
      setLoadError(undefined);
    }
    return result;
  }, []);

  return { status, loadError, refresh, open, startNew };
}

/**
 * Calls `reload` when the vault opens after the page saw it otherwise (unlocked, another mode
 * chosen, or a damaged file replaced by a restored backup): what a page lists can change then. Not
 * on the first status, which the page's own load covers.
 */
export function useReloadWhenVaultOpens(vault: VaultState, reload: () => Promise<void>): void {
  const { status } = vault;
  // Open and whole is one state; open with a file set aside is another, which a restore leaves.
  const state = status && (status.state === 'open' && status.quarantined ? 'open-quarantined' : status.state);
  const previous = useRef(state);
  useEffect(() => {
    if (state?.startsWith('open') && previous.current !== undefined && previous.current !== state) void reload();
    previous.current = state;
  }, [state, reload]);
}
