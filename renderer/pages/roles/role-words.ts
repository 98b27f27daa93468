import type { CapabilityId, CapabilityResult, ResourceKind, ScopeLevel } from '../../../shared/roles.ts';

/** The Roles page's words for what the audit returns: short capability names for the matrix, scope levels, resource kinds. */

/** Short enough for a chip in a matrix cell; the full label is in the details panel. */
export const capabilityShortLabels: Record<CapabilityId, string> = {
  'arr.convert': 'Convert',
  'arr.manageSessions': 'Sessions',
  'arr.render': 'Render',
  'arr.diagnostics': 'Diagnostics',
  'arr.listKeys': 'List keys',
  'arr.regenerateKeys': 'Regenerate keys',
  'acs.entraIdentities': 'Entra ID identities',
  'acs.listKeys': 'List keys',
  'acs.regenerateKeys': 'Regenerate keys',
  'acs.manage': 'Manage',
};

export const scopeLevelLabels: Record<ScopeLevel, string> = {
  resource: 'the resource',
  'resource-group': 'the resource group',
  subscription: 'the subscription',
  'management-group': 'a management group',
  root: 'the tenant root',
};

export const resourceKindLabels: Record<ResourceKind, string> = {
  arr: 'Remote Rendering account',
  acs: 'Communication Services resource',
};

/** What the matrix shows for a capability: a deny assignment wins over any grant; a role to activate is told apart from none. */
export type CapabilityState = 'granted' | 'missing' | 'denied' | 'eligible';

export function capabilityState(c: CapabilityResult): CapabilityState {
  if (c.deniedBy?.length) return 'denied';
  if (c.granted) return 'granted';
  return c.eligibleThrough?.length ? 'eligible' : 'missing';
}

export const capabilityStateLabels: Record<CapabilityState, string> = {
  granted: 'Granted',
  missing: 'Missing',
  denied: 'Denied',
  eligible: 'Eligible (PIM)',
};
