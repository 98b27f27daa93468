import { sendArmError } from './arm-responses.ts';
import type { EmulatorContext } from './emulator-context.ts';
import type { EntraCaller } from './entra-token-validation.ts';
import { sendJson } from './http-exchange.ts';
import type { Exchange } from './http-exchange.ts';
import { normalizeScope, scopeIsUnder } from './role-evaluation.ts';
import type { ScopeWorld } from './role-evaluation.ts';

/**
 * What the Microsoft.Authorization lists (role assignments, deny assignments, role eligibility schedule instances) share: their
 * `$filter` clauses joined by `and`, the GET of one item by name at its scope, and which items a list at a scope shows
 * (AZURE-PROTOCOLS.md §4; azure-rest-api-specs specification/authorization/resource-manager/Microsoft.Authorization).
 */

/** A list of `{scope}/providers/Microsoft.Authorization/{kind}` (`name`: one item of it), as arm-role-assignments.ts routes to it. */
export type AuthorizationListHandler = (
  context: EmulatorContext,
  exchange: Exchange,
  caller: EntraCaller,
  scope: string,
  name: string | undefined,
) => void;

export type AuthorizationClause = 'asTarget()' | 'atScope()' | "assignedTo('{objectId}')" | "principalId eq '{objectId}'";

/** The clauses of one `$filter`; object ids are lower-cased. */
export type AuthorizationFilter = { atScope: boolean; asTarget: boolean; assignedTo: string | undefined; principalId: string | undefined };

/** Parses `$filter`, accepting only the `supported` clauses; a string is the error message that names them. */
export function parseAuthorizationFilter(text: string | null, supported: readonly AuthorizationClause[]): AuthorizationFilter | string {
  const filter: AuthorizationFilter = { atScope: false, asTarget: false, assignedTo: undefined, principalId: undefined };
  const trimmed = text?.trim() ?? '';
  for (const clause of trimmed ? trimmed.split(/\s+and\s+/i) : []) {
    const assigned = /^assignedTo\('([0-9a-f-]{36})'\)$/i.exec(clause)?.[1];
    const principal = /^principalId\s+eq\s+'([0-9a-f-]{36})'$/i.exec(clause)?.[1];
    if (supported.includes('atScope()') && /^atScope\(\)$/i.test(clause)) filter.atScope = true;
    else if (supported.includes('asTarget()') && /^asTarget\(\)$/i.test(clause)) filter.asTarget = true;
    else if (supported.includes("assignedTo('{objectId}')") && assigned) filter.assignedTo = assigned.toLowerCase();
    else if (supported.includes("principalId eq '{objectId}'") && principal) filter.principalId = principal.toLowerCase();
    else
      return `The filter '${trimmed}' is not supported. Supported filters are ${supported.slice(0, -1).join(', ')} and ${supported.at(-1)}.`;
  }
  return filter;
}

/** Sends the item named `name` (any case) at exactly `scope`, or a 404 with `notFoundCode` naming the `kind` of item. */
export function sendOneAtScope<T extends { id: string; scope: string }>(
  exchange: Exchange,
  items: readonly T[],
  scope: string,
  name: string,
  view: (item: T) => unknown,
  notFoundCode: string,
  kind: string,
): void {
  const one = items.find((item) => item.id === name.toLowerCase() && normalizeScope(item.scope) === normalizeScope(scope));
  return one ? sendJson(exchange.res, 200, view(one)) : sendArmError(exchange, 404, notFoundCode, `The ${kind} '${name}' is not found.`);
}

/** The items a list at `scope` shows: those at or above it, and below it too unless `atScope()` was asked for. */
export function itemsSeenAt<T extends { scope: string }>(scenario: ScopeWorld, items: readonly T[], scope: string, atScope: boolean): T[] {
  return items.filter((item) => {
    const above = scopeIsUnder(scenario, scope, item.scope);
    return atScope ? above : above || scopeIsUnder(scenario, item.scope, scope);
  });
}

/** An item as ARM returns it: `{scope}/providers/Microsoft.Authorization/{type}/{id}`, its name, type and properties. */
export function authorizationResource(scope: string, type: string, id: string, properties: Record<string, unknown>): unknown {
  return { id: `${scope}/providers/Microsoft.Authorization/${type}/${id}`, name: id, type: `Microsoft.Authorization/${type}`, properties };
}

/** The fixed audit fields the emulator stamps on every assignment it serves (no condition, created and never updated by anyone). */
export function assignmentAuditFields(): Record<string, null | string> {
  return {
    condition: null,
    conditionVersion: null,
    createdOn: '2024-01-15T09:30:00.0000000Z',
    updatedOn: '2024-01-15T09:30:00.0000000Z',
    createdBy: null,
    updatedBy: null,
  };
}
