import { randomBytes } from 'node:crypto';
import { communicationResourceId } from './acs.ts';
import { authorize, sendArmError, sendPage } from './arm-responses.ts';
import type { EmulatorContext } from './emulator-context.ts';
import type { EntraCaller } from './entra-token-validation.ts';
import { readJson, sendJson } from './http-exchange.ts';
import type { Exchange } from './http-exchange.ts';
import { accountResourceId } from './mixed-reality-sts.ts';
import { isAllowed, principalAndGroups, scopeIsUnder } from './role-evaluation.ts';
import type { CommunicationService, RemoteRenderingAccount } from './scenario.ts';

/** Subscriptions, resource groups, Remote Rendering accounts and Communication services, with their keys (AZURE-PROTOCOLS.md §4). */

const mr = 'Microsoft.MixedReality/remoteRenderingAccounts';
const acs = 'Microsoft.Communication/CommunicationServices';

export function handleResources(context: EmulatorContext, exchange: Exchange, caller: EntraCaller): void {
  const segments = exchange.path.split('/').filter(Boolean).map(decodeURIComponent);
  const lower = segments.map((s) => s.toLowerCase());
  const { scenario } = context;
  if (exchange.method === 'GET' && lower.length === 1 && lower[0] === 'subscriptions') {
    const visible = scenario.subscriptions.filter(
      (s) => s.tenant === caller.tenantId && hasAnyAccess(context, caller, `/subscriptions/${s.id}`),
    );
    return sendPage(context, exchange, visible.map(subscriptionView));
  }
  const subscription = scenario.subscriptions.find((s) => s.id === lower[1]);
  if (lower[0] !== 'subscriptions' || !subscription || !hasAnyAccess(context, caller, `/subscriptions/${subscription.id}`)) {
    return sendArmError(exchange, 404, 'SubscriptionNotFound', `The subscription '${segments[1] ?? ''}' could not be found.`);
  }
  const subScope = `/subscriptions/${subscription.id}`;
  const rest = lower.slice(2);
  if (rest.length === 0 && exchange.method === 'GET') return sendJson(exchange.res, 200, subscriptionView(subscription));
  if (rest.length === 1 && rest[0] === 'resourcegroups' && exchange.method === 'GET') {
    const groups = scenario.resourceGroups.filter((g) => g.subscription === subscription.id);
    const readable = groups.filter((g) =>
      isAllowed(
        scenario,
        caller.principalId,
        `${subScope}/resourceGroups/${g.name}`,
        'Microsoft.Resources/subscriptions/resourceGroups/read',
        'action',
      ),
    );
    return sendPage(
      context,
      exchange,
      readable.map((g) => groupView(g)),
    );
  }
  const group =
    rest[0] === 'resourcegroups'
      ? scenario.resourceGroups.find((g) => g.subscription === subscription.id && g.name.toLowerCase() === rest[1])
      : undefined;
  if (rest[0] === 'resourcegroups' && !group)
    return sendArmError(exchange, 404, 'ResourceGroupNotFound', `Resource group '${segments[3] ?? ''}' could not be found.`);
  if (group && rest.length === 2 && exchange.method === 'GET') {
    if (
      !authorize(
        context,
        exchange,
        caller,
        `${subScope}/resourceGroups/${group.name}`,
        'Microsoft.Resources/subscriptions/resourceGroups/read',
      )
    )
      return;
    return sendJson(exchange.res, 200, groupView(group));
  }
  // .../providers/{namespace}/{type}[/{name}[/{action}]], at subscription or resource group level.
  const providerAt = group ? 2 : 0;
  if (rest[providerAt] !== 'providers') return sendArmError(exchange, 404, 'NotFound', `No ARM route ${exchange.method} ${exchange.path}`);
  const type = `${rest[providerAt + 1] ?? ''}/${rest[providerAt + 2] ?? ''}`;
  const request: ResourceRequest = {
    name: rest[providerAt + 3],
    action: rest[providerAt + 4],
    inScope: (r) => r.subscription === subscription.id && (!group || r.resourceGroup.toLowerCase() === group.name.toLowerCase()),
  };
  if (type === mr.toLowerCase()) return handleResourceType(context, exchange, caller, remoteRenderingAccounts, request);
  if (type === acs.toLowerCase()) return handleResourceType(context, exchange, caller, communicationServices, request);
  sendArmError(exchange, 404, 'NotFound', `No ARM route ${exchange.method} ${exchange.path}`);
}

