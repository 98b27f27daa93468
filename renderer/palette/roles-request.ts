import { pageRequest } from '../page-request.ts';

/** A question for the Roles page asked outside it (the command palette), with names or ids as the user typed them. */
export interface RolesRequest {
  /** "adele", a display name, a sign-in name or an identity id. */
  identity: string;
  /** "Showroom", an account's name or id. */
  account: string;
  /** "render", a capability's name or id. */
  capability: string;
}

/** "Can adele render Showroom" from the palette: the Roles page chooses that identity, account and capability and shows the verdict. */
export const rolesRequest = pageRequest<RolesRequest>('#/roles');
