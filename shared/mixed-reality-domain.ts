import type { FieldIssue } from './errors.ts';

/** Regions with a Mixed Reality account domain (AZURE-PROTOCOLS.md §1, Microsoft's ARR scripts). */
export const mixedRealityRegions = [
  'australiaeast',
  'eastus',
  'eastus2',
  'japaneast',
  'northeurope',
  'southcentralus',
  'southeastasia',
  'uksouth',
  'westeurope',
  'westus2',
] as const;

/** A region's Mixed Reality domain (`westeurope` → `westeurope.mixedreality.azure.com`): the account domain of that region, and the
 * SDK's RemoteRenderingDomain. */
export function regionDomain(region: string): string {
  return `${region}.mixedreality.azure.com`;
}

export type ParsedDomain = { ok: true; domain: string } | { ok: false; issue: FieldIssue };

const hostnamePattern = /^(?=.{4,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/;

/**
 * Reads an ARR account domain the way Microsoft's scripts accept it: a region name (`westeurope`),
 * a domain (`westeurope.mixedreality.azure.com`, or `mixedreality.azure.com` for the global one),
 * or a URL of the STS or rendering host. Returns the domain in lower case.
 */
export function parseAccountDomain(text: string, path = 'accountDomain'): ParsedDomain {
  let value = text.trim().toLowerCase();
  if (!value) return { ok: false, issue: { path, message: 'Enter a region (such as westeurope) or an account domain' } };
  if (/^[a-z][a-z0-9]*$/.test(value)) {
    if ((mixedRealityRegions as readonly string[]).includes(value)) return { ok: true, domain: regionDomain(value) };
    return {
      ok: false,
      issue: {
        path,
        message: `"${value}" is not a Remote Rendering region. Use one of: ${mixedRealityRegions.join(', ')}; or a full account domain`,
      },
    };
  }
  if (value.includes('://')) {
    try {
      value = new URL(value).hostname;
    } catch {
      return { ok: false, issue: { path, message: 'That URL could not be read' } };
    }
    value = value.replace(/^(sts|remoterendering)\./, '');
  }
  if (!hostnamePattern.test(value))
    return { ok: false, issue: { path, message: 'An account domain looks like westeurope.mixedreality.azure.com' } };
  const region = value.split('.')[0] ?? '';
  if (value.endsWith('.mixedreality.azure.com') && !(mixedRealityRegions as readonly string[]).includes(region)) {
    return {
      ok: false,
      issue: { path, message: `"${region}" is not a Remote Rendering region. Use one of: ${mixedRealityRegions.join(', ')}` },
    };
  }
  return { ok: true, domain: value };
}
