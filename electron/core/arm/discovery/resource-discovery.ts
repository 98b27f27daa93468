import type { DiscoveredResource, DiscoveredSubscription } from '../../../../shared/discovery.ts';
import { AppError } from '../../../../shared/errors.ts';
import type { ResourceKind } from '../../../../shared/roles.ts';
import type { AccountRecord } from '../../accounts/account-record.ts';
import { armApiVersions, armList, type ArmSession } from '../../azure/arm-client.ts';
import { ArmRequestError } from '../../azure/arm-errors.ts';
import { parseResourceId, resourceTypes, sameScope } from '../../azure/resource-id.ts';

/**
 * What one identity can see in Azure Resource Manager: its subscriptions, and in each the Remote
 * Rendering accounts and Communication Services resources (every page of every list).
 */

/** A resource as ARM returns it; only the fields the app reads. */
export interface ArmResource {
  id: string;
  name: string;
  location?: string;
  properties?: Record<string, unknown>;
}

interface ArmSubscription {
  subscriptionId: string;
  displayName?: string;
  tenantId?: string;
  state?: string;
}

export async function listSubscriptions(session: ArmSession): Promise<DiscoveredSubscription[]> {
  const items = await armList<ArmSubscription>(session, {
    path: `/subscriptions?api-version=${armApiVersions.subscriptions}`,
    what: 'list its subscriptions',
  });
  return items.map((s) => ({
    subscriptionId: s.subscriptionId,
    displayName: s.displayName ?? s.subscriptionId,
    tenantId: s.tenantId ?? '',
    state: s.state ?? 'Unknown',
  }));
}

/** The resources of both kinds in every subscription; a list that fails is a failure in words (its code kept), the rest still counts. */
export async function listVisibleResources(
  session: ArmSession,
  subscriptions: readonly DiscoveredSubscription[],
): Promise<{ resources: DiscoveredResource[]; failures: AppError[] }> {
  const resources: DiscoveredResource[] = [];
  const failures: AppError[] = [];
  for (const subscription of subscriptions) {
    for (const kind of ['arr', 'acs'] as const) {
      const { type, apiVersion, label } = resourceTypes[kind];
      const what = `list the ${label}s of the subscription ${subscription.displayName}`;
      try {
        const items = await armList<ArmResource>(session, {
          path: `/subscriptions/${encodeURIComponent(subscription.subscriptionId)}/providers/${type}?api-version=${apiVersion}`,
          what,
          action: `${type}/read`,
        });
        resources.push(...items.flatMap((item) => toDiscovered(item, kind) ?? []));
      } catch (error) {
        if (!(error instanceof AppError) || error.code === 'cancelled') throw error;
        // ARM's refusal of the request names the list; a timeout, 5xx or throttling only the service, so the list is named here.
        failures.push(error instanceof ArmRequestError ? error : new AppError(error.code, `Could not ${what}: ${error.message}`));
      }
    }
  }
  return { resources, failures };
}

/** The resource as discovery shows it; undefined when ARM left out what the app needs. */
export function toDiscovered(item: ArmResource, kind: ResourceKind): DiscoveredResource | undefined {
  const parts = parseResourceId(item.id);
  if (!parts || parts.kind !== kind) return undefined;
  const common = {
    resourceId: item.id,
    name: item.name,
    location: item.location ?? '',
    subscriptionId: parts.subscriptionId,
    resourceGroup: parts.resourceGroup,
    alreadyImportedAs: null,
  };
  const properties = item.properties ?? {};
  if (kind === 'arr') {
    const { accountId, accountDomain } = properties;
    if (typeof accountId !== 'string' || typeof accountDomain !== 'string') return undefined;
    return { ...common, kind, accountId: accountId.toLowerCase(), accountDomain };
  }
  const hostName = properties['hostName'];
  if (typeof hostName !== 'string' || !hostName) return undefined;
  return { ...common, kind, endpoint: `https://${hostName}/` };
}

/** True when the stored account is this resource: the same resource id, ARR account ID or ACS host. */
export function isSameResource(resource: DiscoveredResource, record: AccountRecord): boolean {
  if (record.resourceId !== undefined && sameScope(record.resourceId, resource.resourceId)) return true;
  if (resource.kind === 'arr') return record.kind === 'arr' && record.accountId.toLowerCase() === resource.accountId.toLowerCase();
  return record.kind === 'acs' && hostOf(record.endpoint) === hostOf(resource.endpoint);
}

function hostOf(url: string): string | undefined {
  try {
    return new URL(url).host.toLowerCase();
  } catch {
    return undefined;
  }
}
