import { authorize, sendArmError, sendPage } from './arm-responses.ts';
import type { EmulatorContext } from './emulator-context.ts';
import type { EntraCaller } from './entra-token-validation.ts';
import { sendJson } from './http-exchange.ts';
import type { Exchange } from './http-exchange.ts';
import { everyonePrincipal, normalizeScope, principalAndGroups, principalTypeOf, scopeIsUnder } from './role-evaluation.ts';
import type { DenyAssignment } from './scenario.ts';

/**
 * `GET {scope}/providers/Microsoft.Authorization/denyAssignments[/{id}]`, in the shape of azure-rest-api-specs
 * specification/authorization/resource-manager/Microsoft.Authorization/stable/2022-04-01/authorization-DenyAssignmentCalls.json
 * (DenyAssignments_ListForScope): `atScope()` keeps those at or above the scope; `principalId eq '{id}'` keeps those at, above and
 * below it that name the principal (the emulator also counts its groups and everyone, as the deny applies to them).
 */
export function handleDenyAssignments(
  context: EmulatorContext,
  exchange: Exchange,
  caller: EntraCaller,
  scope: string,
  name: string | undefined,
): void {
  if (!authorize(context, exchange, caller, scope, 'Microsoft.Authorization/denyAssignments/read')) return;
  const { scenario } = context;
  if (name !== undefined) {
    const one = scenario.denyAssignments.find((d) => d.id === name.toLowerCase() && normalizeScope(d.scope) === normalizeScope(scope));
    return one
      ? sendJson(exchange.res, 200, denyView(context, one))
      : sendArmError(exchange, 404, 'DenyAssignmentNotFound', `The deny assignment '${name}' is not found.`);
  }
  const text = exchange.query.get('$filter')?.trim() ?? '';
  let atScope = false;
  let principal: Set<string> | undefined;
  for (const clause of text ? text.split(/\s+and\s+/i) : []) {
    const id = /^principalId\s+eq\s+'([0-9a-f-]{36})'$/i.exec(clause)?.[1];
    if (/^atScope\(\)$/i.test(clause)) atScope = true;
    else if (id) principal = principalAndGroups(scenario, id);
    else
      return sendArmError(
        exchange,
        400,
        'UnsupportedQuery',
        `The filter '${text}' is not supported. Supported filters are atScope() and principalId eq '{objectId}'.`,
      );
  }
  const matches = scenario.denyAssignments.filter((d) => {
    const above = scopeIsUnder(scenario, scope, d.scope);
    if (atScope ? !above : !above && !scopeIsUnder(scenario, d.scope, scope)) return false;
    return !principal || d.principals.some((p) => p === everyonePrincipal || principal.has(p));
  });
  sendPage(
    context,
    exchange,
    matches.map((d) => denyView(context, d)),
  );
}

function denyView(context: EmulatorContext, d: DenyAssignment): unknown {
  const principal = (id: string) => ({ id, type: id === everyonePrincipal ? 'SystemDefined' : principalTypeOf(context.scenario, id) });
  return {
    id: `${d.scope}/providers/Microsoft.Authorization/denyAssignments/${d.id}`,
    name: d.id,
    type: 'Microsoft.Authorization/denyAssignments',
    properties: {
      denyAssignmentName: d.denyAssignmentName,
      description: d.description,
      permissions: d.permissions.map((p) => ({ ...p, condition: null, conditionVersion: null })),
      scope: d.scope,
      doNotApplyToChildScopes: d.doNotApplyToChildScopes,
      principals: d.principals.map(principal),
      excludePrincipals: d.excludePrincipals.map(principal),
      isSystemProtected: true,
      condition: null,
      conditionVersion: null,
      createdOn: '2024-01-15T09:30:00.0000000Z',
      updatedOn: '2024-01-15T09:30:00.0000000Z',
      createdBy: null,
      updatedBy: null,
    },
  };
}
