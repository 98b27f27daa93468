import {
  capabilities,
  type CapabilityGrant,
  type CapabilityResult,
  type ResourceKind,
  type RoleAssignmentView,
  type RoleDefinitionView,
} from '../../../../shared/roles.ts';
import { describeScope } from '../../azure/resource-id.ts';
import { builtInRolesGranting, exclusionsOf, orList, roleGrants } from '../../azure/permission-match.ts';

/**
 * Capabilities in the users' words, from the assignments that apply to one identity on one
 * resource: each granted with the assignments that grant it, or missing with the reason (a NOT in
 * a role, control-plane roles only, no role at all) and the built-in roles that would grant it.
 */
export function checkCapabilities(
  kind: ResourceKind,
  assignments: readonly RoleAssignmentView[],
  roles: ReadonlyMap<string, RoleDefinitionView>,
): CapabilityResult[] {
  const assigned = assignments.flatMap((assignment) => {
    const role = roles.get(assignment.roleDefinitionId);
    return role ? [{ assignment, role }] : [];
  });
  return capabilities
    .filter((capability) => capability.kind === kind)
    .map((capability) => {
      const { id, label, operation, permissionKind } = capability;
      const grantedBy: CapabilityGrant[] = assigned
        .filter(({ role }) => roleGrants(role.permissions, operation, permissionKind))
        .map(({ assignment }) => ({
          assignmentId: assignment.id,
          roleName: assignment.roleName,
          scope: assignment.scope,
          scopeLevel: assignment.scopeLevel,
          viaGroup: assignment.viaGroup,
        }));
      const common = { id, label, operation, permissionKind };
      if (grantedBy.length > 0)
        return {
          ...common,
          granted: true,
          grantedBy,
          excludedBy: [],
          suggestedRoles: [],
          why: `Granted by ${grantedBy.map(grantPhrase).join('; ')}.`,
        };
      const distinctRoles = [...new Map(assigned.map(({ role }) => [role.id, role])).values()];
      const excludedBy = distinctRoles.flatMap((role) => exclusionsOf(role.roleName, role.permissions, operation, permissionKind));
      const suggestedRoles = builtInRolesGranting(operation, permissionKind);
      const names = distinctRoles.map((role) => role.roleName);
      let reason: string;
      if (excludedBy.length > 0) {
        reason = excludedBy.map((e) => `${e.roleName} allows ${e.allowedBy} but its ${e.list} remove ${e.excludedBy}.`).join(' ');
      } else if (names.length === 0) {
        reason = 'It holds no role that applies here.';
      } else if (
        permissionKind === 'dataAction' &&
        distinctRoles.every((role) => role.permissions.every((p) => p.dataActions.length === 0))
      ) {
        const several = names.length > 1;
        reason =
          `Its ${several ? 'roles' : 'role'} (${names.join(', ')}) ${several ? 'grant' : 'grants'} control-plane actions only, ` +
          `not the data action ${operation}.`;
      } else {
        reason = `None of its roles (${names.join(', ')}) grants ${operation}.`;
      }
      const fix = suggestedRoles.length > 0 ? ` ${orList(suggestedRoles)} would grant it.` : '';
      return { ...common, granted: false, grantedBy, excludedBy, suggestedRoles, why: `${reason}${fix}` };
    });
}

function grantPhrase(grant: CapabilityGrant): string {
  const inherited = grant.scopeLevel === 'resource' ? '' : ' (inherited)';
  const via = grant.viaGroup ? `, through the group ${grant.viaGroup.name ?? grant.viaGroup.id}` : '';
  return `${grant.roleName} on ${describeScope(grant.scope)}${inherited}${via}`;
}
