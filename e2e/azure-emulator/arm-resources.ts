import { randomBytes } from 'node:crypto';
import { communicationResourceId } from './acs.ts';
import { authorize, sendArmError, sendPage } from './arm-responses.ts';
import type { EmulatorContext } from './emulator-context.ts';
import type { EntraCaller } from './entra-token-validation.ts';
import { readJson, sendJson } from './http-exchange.ts';
import type { Exchange } from './http-exchange.ts';
import { accountResourceId } from './mixed-reality-sts.ts';
import { isAllowed, principalAndGroups, scopeIsWithin } from './role-evaluation.ts';
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
  const name = rest[providerAt + 3];
  const action = rest[providerAt + 4];
  const inScope = <T extends { subscription: string; resourceGroup: string }>(r: T): boolean =>
    r.subscription === subscription.id && (!group || r.resourceGroup.toLowerCase() === group.name.toLowerCase());
  if (type === mr.toLowerCase()) {
    const accounts = scenario.remoteRenderingAccounts.filter(inScope);
    return handleResourceType(context, exchange, caller, {
      name,
      action,
      items: accounts,
      id: accountResourceId,
      view: accountView,
      actionPrefix: mr,
      keys: accountKeys,
    });
  }
  if (type === acs.toLowerCase()) {
    const services = scenario.communicationServices.filter(inScope);
    return handleResourceType(context, exchange, caller, {
      name,
      action,
      items: services,
      id: communicationResourceId,
      view: (s) => serviceView(context, s),
      actionPrefix: acs,
      keys: (s, body) => serviceKeys(context, s, body),
    });
  }
  sendArmError(exchange, 404, 'NotFound', `No ARM route ${exchange.method} ${exchange.path}`);
}

interface ResourceType<T> {
  name: string | undefined;
  action: string | undefined;
  items: T[];
  id: (item: T) => string;
  view: (item: T) => unknown;
  actionPrefix: string;
  /** Lists keys, or regenerates one first when `regenerate` carries the request body. */
  keys: (item: T, regenerate?: unknown) => Record<string, string> | string;
}

function handleResourceType<T extends { name: string }>(
  context: EmulatorContext,
  exchange: Exchange,
  caller: EntraCaller,
  t: ResourceType<T>,
): void {
  const read = `${t.actionPrefix}/read`;
  if (t.name === undefined && exchange.method === 'GET') {
    return sendPage(
      context,
      exchange,
      t.items.filter((i) => isAllowed(context.scenario, caller.principalId, t.id(i), read, 'action')).map(t.view),
    );
  }
  const item = t.items.find((i) => i.name.toLowerCase() === t.name);
  if (!item)
    return sendArmError(
      exchange,
      404,
      'ResourceNotFound',
      `The Resource '${t.actionPrefix}/${t.name ?? ''}' under resource group was not found.`,
    );
  const scope = t.id(item);
  if (t.action === undefined && exchange.method === 'GET') {
    if (authorize(context, exchange, caller, scope, read)) sendJson(exchange.res, 200, t.view(item));
    return;
  }
  if (exchange.method !== 'POST') return sendArmError(exchange, 405, 'MethodNotAllowed', `${exchange.method} is not supported here.`);
  if (t.action === 'listkeys') {
    if (authorize(context, exchange, caller, scope, `${t.actionPrefix}/listKeys/action`)) sendJson(exchange.res, 200, t.keys(item));
    return;
  }
  if (t.action === 'regeneratekeys' || t.action === 'regeneratekey') {
    if (!authorize(context, exchange, caller, scope, `${t.actionPrefix}/${t.action}/action`)) return;
    let body: unknown;
    try {
      body = readJson(exchange);
    } catch {
      return sendArmError(exchange, 400, 'InvalidRequestContent', 'The request content was invalid and could not be deserialized.');
    }
    const result = t.keys(item, body ?? {});
    return typeof result === 'string' ? sendArmError(exchange, 400, 'BadRequest', result) : sendJson(exchange.res, 200, result);
  }
  sendArmError(exchange, 404, 'NotFound', `No action '${t.action ?? ''}' on ${t.actionPrefix}.`);
}

function hasAnyAccess(context: EmulatorContext, caller: EntraCaller, subscriptionScope: string): boolean {
  const ids = principalAndGroups(context.scenario, caller.principalId);
  return context.scenario.roleAssignments.some(
    (a) => ids.has(a.principalId) && (scopeIsWithin(a.scope, subscriptionScope) || scopeIsWithin(subscriptionScope, a.scope)),
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
