import type { KeyName } from '../../shared/accounts.ts';
import { pageRequest } from '../page-request.ts';

/** An account action asked for outside the Accounts page (the command palette): the page opens on it. */
export interface AccountsRequest {
  accountId: string;
  action: 'rotate';
  key: KeyName;
}

/** "Regenerate secondary Showroom" from the palette: the Accounts page selects the account and opens Regenerate for that key. */
export const accountsRequest = pageRequest<AccountsRequest>('#/accounts');
