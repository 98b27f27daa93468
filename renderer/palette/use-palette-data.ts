import { useEffect, useState } from 'react';
import type { AppErrorShape } from '../../shared/errors.ts';
import { api } from '../api.ts';
import type { PaletteData } from './palette-commands.ts';

/** What the palette searches, read once as it opens (it lives seconds): undefined while loading; the first failed read's error. */
export function usePaletteData(warningMinutes: number): { data: PaletteData | undefined; error: AppErrorShape | undefined } {
  const [state, setState] = useState<{ data: PaletteData | undefined; error: AppErrorShape | undefined }>({
    data: undefined,
    error: undefined,
  });
  useEffect(() => {
    let live = true;
    void Promise.all([api.accounts.list(), api.identities.list(), api.acsIdentities.list({}), api.tokens.list()]).then(
      ([accounts, identities, acsIdentities, tokens]) => {
        if (!live) return;
        // A list that could not be read (a locked vault) leaves its part out; the rest, and the sections, still work.
        const failed = [accounts, identities, acsIdentities, tokens].find((r) => !r.ok);
        setState({
          data: {
            accounts: accounts.ok ? accounts.value : [],
            identities: identities.ok ? identities.value : [],
            acsIdentities: acsIdentities.ok ? acsIdentities.value : [],
            tokens: tokens.ok ? tokens.value : [],
            now: Date.now(),
            warningMinutes,
          },
          error: failed && !failed.ok ? failed.error : undefined,
        });
      },
    );
    return () => {
      live = false;
    };
  }, [warningMinutes]);
  return state;
}
