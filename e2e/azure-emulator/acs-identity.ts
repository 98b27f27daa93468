import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import { sendAcsError } from './acs-errors.ts';
import { acsScopes, issueTeamsUserToken, issueUserToken } from './acs-user-token.ts';
import type { AcsIdentity, EmulatorContext } from './emulator-context.ts';
import { checkEntraToken } from './entra-token-validation.ts';
import { readJson, sendEmpty, sendJson } from './http-exchange.ts';
import type { Exchange } from './http-exchange.ts';
import type { CommunicationService } from './scenario.ts';

/**
 * The identity operations with their bodies, status codes and validation (AZURE-PROTOCOLS.md §2). From api-version 2025-06-30 a
 * create may carry `customId` (creating with the same one again returns that identity: learn.microsoft.com,
 * azure/communication-services/concepts/identity-model), and `GET /identities/{id}` answers `{id, customId, lastTokenIssuedAt}`
 * (azure-rest-api-specs, communication/data-plane/Identity/stable/2025-06-30/examples/GetIdentity.json; the identity in a create's
 * answer carries the same fields, preview/2025-03-02-preview/examples/CreateIdentity.json).
 */

const minutes = z
  .number({ message: 'expiresInMinutes must be a number' })
  .int()
  .min(60, 'expiresInMinutes must be between 60 and 1440')
  .max(1440, 'expiresInMinutes must be between 60 and 1440');
const scopes = z.array(z.enum(acsScopes, { message: `Scopes must be among ${acsScopes.join(', ')}` }));
const customId = z.string().trim().min(1, 'customId must not be empty').max(256, 'customId must be at most 256 characters');
const createBody = z
  .object({ createTokenWithScopes: scopes.optional(), expiresInMinutes: minutes.optional(), customId: customId.optional() })
  .optional();
const issueBody = z.object({ scopes: scopes.min(1, 'At least one scope is required'), expiresInMinutes: minutes.optional() });
const teamsBody = z.object({ token: z.string().min(1), appId: z.string().min(1), userId: z.string().min(1) });

const defaultMinutes = 1440;

export function createIdentity(context: EmulatorContext, resource: CommunicationService, exchange: Exchange): void {
  const body = parseBody(exchange, createBody);
  if (body === null) return;
  const custom = body?.customId;
  if (custom !== undefined && !customIdVersion(exchange))
    return sendAcsError(exchange.res, 400, 'ValidationError', 'customId needs api-version 2025-06-30 or later.', 'customId');
  const existing =
    custom === undefined
      ? undefined
      : [...context.acs.identities.values()].find((i) => i.resourceName === resource.name && i.customId === custom);
  const identity: AcsIdentity = existing ?? {
    id: newIdentityId(resource),
    resourceName: resource.name,
    liveTokenIds: new Set(),
    ...(custom === undefined ? {} : { customId: custom }),
  };
  context.acs.identities.set(identity.id, identity);
  const wanted = body?.createTokenWithScopes;
  const response: Record<string, unknown> = {};
  if (wanted && wanted.length > 0)
    response['accessToken'] = issueUserToken(context, resource, identity, wanted, body?.expiresInMinutes ?? defaultMinutes);
  response['identity'] = customIdVersion(exchange) ? identityShape(identity) : { id: identity.id };
  sendJson(exchange.res, 201, response);
}

/** `GET /identities/{id}` (api-version 2025-06-30). */
export function getIdentity(context: EmulatorContext, resource: CommunicationService, exchange: Exchange, identityId: string): void {
  if (!customIdVersion(exchange)) return sendAcsError(exchange.res, 404, 'NotFound', 'Get identity needs api-version 2025-06-30 or later.');
  const identity = findIdentity(context, resource, exchange, identityId);
  if (identity) sendJson(exchange.res, 200, identityShape(identity));
}

function identityShape(identity: AcsIdentity): Record<string, unknown> {
  return {
    id: identity.id,
    ...(identity.customId === undefined ? {} : { customId: identity.customId }),
    ...(identity.lastTokenIssuedAt === undefined ? {} : { lastTokenIssuedAt: identity.lastTokenIssuedAt }),
  };
}

/** api-version 2025-06-30 and later know customId and Get identity. */
function customIdVersion(exchange: Exchange): boolean {
  return (exchange.query.get('api-version') ?? '') >= '2025-06-30';
}

export function issueAccessToken(context: EmulatorContext, resource: CommunicationService, exchange: Exchange, identityId: string): void {
  const identity = findIdentity(context, resource, exchange, identityId);
  if (!identity) return;
  const body = parseBody(exchange, issueBody);
  if (body === null) return;
  sendJson(exchange.res, 200, issueUserToken(context, resource, identity, body.scopes, body.expiresInMinutes ?? defaultMinutes));
}

export function revokeAccessTokens(context: EmulatorContext, resource: CommunicationService, exchange: Exchange, identityId: string): void {
  const identity = findIdentity(context, resource, exchange, identityId);
  if (!identity) return;
  identity.liveTokenIds.clear();
  sendEmpty(exchange.res, 204);
}

export function deleteIdentity(context: EmulatorContext, resource: CommunicationService, exchange: Exchange, identityId: string): void {
  const identity = findIdentity(context, resource, exchange, identityId);
  if (!identity) return;
  context.acs.identities.delete(identity.id);
  sendEmpty(exchange.res, 204);
}

export function exchangeTeamsToken(context: EmulatorContext, resource: CommunicationService, exchange: Exchange): void {
  const body = parseBody(exchange, teamsBody);
  if (body === null) return;
  const check = checkEntraToken(context, body.token, (aud) => aud === 'https://auth.msft.communication.azure.com');
  const valid =
    check.ok && check.caller.claims['appid'] === body.appId.toLowerCase() && check.caller.principalId === body.userId.toLowerCase();
  if (!check.ok || !valid) return sendAcsError(exchange.res, 401, 'InvalidAccessToken', 'Provided access token is not valid.');
  sendJson(exchange.res, 200, issueTeamsUserToken(context, resource, check.caller.principalId, Number(check.caller.claims['exp'])));
}

function findIdentity(
  context: EmulatorContext,
  resource: CommunicationService,
  exchange: Exchange,
  identityId: string,
): AcsIdentity | undefined {
  const identity = context.acs.identities.get(identityId);
  if (identity && identity.resourceName === resource.name) return identity;
  sendAcsError(exchange.res, 404, 'IdentityNotFound', `Identity '${identityId}' was not found.`);
  return undefined;
}

/** `8:acs:<resource guid>_<segmented hex>`, as the service mints them. */
function newIdentityId(resource: CommunicationService): string {
  const hex = randomBytes(14).toString('hex');
  return `8:acs:${resource.immutableResourceId}_00000020-${hex.slice(0, 4)}-${hex.slice(4, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 24)}`;
}

/** The parsed body, or null after answering 400. */
function parseBody<T>(exchange: Exchange, schema: z.ZodType<T>): T | null {
  let json: unknown;
  try {
    json = readJson(exchange);
  } catch {
    sendAcsError(exchange.res, 400, 'BadRequest', 'The request body is not valid JSON.');
    return null;
  }
  const result = schema.safeParse(json);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  const target = issue?.path[0] === undefined ? undefined : String(issue.path[0]);
  sendAcsError(exchange.res, 400, 'ValidationError', issue?.message ?? 'The request is not valid.', target);
  return null;
}
