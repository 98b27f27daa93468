import { allRoleDefinitions, findRoleDefinition } from './role-definitions.ts';
import type { RoleDefinition } from './role-definitions.ts';
import type { DenyAssignment, RoleAssignment, Scenario } from './scenario.ts';

/** Azure RBAC as ARM evaluates it: assignments inherited down the scope tree, groups followed, wildcards matched. */

/** `*` matches any run of characters; comparison ignores case, as ARM's does. */
export function actionMatches(pattern: string, action: string): boolean {
  const regex = new RegExp(`^${pattern.split('*').map(escapeRegex).join('.*')}$`, 'i');
  return regex.test(action);
}

export function roleGrants(role: RoleDefinition, action: string, kind: 'action' | 'dataAction'): boolean {
  return role.permissions.some((p) => {
    const [allowed, denied] = kind === 'action' ? [p.actions, p.notActions] : [p.dataActions, p.notDataActions];
    return allowed.some((a) => actionMatches(a, action)) && !denied.some((a) => actionMatches(a, action));
  });
}

/** Normalised scope: lower case, no trailing slash, single slashes. */
export function normalizeScope(scope: string): string {
  return `/${scope.split('/').filter(Boolean).join('/')}`.toLowerCase();
}

/** True when `scope` is `ancestor` itself or lies below it. */
export function scopeIsWithin(scope: string, ancestor: string): boolean {
  const s = normalizeScope(scope);
  const a = normalizeScope(ancestor);
  return a === '/' || s === a || s.startsWith(`${a}/`);
}

/** The principal and every group it belongs to, directly or through nested groups. */
export function principalAndGroups(scenario: Pick<Scenario, 'groups'>, principalId: string): Set<string> {
  const ids = new Set([principalId.toLowerCase()]);
  let grew = true;
  while (grew) {
    grew = false;
    for (const group of scenario.groups) {
      if (!ids.has(group.id) && group.members.some((m) => ids.has(m))) {
        ids.add(group.id);
        grew = true;
      }
    }
  }
  return ids;
}

export type ScopeWorld = Pick<Scenario, 'managementGroups'>;

/**
 * A scope's place in the whole tree, management groups included: `/mg/{root}/mg/{child}/subscriptions/{id}/...`. ARM's scope
 * hierarchy runs management groups → subscriptions → resource groups → resources
 * (learn.microsoft.com/azure/role-based-access-control/scope-overview).
 */
export function treePath(scenario: ScopeWorld, scope: string): string {
  const normal = normalizeScope(scope);
  const group = /^\/providers\/microsoft\.management\/managementgroups\/([^/]+)$/.exec(normal)?.[1];
  if (group !== undefined) return groupChain(scenario, group);
  const subscription = /^\/subscriptions\/([^/]+)/.exec(normal)?.[1];
  const holder = scenario.managementGroups.find((g) => g.subscriptions.includes(subscription ?? ''));
  return holder ? `${groupChain(scenario, holder.id.toLowerCase())}${normal}` : normal;
}

function groupChain(scenario: ScopeWorld, id: string): string {
  const chain: string[] = [];
  let current: string | undefined = id;
  while (current !== undefined && !chain.includes(current)) {
    chain.unshift(current);
    const here: string = current;
    current = scenario.managementGroups.find((g) => g.id.toLowerCase() === here)?.parent?.toLowerCase();
  }
  return chain.map((g) => `/mg/${g}`).join('');
}

/** True when `scope` is `ancestor` or below it, management groups counted. */
export function scopeIsUnder(scenario: ScopeWorld, scope: string, ancestor: string): boolean {
  return scopeIsWithin(treePath(scenario, scope), treePath(scenario, ancestor));
}

/** Assignments that apply to the principal (or its groups) at `scope`: made there or above it, management groups included. */
export function effectiveAssignments(
  scenario: Pick<Scenario, 'groups' | 'roleAssignments' | 'managementGroups'>,
  principalId: string,
  scope: string,
): RoleAssignment[] {
  const ids = principalAndGroups(scenario, principalId);
  return scenario.roleAssignments.filter((a) => ids.has(a.principalId) && scopeIsUnder(scenario, scope, a.scope));
}

/** The all-zero GUID in a deny assignment's principals stands for everyone (learn.microsoft.com/azure/role-based-access-control/deny-assignments). */
export const everyonePrincipal = '00000000-0000-0000-0000-000000000000';

/** Deny assignments that apply to the principal at `scope` (its principals name it, a group of it or everyone; none excludes it). */
export function applicableDenyAssignments(
  scenario: Pick<Scenario, 'groups' | 'denyAssignments' | 'managementGroups'>,
  principalId: string,
  scope: string,
): DenyAssignment[] {
  const ids = principalAndGroups(scenario, principalId);
  return scenario.denyAssignments.filter(
    (d) =>
      (d.doNotApplyToChildScopes ? normalizeScope(d.scope) === normalizeScope(scope) : scopeIsUnder(scenario, scope, d.scope)) &&
      d.principals.some((p) => p === everyonePrincipal || ids.has(p)) &&
      !d.excludePrincipals.some((p) => ids.has(p)),
  );
}

/** Deny assignments take precedence over role assignments (learn.microsoft.com/azure/role-based-access-control/deny-assignments). */
export function isAllowed(
  scenario: Pick<Scenario, 'groups' | 'roleAssignments' | 'roleDefinitions' | 'managementGroups' | 'denyAssignments'>,
  principalId: string,
  scope: string,
  action: string,
  kind: 'action' | 'dataAction',
  options: { builtInRolesOnly?: boolean } = {},
): boolean {
  const roles = allRoleDefinitions(scenario).filter((r) => !options.builtInRolesOnly || r.type === 'BuiltInRole');
  const denied = applicableDenyAssignments(scenario, principalId, scope).some((d) =>
    roleGrants({ permissions: d.permissions } as RoleDefinition, action, kind),
  );
  if (denied) return false;
  return effectiveAssignments(scenario, principalId, scope).some((a) => {
    const role = findRoleDefinition(roles, a.role);
    return role !== undefined && roleGrants(role, action, kind);
  });
}

/** How ARM labels a principal in an assignment's `principalType`. */
export function principalTypeOf(
  scenario: Pick<Scenario, 'groups' | 'servicePrincipals'>,
  id: string,
): 'User' | 'Group' | 'ServicePrincipal' {
  if (scenario.groups.some((g) => g.id === id)) return 'Group';
  if (scenario.servicePrincipals.some((s) => s.id === id)) return 'ServicePrincipal';
  return 'User';
}

function escapeRegex(text: string): string {
  return text.replace(/[.+?^${}()|[\]\\]/g, '\\$&');
}
