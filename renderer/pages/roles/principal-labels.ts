import type { IdentityView } from '../../../shared/identities.ts';
import type { AuditedIdentity, RoleAssignmentView } from '../../../shared/roles.ts';

/** The name an identity goes by on every page: its display name (from Microsoft Graph, else the one it has here). */
export const displayName = (identity: AuditedIdentity): string => identity.directoryName ?? identity.name;

/**
 * How the Roles page names an identity, as the Identities page does: by its display name, with its sign-in name (a user) or the
 * name it has here (a service principal, often its client ID) under it. Without a display name, the name it has here alone.
 */
export function identityLabel(identity: AuditedIdentity): { primary: string; secondary: string | null } {
  const primary = displayName(identity);
  return { primary, secondary: primary === identity.name ? null : identity.name };
}

/**
 * The report's users with the display name they have here where Microsoft Graph gave none (Graph refused, or an older report), so
 * a row says "Adele Vance" as the Identities page does rather than her sign-in name.
 */
export function withDisplayNames(identities: AuditedIdentity[], known: readonly IdentityView[]): AuditedIdentity[] {
  return identities.map((identity) => {
    const here = known.find((k) => k.id === identity.id);
    const name = identity.kind === 'user' && here?.username === identity.name ? here.name : undefined;
    return identity.directoryName || !name || name === identity.name ? identity : { ...identity, directoryName: name };
  });
}

/** Who an assignment was made to, in words: the group by name (or "a group" when Graph would not say), or the identity itself. */
export function assignedTo(assignment: RoleAssignmentView): string {
  if (assignment.viaGroup)
    return assignment.viaGroup.name ? `The group ${assignment.viaGroup.name}` : 'A group it is in (name not available)';
  return assignment.principalType === 'ServicePrincipal' ? 'The service principal' : 'The identity itself';
}
