import type { DenyAssignmentView, EligibleRoleView, PermissionBlock, RoleDefinitionView } from '../../../../shared/roles.ts';
import { AppError } from '../../../../shared/errors.ts';
import { armApiVersions, armList } from '../../azure/arm-client.ts';
import type { IdentitySession } from '../arm-context.ts';
import { normalizeScope, sameScope, scopeLevel } from '../../azure/resource-id.ts';
import type { RoleDefinitionsCache } from './role-definitions-cache.ts';
import { roleGuidOf } from './role-definitions-cache.ts';

/**
 * What besides role assignments decides an identity's access to a resource: deny assignments, which win over any role
 * (learn.microsoft.com/azure/role-based-access-control/deny-assignments), and roles it is only eligible for through PIM, which grant
 * nothing until activated (learn.microsoft.com/entra/id-governance/privileged-identity-management/pim-resource-roles-activate-your-roles).
 */

/** Role eligibility schedule instances are served from this version (azure-rest-api-specs, Microsoft.Authorization/stable/2020-10-01). */
const pimApiVersion = '2020-10-01';

/** A deny assignment as ARM lists it (authorization-DenyAssignmentCalls.json); only the fields the audit reads. */
interface ArmDenyAssignment {
  id: string;
  name?: string;
  properties: {
    denyAssignmentName?: string;
    description?: string;
    scope: string;
    doNotApplyToChildScopes?: boolean;
    permissions?: Partial<PermissionBlock>[];
    principals?: { id?: string }[];
    excludePrincipals?: { id?: string }[];
  };
}

/** A role eligibility schedule instance (RoleEligibilityScheduleInstance.json); only the fields the audit reads. */
interface ArmEligibility {
  id: string;
  properties: { scope: string; roleDefinitionId: string; principalId: string; endDateTime?: string | null; status?: string };
}

/** True when `scope` is the resource or above it: a management group is above every resource ARM returns it for. */
function atOrAbove(scope: string, resourceId: string): boolean {
  if (scopeLevel(scope) === 'management-group' || scopeLevel(scope) === 'root') return true;
  const s = normalizeScope(scope);
  const r = normalizeScope(resourceId);
  return r === s || r.startsWith(`${s}/`);
}

/**
 * The deny assignments that apply to `objectId` on the resource, read with `reader`'s token; null when they could not be read (the
 * audit then says nothing of them rather than that there are none). A group named in `excludePrincipals` cannot be told from here,
 * so only the identity itself counts as excluded.
 */
export async function readDenyAssignments(
  reader: IdentitySession,
  objectId: string,
  resourceId: string,
  resourceName: string,
): Promise<DenyAssignmentView[] | null> {
  try {
    const filter = encodeURIComponent(`principalId eq '${objectId}'`);
    const items = await armList<ArmDenyAssignment>(reader, {
      path: `${resourceId}/providers/Microsoft.Authorization/denyAssignments?api-version=${armApiVersions.authorization}&$filter=${filter}`,
      what: `read the deny assignments on ${resourceName}`,
      action: 'Microsoft.Authorization/denyAssignments/read',
    });
    const id = objectId.toLowerCase();
    return items
      .filter((d) => {
        const { scope, doNotApplyToChildScopes, excludePrincipals } = d.properties;
        if (doNotApplyToChildScopes ? !sameScope(scope, resourceId) : !atOrAbove(scope, resourceId)) return false;
        return !(excludePrincipals ?? []).some((p) => p.id?.toLowerCase() === id);
      })
      .map((d) => ({
        id: d.id,
        name: d.properties.denyAssignmentName ?? d.name ?? d.id,
        description: d.properties.description ?? '',
        scope: d.properties.scope,
        scopeLevel: scopeLevel(d.properties.scope),
        permissions: (d.properties.permissions ?? []).map((p) => ({
          actions: p.actions ?? [],
          notActions: p.notActions ?? [],
          dataActions: p.dataActions ?? [],
          notDataActions: p.notDataActions ?? [],
        })),
        principals: (d.properties.principals ?? []).flatMap((p) => (p.id ? [p.id.toLowerCase()] : [])),
        excludePrincipals: (d.properties.excludePrincipals ?? []).flatMap((p) => (p.id ? [p.id.toLowerCase()] : [])),
      }));
  } catch (error) {
    // Not read (no right, a list that failed): the audit then says nothing of deny assignments rather than that there are none.
    if (!(error instanceof AppError) || error.code === 'cancelled') throw error;
    return null;
  }
}

/**
 * The roles `objectId` may activate on the resource: asked as the identity itself (`asTarget()`, which needs no right to read
 * others'), else with `reader`'s token for that principal and its groups; null when neither could read them.
 */
export async function readEligibleRoles(
  own: IdentitySession | null,
  reader: IdentitySession,
  objectId: string,
  resourceId: string,
  resourceName: string,
  definitions: RoleDefinitionsCache,
  subscriptionId: string,
): Promise<{ eligible: EligibleRoleView[]; roles: RoleDefinitionView[] } | null> {
  const attempts: [IdentitySession, string][] = [];
  if (own) attempts.push([own, 'asTarget()']);
  if (reader !== own) attempts.push([reader, `assignedTo('${objectId}')`]);
  for (const [session, filter] of attempts) {
    try {
      const items = await armList<ArmEligibility>(session, {
        path: `${resourceId}/providers/Microsoft.Authorization/roleEligibilityScheduleInstances?api-version=${pimApiVersion}&$filter=${encodeURIComponent(filter)}`,
        what: `read the roles eligible through PIM on ${resourceName}`,
        action: 'Microsoft.Authorization/roleEligibilityScheduleInstances/read',
      });
      const applying = items.filter(
        (e) => atOrAbove(e.properties.scope, resourceId) && (e.properties.status ?? 'Provisioned') !== 'Revoked',
      );
      const roles = await Promise.all(applying.map((e) => definitions.resolve(reader, subscriptionId, e.properties.roleDefinitionId)));
      const eligible = applying.map((e, i) => {
        const guid = roleGuidOf(e.properties.roleDefinitionId);
        const viaGroup =
          e.properties.principalId.toLowerCase() === objectId.toLowerCase() ? null : { id: e.properties.principalId, name: null };
        return {
          id: e.id,
          roleDefinitionId: guid,
          roleName: roles[i]?.roleName ?? guid,
          scope: e.properties.scope,
          scopeLevel: scopeLevel(e.properties.scope),
          endDateTime: e.properties.endDateTime ?? null,
          viaGroup,
        };
      });
      return { eligible, roles };
    } catch (error) {
      if (!(error instanceof AppError) || error.code === 'cancelled') throw error;
      // Refused or failed: the next way, else no word on eligible roles.
    }
  }
  return null;
}
