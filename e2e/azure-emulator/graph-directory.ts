import type { EmulatorContext } from './emulator-context.ts';
import { sendGraphError, sendGraphNotFound, sendGraphRefusal, type GraphAreaHandler, type GraphCaller } from './graph.ts';
import { readJson, sendJson, type Exchange } from './http-exchange.ts';
import type { Scenario } from './scenario.ts';

/**
 * Microsoft Graph, the directory: `GET /me`, `GET /users/{id}`, `GET /groups/{id}`,
 * `GET /servicePrincipals?$filter=appId eq '…'`, `GET /servicePrincipals/{id}` and `POST /directoryObjects/getByIds`,
 * in Graph's shapes and with the permissions each page of the v1.0 reference lists:
 * - https://learn.microsoft.com/graph/api/user-get (me: User.Read; another user: User.ReadBasic.All or higher),
 * - https://learn.microsoft.com/graph/api/group-get (GroupMember.Read.All or higher),
 * - https://learn.microsoft.com/graph/api/serviceprincipal-get and serviceprincipal-list (Application.Read.All or higher),
 * - https://learn.microsoft.com/graph/api/directoryobject-getbyids (Directory.Read.All; up to 1000 ids).
 * A delegated token with Directory.AccessAsUser.All (what the Azure CLI's client holds for Graph) reads as the user may: the CLI
 * itself resolves role-assignment principals through getByIds with that token. A guest reads only its own object
 * (https://learn.microsoft.com/entra/fundamentals/users-default-permissions), so a guest's delegated directory reads are refused.
 * Objects of another tenant are not found, as Graph answers only from the token's tenant.
 */

const graphContext = 'https://graph.microsoft.com/v1.0/$metadata';

type DirectoryObject = Record<string, unknown> & { id: string };

const userReaders = ['User.ReadBasic.All', 'User.Read.All', 'User.ReadWrite.All', 'Directory.Read.All', 'Directory.ReadWrite.All'];
const groupReaders = ['GroupMember.Read.All', 'Group.Read.All', 'Group.ReadWrite.All', 'Directory.Read.All', 'Directory.ReadWrite.All'];
const spReaders = ['Application.Read.All', 'Application.ReadWrite.All', 'Directory.Read.All', 'Directory.ReadWrite.All'];
const directoryReaders = ['Directory.Read.All', 'Directory.ReadWrite.All'];

export const handleGraphDirectory: GraphAreaHandler = (context, exchange, caller, path) => {
  const segments = path.split('/').filter(Boolean).map(decodeURIComponent);
  const [collection, id, action] = segments;
  const get = exchange.method === 'GET';
  if (collection?.toLowerCase() === 'me' && segments.length === 1 && get) return answerMe(context, exchange, caller);
  if (collection === 'users' && id && segments.length === 2 && get)
    return answerOne(exchange, caller, mayRead(context, caller, userReaders), users(context.scenario, caller).find(matches(id)), id);
  if (collection === 'groups' && id && segments.length === 2 && get)
    return answerOne(exchange, caller, mayRead(context, caller, groupReaders), groups(context.scenario, caller).find(matches(id)), id);
  if (collection === 'servicePrincipals' && segments.length === 1 && get) return answerSpFilter(context, exchange, caller);
  if (collection === 'servicePrincipals' && id && segments.length === 2 && get)
    return answerOne(exchange, caller, mayRead(context, caller, spReaders), sps(context.scenario, caller).find(matches(id)), id);
  if (collection === 'directoryObjects' && id === 'getByIds' && !action && exchange.method === 'POST')
    return answerGetByIds(context, exchange, caller);
  return false;
};

/** Whether the token carries one of `accepted` (or, delegated, Directory.AccessAsUser.All) and its user may read the directory. */
function mayRead(context: EmulatorContext, caller: GraphCaller, accepted: readonly string[]): boolean {
  if (caller.isUser) {
    const user = context.scenario.users.find((u) => u.id === caller.principalId);
    if (user?.userType === 'Guest') return false;
    return caller.permissions.some((p) => accepted.includes(p) || p === 'Directory.AccessAsUser.All');
  }
  return caller.permissions.some((p) => accepted.includes(p));
}

