import type { AuditedIdentity, RoleAssignmentView } from '../../../shared/roles.ts';

/**
 * How the Roles page names a principal: by its Microsoft Graph display name where the audit found
 * one, the name it has here (a user's sign-in name, a service principal's name or client ID) kept
 * as the secondary line; by that name alone otherwise.
 */
export function identityLabel(identity: AuditedIdentity): { primary: string; secondary: string | null } {
  const directory = identity.directoryName;
  return directory && directory !== identity.name
    ? { primary: directory, secondary: identity.name }
    : { primary: identity.name, secondary: null };
}

/** Who an assignment was made to, in words: the group by name (or "a group" when Graph would not say), or the identity itself. */
export function assignedTo(assignment: RoleAssignmentView): string {
  if (assignment.viaGroup)
    return assignment.viaGroup.name ? `The group ${assignment.viaGroup.name}` : 'A group it is in (name not available)';
  return assignment.principalType === 'ServicePrincipal' ? 'The service principal' : 'The identity itself';
}
