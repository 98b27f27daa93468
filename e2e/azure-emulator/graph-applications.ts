import { randomUUID } from 'node:crypto';
import type { EmulatorContext } from './emulator-context.ts';
import { applicationsOf, type GraphApplication, type RequiredResourceAccess } from './graph-application-store.ts';
import { sendGraphError, sendGraphNotFound, sendGraphRefusal, type GraphAreaHandler, type GraphCaller } from './graph.ts';
import { readJson, sendEmpty, sendJson, type Exchange } from './http-exchange.ts';

/**
 * Microsoft Graph, app registrations: `POST /applications`, `GET/PATCH /applications/{id}` and `POST /servicePrincipals`,
 * in the shapes and with the permissions of the v1.0 reference:
 * - https://learn.microsoft.com/graph/api/application-post-applications (delegated: Application.ReadWrite.All; 201 with the object),
 * - https://learn.microsoft.com/graph/api/application-get (Application.Read.All or higher; `{id}` is the object id, or
 *   `(appId='…')` as the alternate key),
 * - https://learn.microsoft.com/graph/api/application-update (Application.ReadWrite.All; 204 No Content),
 * - https://learn.microsoft.com/graph/api/serviceprincipal-post-serviceprincipals (Application.ReadWrite.All; body `{ appId }`).
 * Directory.AccessAsUser.All (what the Azure CLI's client holds for Graph: `az ad app create` registers apps with it) acts as the
 * user may. A delegated call is also bounded by what the user may do: with "Users can register applications" set to No and no
 * role that allows it, Graph refuses the user with 403 Authorization_RequestDenied
 * (https://learn.microsoft.com/entra/identity/role-based-access-control/delegate-app-roles#restrict-who-can-create-applications).
 *
 * An application registered here is a public client the emulator's Entra accepts at once (its `publicClient.redirectUris`), and,
 * not being first-party, it asks the user's consent on the sign-in page the first time (graph-application-store.ts).
 */

const graphContext = 'https://graph.microsoft.com/v1.0/$metadata';
const writers = ['Application.ReadWrite.All', 'Directory.AccessAsUser.All'];
const readers = ['Application.Read.All', 'Directory.Read.All', 'Directory.ReadWrite.All', ...writers];

export const handleGraphApplications: GraphAreaHandler = (context, exchange, caller, path) => {
  const segments = path.split('/').filter(Boolean).map(decodeURIComponent);
  const [collection, key] = segments;
  if (collection === 'applications' && segments.length === 1 && exchange.method === 'POST')
    return createApplication(context, exchange, caller);
  if (collection === 'servicePrincipals' && segments.length === 1 && exchange.method === 'POST')
    return createServicePrincipal(context, exchange, caller);
  const alternate = /^applications\(appId='([^']*)'\)$/i.exec(segments[0] ?? '');
  if ((collection === 'applications' && key && segments.length === 2) || (alternate && segments.length === 1)) {
    const found = findApplication(context, caller, alternate ? { appId: alternate[1] ?? '' } : { id: key ?? '' });
    if (exchange.method === 'GET') return readApplication(exchange, caller, found, alternate?.[1] ?? key ?? '');
    if (exchange.method === 'PATCH') return updateApplication(context, exchange, caller, found, alternate?.[1] ?? key ?? '');
  }
  return false;
};

function createApplication(context: EmulatorContext, exchange: Exchange, caller: GraphCaller): true {
  const body = writerBody(context, exchange, caller);
  if (!body) return true;
  const displayName = typeof body['displayName'] === 'string' ? body['displayName'].trim() : '';
  if (!displayName) return badRequest(exchange, 'Request_BadRequest', "Property 'displayName' is required.");
  const changes = applicationChanges(exchange, body);
  if (!changes) return true;
  const app: GraphApplication = {
    id: randomUUID(),
    appId: randomUUID(),
    displayName,
    // Graph's default when the request names none: the home tenant only.
    signInAudience: 'AzureADMyOrg',
    tenant: caller.tenantId,
    createdDateTime: new Date().toISOString().replace(/\.\d+Z$/, 'Z'),
    isFallbackPublicClient: false,
    publicClient: { redirectUris: [] },
    requiredResourceAccess: [],
    ...changes,
  };
  applicationsOf(context).applications.set(app.id, app);
  syncPublicClient(context, app);
  sendJson(exchange.res, 201, { '@odata.context': `${graphContext}#applications/$entity`, ...applicationShape(app) });
  return true;
}