/** What a request names under a resource type: which resource, which action on it, within which subscription or group. */
interface ResourceRequest {
  name: string | undefined;
  action: string | undefined;
  inScope(resource: { subscription: string; resourceGroup: string }): boolean;
}

/** A resource type the emulator serves: where its resources are, and how ARM shows them and their keys. */
interface ResourceType<T> {
  /** Its provider namespace and type, which its actions' names start with. */
  actionPrefix: string;
  items(context: EmulatorContext): T[];
  id(item: T): string;
  view(context: EmulatorContext, item: T): unknown;
  /** Lists keys, or regenerates one first when `regenerate` carries the request body. */
  keys(context: EmulatorContext, item: T, regenerate?: unknown): Record<string, string> | string;
}

const remoteRenderingAccounts: ResourceType<RemoteRenderingAccount> = {
  actionPrefix: mr,
  items: (context) => context.scenario.remoteRenderingAccounts,
  id: accountResourceId,
  view: (_, account) => accountView(account),
  keys: (_, account, regenerate) => accountKeys(account, regenerate),
};

const communicationServices: ResourceType<CommunicationService> = {
  actionPrefix: acs,
  items: (context) => context.scenario.communicationServices,
  id: communicationResourceId,
  view: serviceView,
  keys: serviceKeys,
};

function handleResourceType<T extends { name: string; subscription: string; resourceGroup: string }>(
  context: EmulatorContext,
  exchange: Exchange,
  caller: EntraCaller,
  t: ResourceType<T>,
  request: ResourceRequest,
): void {
  const read = `${t.actionPrefix}/read`;
  const items = t.items(context).filter((i) => request.inScope(i));
  if (request.name === undefined && exchange.method === 'GET') {
    return sendPage(
      context,
      exchange,
      items.filter((i) => isAllowed(context.scenario, caller.principalId, t.id(i), read, 'action')).map((i) => t.view(context, i)),
    );
  }
  const item = items.find((i) => i.name.toLowerCase() === request.name);
  if (!item)
    return sendArmError(
      exchange,
      404,
      'ResourceNotFound',
      `The Resource '${t.actionPrefix}/${request.name ?? ''}' under resource group was not found.`,
    );
  const scope = t.id(item);
  if (request.action === undefined && exchange.method === 'GET') {
    if (authorize(context, exchange, caller, scope, read)) sendJson(exchange.res, 200, t.view(context, item));
    return;
  }
  if (exchange.method !== 'POST') return sendArmError(exchange, 405, 'MethodNotAllowed', `${exchange.method} is not supported here.`);
  if (request.action === 'listkeys') {
    if (authorize(context, exchange, caller, scope, `${t.actionPrefix}/listKeys/action`))
      sendJson(exchange.res, 200, t.keys(context, item));
    return;
  }
  if (request.action === 'regeneratekeys' || request.action === 'regeneratekey') {
    if (!authorize(context, exchange, caller, scope, `${t.actionPrefix}/${request.action}/action`)) return;
    let body: unknown;
    try {
      body = readJson(exchange);
    } catch {
      return sendArmError(exchange, 400, 'InvalidRequestContent', 'The request content was invalid and could not be deserialized.');
    }
    const result = t.keys(context, item, body ?? {});
    return typeof result === 'string' ? sendArmError(exchange, 400, 'BadRequest', result) : sendJson(exchange.res, 200, result);
  }
  sendArmError(exchange, 404, 'NotFound', `No action '${request.action ?? ''}' on ${t.actionPrefix}.`);
}