function answerMe(context: EmulatorContext, exchange: Exchange, caller: GraphCaller): true {
  if (!caller.isUser) {
    sendGraphError(exchange, 400, 'BadRequest', '/me request is only valid with delegated authentication flow.');
    return true;
  }
  const me = context.scenario.users.find((u) => u.id === caller.principalId);
  if (!me) return sendGraphNotFound(exchange, caller.principalId);
  // Any delegated Graph permission that reads the signed-in user's profile: User.Read is the least (user-get's table).
  const readsSelf = ['User.Read', 'User.ReadWrite', 'User.ReadBasic.All', 'User.Read.All', 'User.ReadWrite.All', 'Directory.Read.All'];
  if (!caller.permissions.some((p) => readsSelf.includes(p) || p === 'Directory.AccessAsUser.All')) return sendGraphRefusal(exchange);
  sendJson(exchange.res, 200, { '@odata.context': `${graphContext}#users/$entity`, ...userShape(me) });
  return true;
}

function answerOne(exchange: Exchange, caller: GraphCaller, allowed: boolean, found: DirectoryObject | undefined, id: string): true {
  // A user may always read their own object.
  if (!allowed && !(caller.isUser && found?.id === caller.principalId)) return sendGraphRefusal(exchange);
  if (!found) return sendGraphNotFound(exchange, id);
  const { '@odata.type': type, ...rest } = found;
  sendJson(exchange.res, 200, { '@odata.context': `${graphContext}#${collectionOf(String(type))}/$entity`, ...rest });
  return true;
}

/** `$filter=appId eq '{guid}'`, the one filter the app sends (https://learn.microsoft.com/graph/filter-query-parameter). */
function answerSpFilter(context: EmulatorContext, exchange: Exchange, caller: GraphCaller): true {
  if (!mayRead(context, caller, spReaders)) return sendGraphRefusal(exchange);
  const filter = exchange.query.get('$filter');
  const all = sps(context.scenario, caller);
  let value = all;
  if (filter !== null) {
    const appId = /^\s*appId\s+eq\s+'([^']*)'\s*$/i.exec(filter)?.[1];
    if (appId === undefined) {
      sendGraphError(exchange, 400, 'BadRequest', `Invalid filter clause: ${filter.slice(0, 100)}`);
      return true;
    }
    value = all.filter((sp) => String(sp['appId']).toLowerCase() === appId.toLowerCase());
  }
  const select = exchange.query.get('$select');
  sendJson(exchange.res, 200, {
    '@odata.context': `${graphContext}#servicePrincipals`,
    value: value.map((sp) => selected(withoutType(sp), select)),
  });
  return true;
}

const knownTypes: Record<string, string> = { user: 'user', group: 'group', serviceprincipal: 'servicePrincipal' };
const otherTypes = new Set([
  'device',
  'application',
  'directoryobjectpartnerreference',
  'orgcontact',
  'administrativeunit',
  'directoryrole',
]);

function answerGetByIds(context: EmulatorContext, exchange: Exchange, caller: GraphCaller): true {
  let body: unknown;
  try {
    body = readJson(exchange);
  } catch {
    sendGraphError(
      exchange,
      400,
      'BadRequest',
      'Unable to read JSON request payload. Please ensure Content-Type header is set and payload is of valid JSON format.',
    );
    return true;
  }
  const { ids, types } = (body ?? {}) as { ids?: unknown; types?: unknown };
  if (!Array.isArray(ids) || ids.length === 0 || !ids.every((i) => typeof i === 'string')) {
    sendGraphError(exchange, 400, 'Request_BadRequest', "Invalid value specified for property 'ids' of resource 'DirectoryObject'.");
    return true;
  }
  // The reference page: "You can specify up to 1000 IDs."
  if (ids.length > 1000) {
    sendGraphError(exchange, 400, 'Request_BadRequest', 'The number of ids in the request exceeds the limit of 1000.');
    return true;
  }
  const wanted = types === undefined ? undefined : Array.isArray(types) ? types.map((t) => String(t).toLowerCase()) : null;
  if (wanted === null || wanted?.some((t) => !(t in knownTypes) && !otherTypes.has(t))) {
    sendGraphError(exchange, 400, 'Request_BadRequest', "Invalid value specified for property 'types' of resource 'DirectoryObject'.");
    return true;
  }
  if (!mayRead(context, caller, directoryReaders)) return sendGraphRefusal(exchange);
  const pool = [...users(context.scenario, caller), ...groups(context.scenario, caller), ...sps(context.scenario, caller)].filter(
    (o) => wanted === undefined || wanted.some((t) => knownTypes[t] && `#microsoft.graph.${knownTypes[t]}` === o['@odata.type']),
  );
  // Unknown ids are left out, not errors; each object once, in the order asked.
  const value = [...new Set((ids as string[]).map((i) => i.toLowerCase()))].flatMap((i) => pool.filter(matches(i)));
  sendJson(exchange.res, 200, { '@odata.context': `${graphContext}#directoryObjects`, value });
  return true;
}