function readApplication(exchange: Exchange, caller: GraphCaller, found: GraphApplication | undefined, key: string): true {
  if (!caller.permissions.some((p) => readers.includes(p))) return sendGraphRefusal(exchange);
  if (!found) return sendGraphNotFound(exchange, key);
  sendJson(exchange.res, 200, { '@odata.context': `${graphContext}#applications/$entity`, ...applicationShape(found) });
  return true;
}

function updateApplication(
  context: EmulatorContext,
  exchange: Exchange,
  caller: GraphCaller,
  found: GraphApplication | undefined,
  key: string,
): true {
  if (!found && mayWrite(context, caller)) return sendGraphNotFound(exchange, key);
  const body = writerBody(context, exchange, caller);
  if (!body || !found) return true;
  const changes = applicationChanges(exchange, body);
  if (!changes) return true;
  if (typeof body['displayName'] === 'string' && body['displayName'].trim()) changes.displayName = body['displayName'].trim();
  Object.assign(found, changes);
  syncPublicClient(context, found);
  sendEmpty(exchange.res, 204);
  return true;
}

function createServicePrincipal(context: EmulatorContext, exchange: Exchange, caller: GraphCaller): true {
  const body = writerBody(context, exchange, caller);
  if (!body) return true;
  const appId = typeof body['appId'] === 'string' ? body['appId'].toLowerCase() : '';
  const app = [...applicationsOf(context).applications.values()].find((a) => a.appId === appId && a.tenant === caller.tenantId);
  if (!app)
    return badRequest(
      exchange,
      'Request_BadRequest',
      `The appId '${appId}' of the service principal does not reference a valid application object.`,
    );
  const state = applicationsOf(context);
  // One service principal per application and tenant (inferred from Graph's uniqueness rule on appId).
  if (state.servicePrincipals.has(app.appId))
    return badRequest(
      exchange,
      'Request_MultipleObjectsWithSameKeyValue',
      'Another object with the same value for property appId already exists.',
      409,
    );
  const id = randomUUID();
  state.servicePrincipals.set(app.appId, id);
  // The directory (graph-directory.ts, getByIds) finds it beside the scenario's own; it has no credential, so it never signs in as itself.
  context.scenario.servicePrincipals.push({ id, appId: app.appId, tenant: app.tenant, displayName: app.displayName, appRoles: [] });
  sendJson(exchange.res, 201, {
    '@odata.context': `${graphContext}#servicePrincipals/$entity`,
    id,
    appId: app.appId,
    displayName: app.displayName,
    appOwnerOrganizationId: app.tenant,
    servicePrincipalType: 'Application',
    signInAudience: app.signInAudience,
    accountEnabled: true,
    replyUrls: app.publicClient.redirectUris,
    servicePrincipalNames: [app.appId],
  });
  return true;
}

/** Whether the token may write applications, and (delegated) its user may register them. */
function mayWrite(context: EmulatorContext, caller: GraphCaller): boolean {
  if (!caller.permissions.some((p) => writers.includes(p))) return false;
  if (!caller.isUser) return true;
  const user = context.scenario.users.find((u) => u.id === caller.principalId);
  return user !== undefined && user.mayRegisterApps !== false;
}

function findApplication(
  context: EmulatorContext,
  caller: GraphCaller,
  by: { id: string } | { appId: string },
): GraphApplication | undefined {
  const all = [...applicationsOf(context).applications.values()].filter((a) => a.tenant === caller.tenantId);
  return 'id' in by ? all.find((a) => a.id === by.id.toLowerCase()) : all.find((a) => a.appId === by.appId.toLowerCase());
}

