import { pageRequest } from '../../page-request.ts';
import type { NewTokenDialogProps } from './NewTokenDialog.tsx';

/** "New token" asked for on another page (an account's detail pane): the Tokens page opens the dialog for that account. */
export const newTokenRequest = pageRequest<NewTokenDialogProps['initial']>('#/tokens');

export function mintFromAccount(account: { id: string; kind: 'arr' | 'acs' }): void {
  newTokenRequest.send(
    account.kind === 'arr' ? { kind: 'arr', arrAccountId: account.id } : { kind: 'acs', acs: { accountId: account.id } },
  );
}
