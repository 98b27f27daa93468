import { authorizationResource, itemsSeenAt, parseAuthorizationFilter, sendOneAtScope } from './arm-authorization-lists.ts';
import type { AuthorizationListHandler } from './arm-authorization-lists.ts';
import { authorize, roleDefinitionIdAt, sendArmError, sendPage } from './arm-responses.ts';
import type { EmulatorContext } from './emulator-context.ts';
import { allRoleDefinitions, findRoleDefinition } from './role-definitions.ts';
import { normalizeScope, principalAndGroups, principalTypeOf } from './role-evaluation.ts';
import type { RoleEligibility } from './scenario.ts';

/**
 * `GET {scope}/providers/Microsoft.Authorization/roleEligibilityScheduleInstances[/{name}]` (PIM-eligible roles), in the shape of
 * azure-rest-api-specs specification/authorization/resource-manager/Microsoft.Authorization/stable/2020-10-01/
 * RoleEligibilityScheduleInstance.json and its example GetRoleEligibilityScheduleInstancesByScope.json. Filters: `asTarget()` (the
 * caller's own, directly or through a group: needs no read right), `assignedTo('{id}')` (a principal and its groups) and
 * `principalId eq '{id}'` (that principal only), each at, above and below the scope; `atScope()` keeps those at or above it.
 */
export const handleRoleEligibility: AuthorizationListHandler = (context, exchange, caller, scope, name) => {
  const { scenario } = context;
  const filter = parseAuthorizationFilter(exchange.query.get('$filter'), [
    'asTarget()',
    'atScope()',
    "assignedTo('{objectId}')",
    "principalId eq '{objectId}'",
  ]);
  if (typeof filter === 'string') return sendArmError(exchange, 400, 'UnsupportedQuery', filter);
  let principals: Set<string> | undefined;
  if (filter.assignedTo !== undefined) principals = principalAndGroups(scenario, filter.assignedTo);
  if (filter.principalId !== undefined) principals = new Set([filter.principalId]);
  if (filter.asTarget) principals = principalAndGroups(scenario, caller.principalId);
  else if (!authorize(context, exchange, caller, scope, 'Microsoft.Authorization/roleEligibilityScheduleInstances/read')) return;
  const view = (e: RoleEligibility) => eligibilityView(context, e);
  if (name !== undefined)
    return sendOneAtScope(
      exchange,
      scenario.roleEligibilities,
      scope,
      name,
      view,
      'RoleEligibilityScheduleInstanceNotFound',
      'role eligibility schedule instance',
    );
  const matches = itemsSeenAt(scenario, scenario.roleEligibilities, scope, filter.atScope).filter(
    (e) => !principals || principals.has(e.principalId),
  );
  sendPage(context, exchange, matches.map(view));
};

function eligibilityView(context: EmulatorContext, e: RoleEligibility): unknown {
  const role = findRoleDefinition(allRoleDefinitions(context.scenario), e.role);
  const roleDefinitionId = roleDefinitionIdAt(e.scope, role?.id ?? '');
  return authorizationResource(e.scope, 'roleEligibilityScheduleInstances', e.id, {
    scope: e.scope,
    roleDefinitionId,
    principalId: e.principalId,
    principalType: principalTypeOf(context.scenario, e.principalId),
    status: 'Provisioned',
    roleEligibilityScheduleId: `${e.scope}/providers/Microsoft.Authorization/roleEligibilitySchedules/${e.id}`,
    startDateTime: '2024-01-15T09:30:00.000Z',
    endDateTime: e.endDateTime ?? null,
    memberType: 'Direct',
    createdOn: '2024-01-15T09:30:00.000Z',
    condition: null,
    conditionVersion: null,
    expandedProperties: {
      scope: { id: e.scope, displayName: e.scope.split('/').at(-1) ?? '', type: scopeType(e.scope) },
      roleDefinition: { id: roleDefinitionId, displayName: role?.roleName ?? '', type: role?.type ?? 'BuiltInRole' },
      principal: { id: e.principalId, displayName: '', email: null, type: principalTypeOf(context.scenario, e.principalId) },
    },
  });
}

function scopeType(scope: string): string {
  const parts = normalizeScope(scope).split('/').filter(Boolean);
  if (parts[0] === 'providers') return 'managementgroup';
  if (parts.length === 2) return 'subscription';
  if (parts.length === 4) return 'resourcegroup';
  return 'resource';
}
