import type { CapabilityId } from '../../shared/roles.ts';
import { pageRequest } from '../page-request.ts';

/** "Can Adele render on Showroom?" as the palette asks it: the app's identity id, account id and capability id. */
export interface RolesQuestion {
  identityId: string;
  accountId: string;
  capability: CapabilityId;
}

/** The same question as the Roles page looks it up: each part an id or a name (typed by hand, the page finds the one it names). */
export interface RolesRequest {
  identity: string;
  account: string;
  capability: string;
}

/** Read by the Roles page (`useTakenRequest(rolesRequest)`) when it opens: it chooses that identity, resource and capability. */
export const rolesRequest = pageRequest<RolesQuestion>('#/roles');