function hasAnyAccess(context: EmulatorContext, caller: EntraCaller, subscriptionScope: string): boolean {
  const ids = principalAndGroups(context.scenario, caller.principalId);
  return context.scenario.roleAssignments.some(
    (a) =>
      ids.has(a.principalId) &&
      (scopeIsUnder(context.scenario, a.scope, subscriptionScope) || scopeIsUnder(context.scenario, subscriptionScope, a.scope)),
  );
}

function subscriptionView(s: EmulatorContext['scenario']['subscriptions'][number]): unknown {
  return {
    id: `/subscriptions/${s.id}`,
    authorizationSource: 'RoleBased',
    managedByTenants: [],
    subscriptionId: s.id,
    tenantId: s.tenant,
    displayName: s.displayName,
    state: 'Enabled',
    subscriptionPolicies: { locationPlacementId: 'Public_2014-09-01', quotaId: 'PayAsYouGo_2014-09-01', spendingLimit: 'Off' },
  };
}

function groupView(g: EmulatorContext['scenario']['resourceGroups'][number]): unknown {
  return {
    id: `/subscriptions/${g.subscription}/resourceGroups/${g.name}`,
    name: g.name,
    type: 'Microsoft.Resources/resourceGroups',
    location: g.location,
    properties: { provisioningState: 'Succeeded' },
  };
}

function accountView(a: RemoteRenderingAccount): unknown {
  return {
    id: accountResourceId(a),
    name: a.name,
    type: mr,
    location: a.location,
    tags: {},
    identity: { type: 'None' },
    properties: { accountId: a.accountId, accountDomain: a.accountDomain },
  };
}

function serviceView(context: EmulatorContext, s: CommunicationService): unknown {
  return {
    id: communicationResourceId(s),
    name: s.name,
    type: acs,
    location: s.location,
    tags: {},
    properties: {
      provisioningState: 'Succeeded',
      hostName: hostOf(context, s),
      dataLocation: s.dataLocation,
      immutableResourceId: s.immutableResourceId,
      version: '0.2.0',
      notificationHubId: null,
    },
  };
}

function accountKeys(a: RemoteRenderingAccount, regenerate?: unknown): Record<string, string> | string {
  if (regenerate !== undefined) {
    const serial = (regenerate as { serial?: unknown }).serial;
    if (serial !== 1 && serial !== 2) return 'serial must be 1 (primary) or 2 (secondary).';
    if (serial === 1) a.primaryKey = newKey(32);
    else a.secondaryKey = newKey(32);
  }
  return { primaryKey: a.primaryKey, secondaryKey: a.secondaryKey };
}

function serviceKeys(context: EmulatorContext, s: CommunicationService, regenerate?: unknown): Record<string, string> | string {
  if (regenerate !== undefined) {
    const keyType = String((regenerate as { keyType?: unknown }).keyType ?? '').toLowerCase();
    if (keyType !== 'primary' && keyType !== 'secondary') return 'keyType must be Primary or Secondary.';
    if (keyType === 'primary') s.primaryKey = newKey(64);
    else s.secondaryKey = newKey(64);
  }
  const endpoint = `https://${hostOf(context, s)}/`;
  return {
    primaryKey: s.primaryKey,
    secondaryKey: s.secondaryKey,
    primaryConnectionString: `endpoint=${endpoint};accesskey=${s.primaryKey}`,
    secondaryConnectionString: `endpoint=${endpoint};accesskey=${s.secondaryKey}`,
  };
}

/** The resource's own emulator host (real: `<name>.<geo>.communication.azure.com`). */
function hostOf(context: EmulatorContext, s: CommunicationService): string {
  return new URL(context.urls.acs[s.name] ?? 'https://unknown.invalid').host;
}

function newKey(bytes: number): string {
  return randomBytes(bytes).toString('base64');
}
