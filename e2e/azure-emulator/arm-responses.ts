import type { EmulatorContext } from './emulator-context.ts';
import type { EntraCaller } from './entra-token-validation.ts';
import { sendJson } from './http-exchange.ts';
import type { Exchange } from './http-exchange.ts';
import { isAllowed } from './role-evaluation.ts';

/** ARM's error envelope, its 403, and list paging through `nextLink`. */

export function sendArmError(
  exchange: Exchange,
  status: number,
  code: string,
  message: string,
  headers: Record<string, string> = {},
): void {
  sendJson(
    exchange.res,
    status,
    { error: { code, message } },
    { 'x-ms-failure-cause': status === 403 ? 'gateway' : 'service', ...headers },
  );
}

/** Answers 403 AuthorizationFailed and returns false when the caller may not perform `action` at `scope`. */
export function authorize(context: EmulatorContext, exchange: Exchange, caller: EntraCaller, scope: string, action: string): boolean {
  if (isAllowed(context.scenario, caller.principalId, scope, action, 'action')) return true;
  const who = String(caller.claims['upn'] ?? caller.claims['appid'] ?? caller.principalId);
  sendArmError(
    exchange,
    403,
    'AuthorizationFailed',
    `The client '${who}' with object id '${caller.principalId}' does not have authorization to perform action '${action}' over ` +
      `scope '${scope}' or the scope is invalid. If access was recently granted, please refresh your credentials.`,
  );
  return false;
}

/** Sends one page of `items`; `$skipToken` (any case) carries the offset of the next page in `nextLink`. */
export function sendPage(context: EmulatorContext, exchange: Exchange, items: readonly unknown[]): void {
  const pageSize = context.scenario.settings.armPageSize;
  const skipKey = [...exchange.query.keys()].find((k) => k.toLowerCase() === '$skiptoken');
  const offset = Math.max(0, Number(skipKey ? exchange.query.get(skipKey) : 0) || 0);
  const page = items.slice(offset, offset + pageSize);
  const body: Record<string, unknown> = { value: page };
  if (offset + pageSize < items.length) {
    // ARM writes `$`-prefixed query keys literally in its links.
    const query = [...exchange.query].filter(([key]) => key !== skipKey).map(([key, value]) => `${key}=${encodeURIComponent(value)}`);
    query.push(`$skipToken=${offset + pageSize}`);
    body['nextLink'] = `${context.urls.arm}${exchange.path}?${query.join('&')}`;
  }
  sendJson(exchange.res, 200, body);
}

/** A role definition's id as ARM writes it for an assignment at `scope`: under its subscription, or tenant-wide above one. */
export function roleDefinitionIdAt(scope: string, guid: string): string {
  const subscription = /^\/subscriptions\/([^/]+)/i.exec(scope)?.[1];
  return `${subscription ? `/subscriptions/${subscription}` : ''}/providers/Microsoft.Authorization/roleDefinitions/${guid}`;
}