/** The fields a create or update may set, checked; undefined once a 400 has been sent. */
function applicationChanges(exchange: Exchange, body: Record<string, unknown>): Partial<GraphApplication> | undefined {
  const changes: Partial<GraphApplication> = {};
  const audience = body['signInAudience'];
  if (audience !== undefined) {
    const audiences = ['AzureADMyOrg', 'AzureADMultipleOrgs', 'AzureADandPersonalMicrosoftAccount', 'PersonalMicrosoftAccount'];
    if (typeof audience !== 'string' || !audiences.includes(audience)) {
      return invalidProperty(exchange, 'Request_BadRequest', 'signInAudience', 'Application');
    }
    changes.signInAudience = audience;
  }
  if (body['isFallbackPublicClient'] !== undefined) {
    if (typeof body['isFallbackPublicClient'] !== 'boolean') {
      return invalidProperty(exchange, 'BadRequest', 'isFallbackPublicClient', 'Application');
    }
    changes.isFallbackPublicClient = body['isFallbackPublicClient'];
  }
  const publicClient = body['publicClient'];
  if (publicClient !== undefined) {
    const uris = (publicClient as { redirectUris?: unknown } | null)?.redirectUris;
    if (!Array.isArray(uris) || !uris.every(isRedirectUri)) {
      return invalidProperty(exchange, 'Request_BadRequest', 'redirectUris', 'PublicClientApplication');
    }
    changes.publicClient = { redirectUris: uris };
  }
  const required = body['requiredResourceAccess'];
  if (required !== undefined) {
    if (!Array.isArray(required) || !required.every(isRequiredResourceAccess)) {
      return invalidProperty(exchange, 'Request_BadRequest', 'requiredResourceAccess', 'Application');
    }
    changes.requiredResourceAccess = required;
  }
  return changes;
}

/** 400 `code` for a property whose value Graph does not accept, in Graph's words; undefined, as no changes follow. */
function invalidProperty(exchange: Exchange, code: string, property: string, resource: string): undefined {
  badRequest(exchange, code, `Invalid value specified for property '${property}' of resource '${resource}'.`);
  return undefined;
}

/** Entra takes the app's public-client redirect URIs for sign-in from now on (entra-directory.ts findPublicClient). */
function syncPublicClient(context: EmulatorContext, app: GraphApplication): void {
  const clients = context.scenario.publicClients;
  const index = clients.findIndex((c) => c.clientId === app.appId);
  if (app.publicClient.redirectUris.length === 0) {
    if (index >= 0) clients.splice(index, 1);
    return;
  }
  const client = { clientId: app.appId, displayName: app.displayName, redirectUris: app.publicClient.redirectUris };
  const existing = clients[index];
  // Not first-party, so pre-authorized for nothing: the scenario's defaults for a public client apply.
  if (existing) Object.assign(existing, client);
  else clients.push(client as (typeof clients)[number]);
}

function applicationShape(app: GraphApplication): Record<string, unknown> {
  return {
    id: app.id,
    appId: app.appId,
    displayName: app.displayName,
    signInAudience: app.signInAudience,
    createdDateTime: app.createdDateTime,
    isFallbackPublicClient: app.isFallbackPublicClient,
    publicClient: app.publicClient,
    requiredResourceAccess: app.requiredResourceAccess,
    web: { redirectUris: [] },
    spa: { redirectUris: [] },
  };
}

function isRedirectUri(value: unknown): value is string {
  if (typeof value !== 'string') return false;
  try {
    const url = new URL(value);
    return url.protocol === 'https:' || url.protocol === 'http:' || url.protocol === 'ms-appx-web:';
  } catch {
    return false;
  }
}

const guid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function isRequiredResourceAccess(value: unknown): value is RequiredResourceAccess {
  const entry = value as Partial<RequiredResourceAccess> | null;
  return (
    typeof entry?.resourceAppId === 'string' &&
    guid.test(entry.resourceAppId) &&
    Array.isArray(entry.resourceAccess) &&
    entry.resourceAccess.every((a) => typeof a?.id === 'string' && guid.test(a.id) && (a.type === 'Scope' || a.type === 'Role'))
  );
}

/** The request's JSON object once the caller may write applications; undefined once a 403 or 400 has been sent. */
function writerBody(context: EmulatorContext, exchange: Exchange, caller: GraphCaller): Record<string, unknown> | undefined {
  if (!mayWrite(context, caller)) {
    sendGraphRefusal(exchange);
    return undefined;
  }
  return jsonBody(exchange);
}

function jsonBody(exchange: Exchange): Record<string, unknown> | undefined {
  let body: unknown;
  try {
    body = readJson(exchange);
  } catch {
    badRequest(
      exchange,
      'BadRequest',
      'Unable to read JSON request payload. Please ensure Content-Type header is set and payload is of valid JSON format.',
    );
    return undefined;
  }
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    badRequest(exchange, 'BadRequest', 'Empty Payload. JSON content expected.');
    return undefined;
  }
  return body as Record<string, unknown>;
}

function badRequest(exchange: Exchange, code: string, message: string, status = 400): true {
  sendGraphError(exchange, status, code, message);
  return true;
}
