import type { CapabilityId, CapabilityResult, ResourceKind, ScopeLevel } from '../../../shared/roles.ts';

/** The Roles page's words for what the audit returns: one name per capability, scope levels, resource kinds, verdicts. */

/** The one name the page gives each capability: in the chips, the capability list, the details and what a screen reader hears. */
export const capabilityLabels: Record<CapabilityId, string> = {
  'arr.convert': 'Convert models',
  'arr.manageSessions': 'Manage sessions',
  'arr.render': 'Render',
  'arr.diagnostics': 'Read diagnostics',
  'arr.listKeys': 'List keys',
  'arr.regenerateKeys': 'Regenerate keys',
  'acs.entraIdentities': 'Tokens with Entra ID',
  'acs.listKeys': 'List keys',
  'acs.regenerateKeys': 'Regenerate keys',
  'acs.manage': 'Manage the resource',
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

/** The role that would give a capability it lacks: the narrowest built-in role the audit suggests. */
export const roleToGrant = (c: CapabilityResult): string | undefined => (c.granted ? undefined : c.suggestedRoles[0]);

/**
 * A cell's answer for one chosen capability, in a few words after its mark: "✓ by Remote Rendering Administrator",
 * "✗ needs Remote Rendering Client", "⊘ denied by Keys stay with the platform team", "◷ activate Remote Rendering Client (PIM)".
 */
export function verdict(c: CapabilityResult): { state: CapabilityState; mark: string; words: string } {
  const state = capabilityState(c);
  switch (state) {
    case 'granted':
      return { state, mark: '✓', words: c.grantedBy[0] ? `by ${c.grantedBy[0].roleName}` : 'granted' };
    case 'denied':
      return { state, mark: '⊘', words: `denied by ${c.deniedBy?.[0]?.name ?? 'a deny assignment'}` };
    case 'eligible':
      return { state, mark: '◷', words: `activate ${c.eligibleThrough?.[0]?.roleName ?? 'a role'} (PIM)` };
    case 'missing': {
      const role = roleToGrant(c);
      return { state, mark: '✗', words: role ? `needs ${role}` : 'no built-in role grants it' };
    }
  }
}
