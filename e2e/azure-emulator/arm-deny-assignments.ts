import {
  authorizationResource,
  assignmentAuditFields,
  itemsSeenAt,
  parseAuthorizationFilter,
  sendOneAtScope,
} from './arm-authorization-lists.ts';
import type { AuthorizationListHandler } from './arm-authorization-lists.ts';
import { authorize, sendArmError, sendPage } from './arm-responses.ts';
import type { EmulatorContext } from './emulator-context.ts';
import { everyonePrincipal, principalAndGroups, principalTypeOf } from './role-evaluation.ts';
import type { DenyAssignment } from './scenario.ts';

/**
 * `GET {scope}/providers/Microsoft.Authorization/denyAssignments[/{id}]`, in the shape of azure-rest-api-specs
 * specification/authorization/resource-manager/Microsoft.Authorization/stable/2022-04-01/authorization-DenyAssignmentCalls.json
 * (DenyAssignments_ListForScope): `atScope()` keeps those at or above the scope; `principalId eq '{id}'` keeps those at, above and
 * below it that name the principal (the emulator also counts its groups and everyone, as the deny applies to them).
 */
export const handleDenyAssignments: AuthorizationListHandler = (context, exchange, caller, scope, name) => {
  if (!authorize(context, exchange, caller, scope, 'Microsoft.Authorization/denyAssignments/read')) return;
  const { scenario } = context;
  const view = (d: DenyAssignment) => denyView(context, d);
  if (name !== undefined)
    return sendOneAtScope(exchange, scenario.denyAssignments, scope, name, view, 'DenyAssignmentNotFound', 'deny assignment');
  const filter = parseAuthorizationFilter(exchange.query.get('$filter'), ['atScope()', "principalId eq '{objectId}'"]);
  if (typeof filter === 'string') return sendArmError(exchange, 400, 'UnsupportedQuery', filter);
  const principal = filter.principalId === undefined ? undefined : principalAndGroups(scenario, filter.principalId);
  const matches = itemsSeenAt(scenario, scenario.denyAssignments, scope, filter.atScope).filter(
    (d) => !principal || d.principals.some((p) => p === everyonePrincipal || principal.has(p)),
  );
  sendPage(context, exchange, matches.map(view));
};

function denyView(context: EmulatorContext, d: DenyAssignment): unknown {
  const principal = (id: string) => ({ id, type: id === everyonePrincipal ? 'SystemDefined' : principalTypeOf(context.scenario, id) });
  return authorizationResource(d.scope, 'denyAssignments', d.id, {
    denyAssignmentName: d.denyAssignmentName,
    description: d.description,
    permissions: d.permissions.map((p) => ({ ...p, condition: null, conditionVersion: null })),
    scope: d.scope,
    doNotApplyToChildScopes: d.doNotApplyToChildScopes,
    principals: d.principals.map(principal),
    excludePrincipals: d.excludePrincipals.map(principal),
    isSystemProtected: true,
    ...assignmentAuditFields(),
  });
}
