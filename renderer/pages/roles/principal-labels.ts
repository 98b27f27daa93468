import type { AuditedIdentity, RoleAssignmentView } from '../../../shared/roles.ts';

/**
 * How the Roles page names an identity: a user by its sign-in name with its Microsoft Graph display
 * name under it; a service principal by its Graph display name with the name it has here (often its
 * client ID) under it. Without a name from Graph, the name it has here alone.
 */
export function identityLabel(identity: AuditedIdentity): { primary: string; secondary: string | null } {
  const directory = identity.directoryName;
  if (!directory || directory === identity.name) return { primary: identity.name, secondary: null };
  return identity.kind === 'user' ? { primary: identity.name, secondary: directory } : { primary: directory, secondary: identity.name };
}

/** Who an assignment was made to, in words: the group by name (or "a group" when Graph would not say), or the identity itself. */
export function assignedTo(assignment: RoleAssignmentView): string {
  if (assignment.viaGroup)
    return assignment.viaGroup.name ? `The group ${assignment.viaGroup.name}` : 'A group it is in (name not available)';
  return assignment.principalType === 'ServicePrincipal' ? 'The service principal' : 'The identity itself';
}
