import { authorize, roleDefinitionIdAt, sendArmError, sendPage } from './arm-responses.ts';
import type { EmulatorContext } from './emulator-context.ts';
import type { EntraCaller } from './entra-token-validation.ts';
import { sendJson } from './http-exchange.ts';
import type { Exchange } from './http-exchange.ts';
import { allRoleDefinitions, findRoleDefinition } from './role-definitions.ts';
import type { RoleDefinition } from './role-definitions.ts';
import { handleDenyAssignments } from './arm-deny-assignments.ts';
import { handleRoleEligibility } from './arm-role-eligibility.ts';
import { normalizeScope, principalAndGroups, principalTypeOf, scopeIsUnder, scopeIsWithin } from './role-evaluation.ts';
import type { RoleAssignment } from './scenario.ts';

/**
 * `{scope}/providers/Microsoft.Authorization/roleAssignments` and `roleDefinitions`
 * (AZURE-PROTOCOLS.md §4). Without a filter a list shows assignments above, at and below the
 * scope; `atScope()` keeps those at or above; `assignedTo('{id}')` follows group membership;
 * `principalId eq '{id}'` does not.
 */

type Filter = { atScope: boolean; assignedTo: string | undefined; principalId: string | undefined };

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
  if (name !== undefined) {
    const one = context.scenario.roleAssignments.find(
      (a) => a.id === name.toLowerCase() && normalizeScope(a.scope) === normalizeScope(scope),
    );
    return one
      ? sendJson(exchange.res, 200, assignmentView(context, one, roles))
      : sendArmError(exchange, 404, 'RoleAssignmentNotFound', `The role assignment '${name}' is not found.`);
  }
  const filter = parseFilter(exchange.query.get('$filter'));
  if (typeof filter === 'string') return sendArmError(exchange, 400, 'UnsupportedQuery', filter);
  const assignedIds = filter.assignedTo ? principalAndGroups(context.scenario, filter.assignedTo) : undefined;
  const matches = context.scenario.roleAssignments.filter((a) => {
    const above = scopeIsUnder(context.scenario, scope, a.scope);
    if (filter.atScope ? !above : !above && !scopeIsUnder(context.scenario, a.scope, scope)) return false;
    if (assignedIds && !assignedIds.has(a.principalId)) return false;
    return filter.principalId === undefined || a.principalId === filter.principalId;
  });
  sendPage(
    context,
    exchange,
    matches.map((a) => assignmentView(context, a, roles)),
  );
}

function parseFilter(text: string | null): Filter | string {
  const filter: Filter = { atScope: false, assignedTo: undefined, principalId: undefined };
  if (!text) return filter;
  for (const clause of text.trim().split(/\s+and\s+/i)) {
    const assigned = /^assignedTo\('([0-9a-f-]{36})'\)$/i.exec(clause);
    const principal = /^principalId\s+eq\s+'([0-9a-f-]{36})'$/i.exec(clause);
    if (/^atScope\(\)$/i.test(clause)) filter.atScope = true;
    else if (assigned?.[1]) filter.assignedTo = assigned[1].toLowerCase();
    else if (principal?.[1]) filter.principalId = principal[1].toLowerCase();
    else
      return (
        `The filter '${text}' is not supported. Supported filters are atScope(), assignedTo('{objectId}') and principalId eq ` +
        `'{objectId}'.`
      );
  }
  return filter;
}

function assignmentView(context: EmulatorContext, a: RoleAssignment, roles: readonly RoleDefinition[]): unknown {
  return {
    id: `${a.scope}/providers/Microsoft.Authorization/roleAssignments/${a.id}`,
    name: a.id,
    type: 'Microsoft.Authorization/roleAssignments',
    properties: {
      roleDefinitionId: roleDefinitionIdAt(a.scope, findRoleDefinition(roles, a.role)?.id ?? ''),
      principalId: a.principalId,
      principalType: principalTypeOf(context.scenario, a.principalId),
      scope: a.scope,
      condition: null,
      conditionVersion: null,
      createdOn: '2024-01-15T09:30:00.0000000Z',
      updatedOn: '2024-01-15T09:30:00.0000000Z',
      createdBy: null,
      updatedBy: null,
      delegatedManagedIdentityResourceId: null,
      description: null,
    },
  };
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
