import { useEffect, useState } from 'react';
import type { AccountView } from '../../../shared/accounts.ts';
import type { AppErrorShape } from '../../../shared/errors.ts';
import type { IdentityView } from '../../../shared/identities.ts';
import { api } from '../../api.ts';

export type ArrAccount = Extract<AccountView, { kind: 'arr' }>;
export type AcsResource = Extract<AccountView, { kind: 'acs' }>;

export interface TokenSources {
  loaded: boolean;
  arr: ArrAccount[];
  acs: AcsResource[];
  identities: IdentityView[];
  error: AppErrorShape | undefined;
}

/** What can pay for a token: the accounts and the signed-in identities, read when a dialog opens. */
export function useTokenSources(): TokenSources {
  const [sources, setSources] = useState<TokenSources>({ loaded: false, arr: [], acs: [], identities: [], error: undefined });
  useEffect(() => {
    let live = true;
    void Promise.all([api.accounts.list(), api.identities.list()]).then(([accounts, identities]) => {
      if (!live) return;
      const all = accounts.ok ? accounts.value : [];
      setSources({
        loaded: true,
        arr: all.filter((a): a is ArrAccount => a.kind === 'arr'),
        acs: all.filter((a): a is AcsResource => a.kind === 'acs'),
        identities: identities.ok ? identities.value : [],
        error: !accounts.ok ? accounts.error : !identities.ok ? identities.error : undefined,
      });
    });
    return () => {
      live = false;
    };
  }, []);
  return sources;
}

/** How the user knows an identity: the sign-in name of a user, the name of a service principal. */
export function identityLabel(identity: IdentityView): string {
  return identity.username ? `${identity.name} (${identity.username})` : `${identity.name} (service principal)`;
}
