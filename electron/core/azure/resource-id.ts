import type { ResourceKind, ScopeLevel } from '../../../shared/roles.ts';
import { armApiVersions } from './arm-client.ts';

/** ARM resource ids and scopes of the two resource types the app knows. */

export const resourceTypes: Record<ResourceKind, { type: string; apiVersion: string; label: string }> = {
  arr: {
    type: 'Microsoft.MixedReality/remoteRenderingAccounts',
    apiVersion: armApiVersions.remoteRendering,
    label: 'Remote Rendering account',
  },
  acs: {
    type: 'Microsoft.Communication/communicationServices',
    apiVersion: armApiVersions.communication,
    label: 'Communication Services resource',
  },
};

export interface ResourceIdParts {
  subscriptionId: string;
  resourceGroup: string;
  kind: ResourceKind;
  name: string;
}

export function parseResourceId(resourceId: string): ResourceIdParts | undefined {
  const match = /^\/subscriptions\/([^/]+)\/resourceGroups\/([^/]+)\/providers\/([^/]+\/[^/]+)\/([^/]+)\/?$/i.exec(resourceId.trim());
  if (!match) return undefined;
  const type = (match[3] ?? '').toLowerCase();
  const kind = (Object.keys(resourceTypes) as ResourceKind[]).find((k) => resourceTypes[k].type.toLowerCase() === type);
  return kind ? { subscriptionId: match[1] ?? '', resourceGroup: match[2] ?? '', kind, name: match[4] ?? '' } : undefined;
}

/** Lower case, single slashes, no trailing slash: how ARM compares scopes. */
export function normalizeScope(scope: string): string {
  return `/${scope.split('/').filter(Boolean).join('/')}`.toLowerCase();
}

export function sameScope(a: string, b: string): boolean {
  return normalizeScope(a) === normalizeScope(b);
}

/** Where an assignment's scope sits in ARM's tree. */
export function scopeLevel(scope: string): ScopeLevel {
  const parts = normalizeScope(scope).split('/').filter(Boolean);
  if (parts.length === 0) return 'root';
  if (parts[0] === 'providers' && parts[1] === 'microsoft.management') return 'management-group';
  if (parts[0] === 'subscriptions' && parts.length === 2) return 'subscription';
  if (parts[0] === 'subscriptions' && parts[2] === 'resourcegroups' && parts.length === 4) return 'resource-group';
  return 'resource';
}

/** "the resource group rg-mixed-reality", "the subscription 0b1f…", for why-sentences. */
export function describeScope(scope: string): string {
  const parts = scope.split('/').filter(Boolean);
  switch (scopeLevel(scope)) {
    case 'root':
      return 'the root scope (/)';
    case 'management-group':
      return `the management group ${parts.at(-1) ?? ''}`;
    case 'subscription':
      return `the subscription ${parts[1] ?? ''}`;
    case 'resource-group':
      return `the resource group ${parts[3] ?? ''}`;
    case 'resource':
      return `the resource ${parts.at(-1) ?? ''}`;
  }
}
