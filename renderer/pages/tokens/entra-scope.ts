import { fillMixedRealityPattern, type CloudProfileView } from '../../../shared/clouds.ts';

/** The scopes the Entra form offers, read from the identity's cloud profile, so a sovereign cloud gets its own. */
export type ScopePreset = 'arm' | 'sts' | 'acs' | 'graph' | 'custom';

export const scopePresetLabels: Record<ScopePreset, string> = {
  arm: 'Azure Resource Manager (ARM): list resources, read keys, assign roles',
  sts: 'Mixed Reality STS for an ARR account: the AuthenticationToken the STS exchanges',
  acs: 'Communication Services: identities, SMS, phone numbers as an Entra identity',
  graph: 'Microsoft Graph: users, groups and apps',
  custom: 'Another scope (your own API)',
};

/** The scope for a preset; undefined when it needs something not chosen yet (the account, the custom text). */
export function presetScope(
  preset: ScopePreset,
  profile: CloudProfileView | undefined,
  accountDomain: string | undefined,
  custom: string,
): string | undefined {
  if (preset === 'custom') return custom.trim() || undefined;
  if (!profile) return undefined;
  if (preset === 'arm') return profile.armScope;
  if (preset === 'graph') return profile.graphScope;
  if (preset === 'acs') return profile.communication.scope;
  return accountDomain ? fillMixedRealityPattern(profile.mixedReality.stsScope, accountDomain) : undefined;
}
