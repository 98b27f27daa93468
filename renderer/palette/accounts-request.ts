import type { KeyName } from '../../shared/key-rotation.ts';
import { pageRequest } from '../page-request.ts';

/** An account action asked for in the palette: "regenerate secondary Showroom" opens that account's Regenerate dialog on that key. */
export type AccountsAsk = { accountId: string; action: 'rotate'; key: KeyName };

/** Read by the Accounts page (`useTakenRequest(accountsRequest)`) when it opens. */
export const accountsRequest = pageRequest<AccountsAsk>('#/accounts');
