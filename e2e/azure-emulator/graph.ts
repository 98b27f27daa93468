import type { EmulatorContext } from './emulator-context.ts';
import { checkEntraToken } from './entra-token-validation.ts';
import { handleGraphApplications } from './graph-applications.ts';
import { handleGraphDirectory } from './graph-directory.ts';
import { bearerToken, sendJson, type Exchange } from './http-exchange.ts';

/**
 * Microsoft Graph (v1.0), the parts the app uses: token checks in Graph's words, then each area's
 * routes. Graph's error body is `{ error: { code, message, innerError: { date, request-id } } }`
 * (https://learn.microsoft.com/graph/errors); a missing or bad token is 401 `InvalidAuthenticationToken`,
 * a token without the permission a call needs is 403 `Authorization_RequestDenied`.
 *
 * Each area is a handler that answers and returns true, or returns false for a path it does not know.
 */
export type GraphAreaHandler = (context: EmulatorContext, exchange: Exchange, caller: GraphCaller, path: string) => boolean;

/** Who calls Graph: the token's object and tenant, and what it may do. */
export interface GraphCaller {
  principalId: string;
  tenantId: string;
  claims: Record<string, unknown>;
  /** Delegated permissions (`scp`, a user's token) and application roles (`roles`, an app's token). */
  permissions: string[];
  /** A user's (delegated) token rather than an application's. */
  isUser: boolean;
}

const graphAudiences = ['https://graph.microsoft.com', '00000003-0000-0000-c000-000000000000'];

/** The areas, in order: the directory (me, users, groups, service principals, directoryObjects), then applications. A path none answers gets 400. */
const areas: readonly GraphAreaHandler[] = [handleGraphDirectory, handleGraphApplications];

export function sendGraphError(exchange: Exchange, status: number, code: string, message: string): void {
  sendJson(exchange.res, status, {
    error: { code, message, innerError: { date: new Date().toISOString().slice(0, 19), 'request-id': crypto.randomUUID() } },
  });
}

/** 403 `Authorization_RequestDenied`: the token lacks the permission (or its user the right) the call needs. Answered, so true. */
export function sendGraphRefusal(exchange: Exchange): true {
  sendGraphError(exchange, 403, 'Authorization_RequestDenied', 'Insufficient privileges to complete the operation.');
  return true;
}

/** 404 `Request_ResourceNotFound` naming the key asked for, in Graph's words. Answered, so true. */
export function sendGraphNotFound(exchange: Exchange, key: string): true {
  sendGraphError(
    exchange,
    404,
    'Request_ResourceNotFound',
    `Resource '${key}' does not exist or one of its queried reference-property objects are not present.`,
  );
  return true;
}

export function handleGraph(context: EmulatorContext, exchange: Exchange): void {
  const token = bearerToken(exchange);
  if (!token) return sendGraphError(exchange, 401, 'InvalidAuthenticationToken', 'Access token is empty.');
  const check = checkEntraToken(context, token, (aud) => graphAudiences.includes(aud));
  if (!check.ok) {
    if (check.reason === 'expired')
      return sendGraphError(exchange, 401, 'InvalidAuthenticationToken', 'Lifetime validation failed, the token is expired.');
    if (check.reason === 'audience') return sendGraphError(exchange, 401, 'InvalidAuthenticationToken', 'Invalid audience.');
    return sendGraphError(exchange, 401, 'InvalidAuthenticationToken', 'Access token validation failure. Invalid audience.');
  }
  const match = /^\/v1\.0(\/.*)$/i.exec(exchange.path);
  if (!match?.[1]) return sendGraphError(exchange, 400, 'BadRequest', `Invalid version: ${exchange.path.split('/')[1] ?? ''}`);
  const claims = check.caller.claims;
  const caller: GraphCaller = {
    principalId: check.caller.principalId,
    tenantId: check.caller.tenantId,
    claims,
    permissions: [
      ...(typeof claims['scp'] === 'string' ? claims['scp'].split(' ') : []),
      ...(Array.isArray(claims['roles']) ? claims['roles'].filter((r): r is string => typeof r === 'string') : []),
    ],
    isUser: typeof claims['scp'] === 'string',
  };
  for (const area of areas) if (area(context, exchange, caller, match[1])) return;
  sendGraphError(exchange, 400, 'BadRequest', `Resource not found for the segment '${match[1].split('/')[1] ?? ''}'.`);
}
