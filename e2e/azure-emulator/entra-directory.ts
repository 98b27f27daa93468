import type { Scenario, ScenarioServicePrincipal, ScenarioUser } from './scenario.ts';

/** Who is who in the scenario's tenants, as the Entra endpoints look them up. */

export type Tenant = Scenario['tenants'][number];

/** `common` and `organizations` accept a user of any tenant; anything else must name one tenant (id, domain or name). */
export type TenantSelection = { kind: 'any'; segment: string } | { kind: 'one'; segment: string; tenant: Tenant };

export function selectTenant(scenario: Scenario, segment: string): TenantSelection | undefined {
  const lower = segment.toLowerCase();
  if (lower === 'common' || lower === 'organizations') return { kind: 'any', segment };
  const tenant = scenario.tenants.find((t) => t.id === lower || t.domain.toLowerCase() === lower || t.name.toLowerCase() === lower);
  return tenant ? { kind: 'one', segment, tenant } : undefined;
}

export function findUserByName(scenario: Scenario, selection: TenantSelection, userName: string): ScenarioUser | undefined {
  const user = scenario.users.find((u) => u.userName.toLowerCase() === userName.trim().toLowerCase());
  return user && (selection.kind === 'any' || user.tenant === selection.tenant.id) ? user : undefined;
}

export function findUser(scenario: Scenario, userId: string): ScenarioUser | undefined {
  return scenario.users.find((u) => u.id === userId);
}

export function findPublicClient(scenario: Scenario, clientId: string): Scenario['publicClients'][number] | undefined {
  return scenario.publicClients.find((c) => c.clientId === clientId.toLowerCase());
}

/** A confidential client is a service principal, known only in its own tenant. */
export function findServicePrincipal(
  scenario: Scenario,
  selection: TenantSelection,
  clientId: string,
): ScenarioServicePrincipal | undefined {
  if (selection.kind !== 'one') return undefined;
  return scenario.servicePrincipals.find((sp) => sp.appId === clientId.toLowerCase() && sp.tenant === selection.tenant.id);
}

/** Loopback redirect URIs match on scheme, host and path whatever the port, as Entra treats them. */
export function redirectUriAllowed(registered: readonly string[], candidate: string): boolean {
  let url: URL;
  try {
    url = new URL(candidate);
  } catch {
    return false;
  }
  return registered.some((r) => {
    const reg = new URL(r);
    const loopback = reg.protocol === 'http:' && (reg.hostname === 'localhost' || reg.hostname === '127.0.0.1');
    if (loopback) return url.protocol === 'http:' && url.hostname === reg.hostname && trimSlash(url.pathname) === trimSlash(reg.pathname);
    return trimSlash(candidate) === trimSlash(r);
  });
}

/** The AADSTS code this user's sign-in ends in, per the scenario's flags; undefined when it succeeds. */
export function signInBlock(user: ScenarioUser): number | undefined {
  if (user.conditionalAccessBlocked) return 53003;
  if (user.mfaRequired) return 50076;
  return undefined;
}

function trimSlash(s: string): string {
  return s.replace(/\/+$/, '');
}
