import type { NewTokenDialogProps } from './NewTokenDialog.tsx';

/**
 * "New token" asked for on another page (an account's detail pane): held here while the window
 * moves to the Tokens page, which opens the dialog for that account and then forgets it.
 */
let pending: NewTokenDialogProps['initial'];

export function mintFromAccount(account: { id: string; kind: 'arr' | 'acs' }): void {
  pending = account.kind === 'arr' ? { kind: 'arr', arrAccountId: account.id } : { kind: 'acs', acs: { accountId: account.id } };
  window.location.hash = '#/tokens';
}

/** The request waiting for the Tokens page, if any; `forget` once it is shown. */
export function pendingNewToken(): NewTokenDialogProps['initial'] {
  return pending;
}

export function forgetNewTokenRequest(): void {
  pending = undefined;
}
