import type { AccountView } from '../../../shared/accounts.ts';

const storageKey = 'azcred.accounts.last-kind';

/** The kind the Add form starts on: the one last added, or Communication Services (Remote Rendering was retired). */
export function lastKind(): AccountView['kind'] {
  try {
    return window.localStorage.getItem(storageKey) === 'arr' ? 'arr' : 'acs';
  } catch {
    return 'acs';
  }
}

export function rememberKind(kind: AccountView['kind']): void {
  try {
    window.localStorage.setItem(storageKey, kind);
  } catch {
    // Storage refused (a locked-down profile): the form starts on Communication Services next time.
  }
}