const matches =
  (id: string) =>
  (o: DirectoryObject): boolean =>
    o.id.toLowerCase() === id.toLowerCase();

function withoutType(o: DirectoryObject): Record<string, unknown> {
  const { '@odata.type': _type, ...rest } = o;
  return rest;
}

function collectionOf(type: string): string {
  if (type.endsWith('.group')) return 'groups';
  if (type.endsWith('.servicePrincipal')) return 'servicePrincipals';
  return 'users';
}

function userShape(u: Scenario['users'][number]): DirectoryObject {
  // v1.0's default user properties (user-get: "a default set of properties").
  const [given, ...rest] = u.displayName.split(' ');
  return {
    '@odata.type': '#microsoft.graph.user',
    id: u.id,
    businessPhones: [],
    displayName: u.displayName,
    givenName: given ?? null,
    jobTitle: null,
    mail: u.userName,
    mobilePhone: null,
    officeLocation: null,
    preferredLanguage: null,
    surname: rest.join(' ') || null,
    userPrincipalName: u.userName,
  };
}

function users(s: Scenario, caller: GraphCaller): DirectoryObject[] {
  return s.users.filter((u) => u.tenant === caller.tenantId).map(userShape);
}

function groups(s: Scenario, caller: GraphCaller): DirectoryObject[] {
  return s.groups
    .filter((g) => g.tenant === caller.tenantId)
    .map((g) => ({
      '@odata.type': '#microsoft.graph.group',
      id: g.id,
      displayName: g.displayName,
      description: null,
      groupTypes: [],
      mailEnabled: false,
      mailNickname: g.displayName.replace(/[^A-Za-z0-9]/g, '').toLowerCase(),
      securityEnabled: true,
    }));
}

function sps(s: Scenario, caller: GraphCaller): DirectoryObject[] {
  const own = s.servicePrincipals
    .filter((sp) => sp.tenant === caller.tenantId)
    .map((sp) => ({ ...spShape(sp, 'AzureADMyOrg', []), appOwnerOrganizationId: sp.tenant }));
  // Microsoft's first-party resources (ARM, ACS, Mixed Reality) with the delegated permissions they publish: an app asks for one by
  // the scope's id (https://learn.microsoft.com/graph/api/resources/serviceprincipal, oauth2PermissionScopes).
  const firstParty = (s.resourceServicePrincipals ?? [])
    .filter((sp) => sp.tenant === undefined || sp.tenant === caller.tenantId)
    .map((sp) => spShape(sp, 'AzureADMultipleOrgs', sp.oauth2PermissionScopes));
  return [...own, ...firstParty];
}

/** A service principal as Graph shows it (https://learn.microsoft.com/graph/api/resources/serviceprincipal). */
function spShape(
  sp: { id: string; appId: string; displayName: string },
  signInAudience: string,
  oauth2PermissionScopes: readonly unknown[],
): DirectoryObject {
  return {
    '@odata.type': '#microsoft.graph.servicePrincipal',
    id: sp.id,
    appId: sp.appId,
    appDisplayName: sp.displayName,
    displayName: sp.displayName,
    accountEnabled: true,
    servicePrincipalType: 'Application',
    signInAudience,
    oauth2PermissionScopes,
  };
}

/** `$select=a,b`: only those properties (https://learn.microsoft.com/graph/query-parameters#select-parameter). */
function selected(o: Record<string, unknown>, select: string | null): Record<string, unknown> {
  if (select === null) return o;
  const wanted = new Set(
    select
      .split(',')
      .map((p) => p.trim().toLowerCase())
      .filter(Boolean),
  );
  if (wanted.size === 0) return o;
  return Object.fromEntries(Object.entries(o).filter(([key]) => wanted.has(key.toLowerCase())));
}
