/**
 * Which resource a scope list asks a token for. Entra issues one token per resource, so a request
 * naming two resources fails (AADSTS28000), and an unknown resource fails too (AADSTS500011).
 */

const oidcScopes = new Set(['openid', 'profile', 'offline_access', 'email']);

/** Resources the emulator issues tokens for: ARM, the Mixed Reality STS, ACS (and Teams), Microsoft Graph, and one custom API (an app's
 * Application ID URI). */
const knownResources = [
  /^https:\/\/management\.azure\.com\/?$/i,
  /^https:\/\/management\.core\.windows\.net\/?$/i,
  /^https:\/\/sts\.([a-z0-9]+\.)?mixedreality\.azure\.com\/?$/i,
  /^https:\/\/communication\.azure\.com\/?$/i,
  /^https:\/\/auth\.msft\.communication\.azure\.com\/?$/i,
  /^https:\/\/graph\.microsoft\.com\/?$/i,
  /^api:\/\/azcred-emulator-api\/?$/i,
];

export const graphResource = 'https://graph.microsoft.com';

/** What a user's `https://graph.microsoft.com/.default` carries with the first-party clients: their Graph tokens hold
 * Directory.AccessAsUser.All (azure-powershell#24334), which lets Graph act as the user may (its directory reads, getByIds). */
const graphDefaultScopes = ['User.Read', 'Directory.AccessAsUser.All'];

export type ResourceRequest =
  | { ok: true; resource: string; scp: string[]; wantsRefreshToken: boolean; wantsIdToken: boolean }
  | { ok: false; aadsts: number; detail: string };

export function splitScopes(scope: string | null | undefined): string[] {
  return (scope ?? '').split(/\s+/).filter(Boolean);
}

export function resolveResource(scopes: readonly string[]): ResourceRequest {
  const resources = new Map<string, { resource: string; scp: Set<string> }>();
  for (const scope of scopes) {
    if (oidcScopes.has(scope.toLowerCase())) continue;
    // A bare permission (`User.Read`) is Graph's; `https://x//.default` asks for resource `https://x/`; `https://x/name` for
    // `https://x`, permission `name`.
    const slash = scope.lastIndexOf('/');
    const [resource, permission] = scope.includes('://') ? [scope.slice(0, slash), scope.slice(slash + 1)] : [graphResource, scope];
    if (!permission || resource.length <= 'https://'.length) return { ok: false, aadsts: 70011, detail: scope };
    if (!knownResources.some((r) => r.test(resource))) return { ok: false, aadsts: 500011, detail: resource };
    const key = resource.replace(/\/+$/, '').toLowerCase();
    const entry = resources.get(key) ?? { resource, scp: new Set<string>() };
    if (permission === '.default' && key === graphResource) graphDefaultScopes.forEach((p) => entry.scp.add(p));
    else entry.scp.add(permission === '.default' ? 'user_impersonation' : permission);
    resources.set(key, entry);
    if (resources.size > 1) return { ok: false, aadsts: 28000, detail: scopes.join(' ') };
  }
  const wantsRefreshToken = scopes.some((s) => s.toLowerCase() === 'offline_access');
  const wantsIdToken = scopes.some((s) => s.toLowerCase() === 'openid');
  const only = [...resources.values()][0];
  if (!only)
    return { ok: true, resource: graphResource, scp: ['openid', 'profile', 'email', 'User.Read'], wantsRefreshToken, wantsIdToken };
  return { ok: true, resource: only.resource, scp: [...only.scp], wantsRefreshToken, wantsIdToken };
}
