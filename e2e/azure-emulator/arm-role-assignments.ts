import {
  authorizationResource,
  assignmentAuditFields,
  itemsSeenAt,
  parseAuthorizationFilter,
  sendOneAtScope,
} from './arm-authorization-lists.ts';
import { authorize, roleDefinitionIdAt, sendArmError, sendPage } from './arm-responses.ts';
import type { EmulatorContext } from './emulator-context.ts';
import type { EntraCaller } from './entra-token-validation.ts';
import { sendJson } from './http-exchange.ts';
import type { Exchange } from './http-exchange.ts';
import { allRoleDefinitions, findRoleDefinition } from './role-definitions.ts';
import type { RoleDefinition } from './role-definitions.ts';
import { handleDenyAssignments } from './arm-deny-assignments.ts';
import { handleRoleEligibility } from './arm-role-eligibility.ts';
import { principalAndGroups, principalTypeOf, scopeIsWithin } from './role-evaluation.ts';
import type { RoleAssignment } from './scenario.ts';

/**
 * `{scope}/providers/Microsoft.Authorization/roleAssignments` and `roleDefinitions`
 * (AZURE-PROTOCOLS.md §4). Without a filter a list shows assignments above, at and below the
 * scope; `atScope()` keeps those at or above; `assignedTo('{id}')` follows group membership;
 * `principalId eq '{id}'` does not.
 */

export function handleAuthorization(
  context: EmulatorContext,
  exchange: Exchange,
  caller: EntraCaller,
  scope: string,
  kind: string,
  name: string | undefined,
): void {
  if (exchange.method !== 'GET')
    return sendArmError(exchange, 405, 'MethodNotAllowed', 'This emulator serves reads of role assignments and definitions.');
  if (kind === 'roledefinitions') return roleDefinitions(context, exchange, scope, name);
  if (kind === 'denyassignments') return handleDenyAssignments(context, exchange, caller, scope, name);
  if (kind === 'roleeligibilityscheduleinstances') return handleRoleEligibility(context, exchange, caller, scope, name);
  if (kind !== 'roleassignments') return sendArmError(exchange, 404, 'NotFound', `No Microsoft.Authorization type '${kind}'.`);
  if (!authorize(context, exchange, caller, scope, 'Microsoft.Authorization/roleAssignments/read')) return;
  const roles = allRoleDefinitions(context.scenario);
  const view = (a: RoleAssignment) => assignmentView(context, a, roles);
  const assignments = context.scenario.roleAssignments;
  if (name !== undefined) return sendOneAtScope(exchange, assignments, scope, name, view, 'RoleAssignmentNotFound', 'role assignment');
  const filter = parseAuthorizationFilter(exchange.query.get('$filter'), [
    'atScope()',
    "assignedTo('{objectId}')",
    "principalId eq '{objectId}'",
  ]);
  if (typeof filter === 'string') return sendArmError(exchange, 400, 'UnsupportedQuery', filter);
  const assignedIds = filter.assignedTo ? principalAndGroups(context.scenario, filter.assignedTo) : undefined;
  const matches = itemsSeenAt(context.scenario, assignments, scope, filter.atScope).filter(
    (a) => (!assignedIds || assignedIds.has(a.principalId)) && (filter.principalId === undefined || a.principalId === filter.principalId),
  );
  sendPage(context, exchange, matches.map(view));
}

function assignmentView(context: EmulatorContext, a: RoleAssignment, roles: readonly RoleDefinition[]): unknown {
  return authorizationResource(a.scope, 'roleAssignments', a.id, {
    roleDefinitionId: roleDefinitionIdAt(a.scope, findRoleDefinition(roles, a.role)?.id ?? ''),
    principalId: a.principalId,
    principalType: principalTypeOf(context.scenario, a.principalId),
    scope: a.scope,
    ...assignmentAuditFields(),
    delegatedManagedIdentityResourceId: null,
    description: null,
  });
}

function roleDefinitions(context: EmulatorContext, exchange: Exchange, scope: string, name: string | undefined): void {
  const prefix = scope === '/' ? '' : `/subscriptions/${scope.split('/')[2] ?? ''}`;
  const roles = allRoleDefinitions(context.scenario).filter((r) =>
    r.assignableScopes.some((s) => s === '/' || scopeIsWithin(scope, s) || scopeIsWithin(s, scope)),
  );
  const view = (r: RoleDefinition): unknown => ({
    id: `${prefix}/providers/Microsoft.Authorization/roleDefinitions/${r.id}`,
    name: r.id,
    type: 'Microsoft.Authorization/roleDefinitions',
    properties: {
      roleName: r.roleName,
      type: r.type,
      description: r.description,
      assignableScopes: r.assignableScopes,
      permissions: r.permissions,
      createdOn: '2019-03-01T00:00:00.0000000Z',
      updatedOn: '2024-01-15T09:30:00.0000000Z',
      createdBy: null,
      updatedBy: null,
    },
  });
  if (name !== undefined) {
    const role = roles.find((r) => r.id === name.toLowerCase());
    return role
      ? sendJson(exchange.res, 200, view(role))
      : sendArmError(exchange, 404, 'RoleDefinitionDoesNotExist', `The specified role definition with ID '${name}' does not exist.`);
  }
  const byName = /^roleName\s+eq\s+'([^']+)'$/i.exec(exchange.query.get('$filter') ?? '')?.[1]?.toLowerCase();
  sendPage(context, exchange, roles.filter((r) => byName === undefined || r.roleName.toLowerCase() === byName).map(view));
}
