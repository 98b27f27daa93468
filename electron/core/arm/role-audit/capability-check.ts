import {
  capabilities,
  type CapabilityDefinition,
  type CapabilityDenial,
  type CapabilityGrant,
  type CapabilityResult,
  type DenyAssignmentView,
  type EligibleRoleView,
  type ResourceKind,
  type RoleAssignmentView,
  type RoleDefinitionView,
} from '../../../../shared/roles.ts';
import { describeScope } from '../../azure/resource-id.ts';
import { builtInRolesGranting, exclusionsOf, orList, roleGrants } from '../../azure/permission-match.ts';

/**
 * Capabilities in the users' words, from what applies to one identity on one resource: each granted with the assignments that
 * grant it; denied by a deny assignment whatever the roles say; or missing with the reason (a NOT in a role, control-plane roles
 * only, a custom role ACS ignores, no role at all), the roles it may activate through PIM, and the built-in roles that would grant it.
 */

/** What besides the assignments decides: deny assignments and PIM-eligible roles (left out when they could not be read). */
export interface AccessContext {
  denyAssignments?: readonly DenyAssignmentView[];
  eligible?: readonly EligibleRoleView[];
  /** Definitions of the eligible roles, by GUID. */
  eligibleRoles?: ReadonlyMap<string, RoleDefinitionView>;
}

/**
 * ACS honours built-in roles only for Entra ID access to its data plane (its identity and token API): a custom role assigns, but
 * ACS ignores it. Source: issue 18, and a Microsoft support engineer's write-up (blakedrumm.com/blog/acs-custom-iam-roles-not-supported);
 * no learn.microsoft.com page saying it was found. The built-in that grants it is Communication and Email Service Owner.
 */
const builtInOnly: ReadonlySet<CapabilityDefinition['id']> = new Set(['acs.entraIdentities']);

export function checkCapabilities(
  kind: ResourceKind,
  assignments: readonly RoleAssignmentView[],
  roles: ReadonlyMap<string, RoleDefinitionView>,
  access: AccessContext = {},
): CapabilityResult[] {
  const assigned = assignments.flatMap((assignment) => {
    const role = roles.get(assignment.roleDefinitionId);
    return role ? [{ assignment, role }] : [];
  });
  return capabilities
    .filter((capability) => capability.kind === kind)
    .map((capability) => {
      const { id, label, operation, permissionKind } = capability;
      const granting = assigned.filter(({ role }) => roleGrants(role.permissions, operation, permissionKind));
      const ignored = builtInOnly.has(id) ? granting.filter(({ role }) => role.roleType !== 'BuiltInRole') : [];
      const grantedBy = granting.filter((g) => !ignored.includes(g)).map(({ assignment }) => grantOf(assignment));
      const ignoredRoles = [...new Set(ignored.map(({ role }) => role.roleName))];
      const deniedBy: CapabilityDenial[] = (access.denyAssignments ?? [])
        .filter((d) => roleGrants(d.permissions, operation, permissionKind))
        .map((d) => ({ denyAssignmentId: d.id, name: d.name, scope: d.scope, scopeLevel: d.scopeLevel }));
      const eligibleThrough = (access.eligible ?? [])
        .filter((e) => {
          const role = access.eligibleRoles?.get(e.roleDefinitionId);
          return role !== undefined && roleGrants(role.permissions, operation, permissionKind);
        })
        .map(grantOf);
      const common = { id, label, operation, permissionKind, ignoredRoles };
      const caveat =
        ignoredRoles.length > 0
          ? ` ${orList(ignoredRoles)} ${ignoredRoles.length > 1 ? 'are custom roles' : 'is a custom role'}, which ACS ignores for ` +
            `Entra ID access: it honours built-in roles only.`
          : '';
      if (deniedBy.length > 0) {
        const despite = grantedBy.length > 0 ? `, though ${grantedBy.map(grantPhrase).join('; ')} would grant it` : '';
        return {
          ...common,
          granted: false,
          grantedBy,
          excludedBy: [],
          suggestedRoles: [],
          deniedBy,
          eligibleThrough: [],
          why: `Denied by ${deniedBy.map(denialPhrase).join('; ')}${despite}: a deny assignment wins over any role.${caveat}`,
        };
      }
      if (grantedBy.length > 0)
        return {
          ...common,
          granted: true,
          grantedBy,
          excludedBy: [],
          suggestedRoles: [],
          deniedBy: [],
          eligibleThrough: [],
          why: `Granted by ${grantedBy.map(grantPhrase).join('; ')}.${caveat}`,
        };
      const distinctRoles = [...new Map(assigned.map(({ role }) => [role.id, role])).values()];
      const excludedBy = distinctRoles.flatMap((role) => exclusionsOf(role.roleName, role.permissions, operation, permissionKind));
      const suggestedRoles = builtInRolesGranting(operation, permissionKind);
      const names = distinctRoles.map((role) => role.roleName);
      let reason: string;
      if (ignoredRoles.length > 0) {
        reason =
          `${orList(ignoredRoles)} ${ignoredRoles.length > 1 ? 'grant' : 'grants'} ${operation} on paper, but ` +
          `${ignoredRoles.length > 1 ? 'they are custom roles' : 'it is a custom role'}: ACS honours built-in roles only for Entra ID ` +
          `access and ignores ${ignoredRoles.length > 1 ? 'them' : 'it'}.`;
      } else if (excludedBy.length > 0) {
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
      const eligible =
        eligibleThrough.length > 0
          ? ` Eligible through PIM: activate ${orList([...new Set(eligibleThrough.map((e) => e.roleName))])} to ${lowerFirst(label)}` +
            ` (${eligibleThrough.map((e) => describeScope(e.scope)).join('; ')}).`
          : '';
      const fix = suggestedRoles.length > 0 && eligibleThrough.length === 0 ? ` ${orList(suggestedRoles)} would grant it.` : '';
      return {
        ...common,
        granted: false,
        grantedBy,
        excludedBy,
        suggestedRoles,
        deniedBy: [],
        eligibleThrough,
        why: `${reason}${eligible}${fix}`,
      };
    });
}

function grantOf(assignment: RoleAssignmentView | EligibleRoleView): CapabilityGrant {
  return {
    assignmentId: assignment.id,
    roleName: assignment.roleName,
    scope: assignment.scope,
    scopeLevel: assignment.scopeLevel,
    viaGroup: assignment.viaGroup,
  };
}

function grantPhrase(grant: CapabilityGrant): string {
  const inherited = grant.scopeLevel === 'resource' ? '' : ' (inherited)';
  const via = grant.viaGroup ? `, through the group ${grant.viaGroup.name ?? grant.viaGroup.id}` : '';
  return `${grant.roleName} on ${describeScope(grant.scope)}${inherited}${via}`;
}

function denialPhrase(denial: CapabilityDenial): string {
  return `the deny assignment "${denial.name}" on ${describeScope(denial.scope)}`;
}

function lowerFirst(text: string): string {
  return `${text.charAt(0).toLowerCase()}${text.slice(1)}`;
}
