import { allRoleDefinitions, findRoleDefinition } from './role-definitions.ts';
import type { RoleDefinition } from './role-definitions.ts';
import type { RoleAssignment, Scenario } from './scenario.ts';

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

/** Assignments that apply to the principal (or its groups) at `scope`: made there or above it. */
export function effectiveAssignments(
  scenario: Pick<Scenario, 'groups' | 'roleAssignments'>,
  principalId: string,
  scope: string,
): RoleAssignment[] {
  const ids = principalAndGroups(scenario, principalId);
  return scenario.roleAssignments.filter((a) => ids.has(a.principalId) && scopeIsWithin(scope, a.scope));
}

export function isAllowed(
  scenario: Pick<Scenario, 'groups' | 'roleAssignments' | 'roleDefinitions'>,
  principalId: string,
  scope: string,
  action: string,
  kind: 'action' | 'dataAction',
): boolean {
  const roles = allRoleDefinitions(scenario);
  return effectiveAssignments(scenario, principalId, scope).some((a) => {
    const role = findRoleDefinition(roles, a.role);
    return role !== undefined && roleGrants(role, action, kind);
  });
}

function escapeRegex(text: string): string {
  return text.replace(/[.+?^${}()|[\]\\]/g, '\\$&');
}
