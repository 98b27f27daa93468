import { pageRequest } from '../../page-request.ts';

/** "Discover resources" asked for on another page (an identity's row): the Accounts page opens the discovery dialog for that identity. */
export const discoveryRequest = pageRequest<string>('#/accounts');

export function discoverWith(identityId: string): void {
  discoveryRequest.send(identityId);
}
