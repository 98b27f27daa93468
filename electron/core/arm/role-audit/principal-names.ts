import { graphEndpointOf } from '../../../../shared/clouds.ts';
import { AppError } from '../../../../shared/errors.ts';
import type { PrincipalName, RoleAuditReport } from '../../../../shared/roles.ts';
import { azureFetch, serviceWords } from '../../azure/azure-http.ts';
import { withAzureRetry } from '../../azure/azure-retry.ts';
import { whoIs, type IdentityRecord } from '../../entra/identity-record.ts';
import type { ArmContext } from '../arm-context.ts';

/**
 * Names for the principals a role audit met (the identities audited, the groups they hold roles
 * through), from Microsoft Graph: one `POST /directoryObjects/getByIds` per tenant and audit, up to
 * 1000 ids a call (https://learn.microsoft.com/graph/api/directoryobject-getbyids), with the token of
 * a signed-in identity of that tenant (users first: their delegated token reads what the user may).
 * When Graph refuses every one of them or does not answer, the audit keeps the ids and says why once.
 */

const maxIdsPerCall = 1000;

export interface NamesOutcome {
  names: Map<string, PrincipalName>;
  /** Why some principals keep their ids; null when every tenant's names were read. */
  notice: string | null;
}

/** The report with names attached: the identities' directory names, each group's name in assignments and grants, and each "why". */
export async function withPrincipalNames(
  ctx: ArmContext,
  identities: readonly IdentityRecord[],
  report: RoleAuditReport,
): Promise<RoleAuditReport> {
  const wanted = principalIdsByTenant(report);
  if (wanted.size === 0) return { ...report, principalNames: {}, namesNotice: null };
  const { names, notice } = await readNames(ctx, identities, wanted);
  return attachNames(report, names, notice);
}

/** The object ids of the identities and of the groups in the report, by the tenant of the identity they belong to. */
export function principalIdsByTenant(report: RoleAuditReport): Map<string, Set<string>> {
  const byTenant = new Map<string, Set<string>>();
  const add = (tenant: string, id: string) => byTenant.set(tenant, (byTenant.get(tenant) ?? new Set()).add(id.toLowerCase()));
  const tenantOf = new Map(report.identities.map((i) => [i.id, i.tenantId]));
  for (const identity of report.identities) if (identity.objectId) add(identity.tenantId, identity.objectId);
  for (const cell of report.cells) {
    const tenant = tenantOf.get(cell.identityId);
    if (!tenant) continue;
    for (const a of [...cell.assignments, ...(cell.eligibleRoles ?? [])]) if (a.viaGroup) add(tenant, a.viaGroup.id);
  }
  return byTenant;
}

async function readNames(
  ctx: ArmContext,
  identities: readonly IdentityRecord[],
  wanted: ReadonlyMap<string, ReadonlySet<string>>,
): Promise<NamesOutcome> {
  const names = new Map<string, PrincipalName>();
  const problems: string[] = [];
  for (const [tenant, ids] of wanted) {
    const readers = identities.filter((i) => i.tenantId === tenant).sort((a, b) => (a.kind === b.kind ? 0 : a.kind === 'user' ? -1 : 1));
    const refusals: string[] = [];
    let done = false;
    for (const reader of readers) {
      try {
        for (const batch of chunks([...ids], maxIdsPerCall))
          for (const name of await getByIds(ctx, reader, batch)) names.set(name.id, name);
        done = true;
        break;
      } catch (error) {
        if (error instanceof AppError && error.code === 'cancelled') throw error;
        const message = error instanceof Error ? error.message : String(error);
        // Another identity may be allowed what this one is refused; an unavailable Graph will not answer it either.
        if (
          error instanceof AppError &&
          (error.code === 'azure_forbidden' || error.code === 'azure_unauthorized' || error.code === 'sign_in_required')
        ) {
          refusals.push(message);
          continue;
        }
        problems.push(message);
        done = true;
        break;
      }
    }
    if (!done) problems.push(refusals[0] ?? 'No signed-in identity of its tenant can ask Microsoft Graph for names.');
  }
  const notice = problems.length === 0 ? null : `Principals are shown by ID: ${[...new Set(problems)].join(' ')}`;
  return { names, notice };
}

/** One getByIds call with the reader's Graph token, at its cloud's Graph endpoint. */
async function getByIds(ctx: ArmContext, reader: IdentityRecord, ids: readonly string[]): Promise<PrincipalName[]> {
  const profile = ctx.clouds.get(reader.cloud);
  const token = await ctx.entra.acquireToken(reader.id, [profile.graphScope]);
  const url = `${graphEndpointOf(profile)}/v1.0/directoryObjects/getByIds`;
  const init = {
    method: 'POST',
    headers: { Authorization: `Bearer ${token.accessToken}`, Accept: 'application/json', 'Content-Type': 'application/json' },
    body: JSON.stringify({ ids, types: ['user', 'group', 'servicePrincipal'] }),
  };
  const response = await withAzureRetry(
    (signal) => azureFetch(url, init, signal, profile),
    { service: 'Microsoft Graph', signal: ctx.signal },
    ctx.runtime,
  );
  const body = (await response.json().catch(() => undefined)) as
    { value?: unknown; error?: { code?: unknown; message?: unknown } } | undefined;
  if (!response.ok) throw graphRefusal(response.status, body?.error, whoIs(reader));
  if (!Array.isArray(body?.value)) throw new AppError('azure_unavailable', 'Microsoft Graph answered getByIds without a list of objects.');
  return body.value.flatMap((item: unknown) => {
    const o = item as Record<string, unknown>;
    if (typeof o['id'] !== 'string' || typeof o['displayName'] !== 'string') return [];
    const kind = String(o['@odata.type'] ?? '').replace('#microsoft.graph.', '');
    const type = kind === 'user' || kind === 'group' || kind === 'servicePrincipal' ? kind : 'other';
    const secondary = type === 'user' ? o['userPrincipalName'] : type === 'servicePrincipal' ? o['appId'] : null;
    return [
      { id: o['id'].toLowerCase(), type, displayName: o['displayName'], secondary: typeof secondary === 'string' ? secondary : null },
    ];
  });
}

/** Graph's refusal in words: what it said, and what would let the app read names. */
function graphRefusal(status: number, error: { code?: unknown; message?: unknown } | undefined, who: string): AppError {
  const said = [serviceWords(error?.code, 60), serviceWords(error?.message)].filter(Boolean).join(': ');
  const quoted = said ? ` (${said})` : '';
  if (status === 403)
    return new AppError(
      'azure_forbidden',
      `Microsoft Graph refused ${who} the directory's names${quoted}. Reading them needs Directory.Read.All (an administrator can ` +
        `grant it), or a member (not guest) account of the tenant.`,
    );
  if (status === 401)
    return new AppError(
      'azure_unauthorized',
      `Microsoft Graph did not accept the token of ${who}${quoted}: sign it in again to see names.`,
    );
  return new AppError('azure_unavailable', `Microsoft Graph answered HTTP ${status}${quoted} when asked for names; audit again later.`);
}

function attachNames(report: RoleAuditReport, names: ReadonlyMap<string, PrincipalName>, notice: string | null): RoleAuditReport {
  const nameOf = (id: string) => names.get(id.toLowerCase())?.displayName ?? null;
  const group = (via: { id: string; name: string | null } | null) => (via ? { id: via.id, name: nameOf(via.id) ?? via.name } : null);
  const identities = report.identities.map((identity) => {
    const found = identity.objectId ? nameOf(identity.objectId) : null;
    return found ? { ...identity, directoryName: found } : identity;
  });
  const cells = report.cells.map((cell) => {
    const groupIds = [...cell.assignments, ...(cell.eligibleRoles ?? [])].flatMap((a) => (a.viaGroup ? [a.viaGroup.id] : []));
    return {
      ...cell,
      assignments: cell.assignments.map((a) => ({ ...a, viaGroup: group(a.viaGroup) })),
      ...(cell.eligibleRoles && { eligibleRoles: cell.eligibleRoles.map((e) => ({ ...e, viaGroup: group(e.viaGroup) })) }),
      capabilities: cell.capabilities.map((c) => {
        // The "why" was worded before names were known: each group it names by id now gets its name.
        let why = c.why;
        for (const id of new Set(groupIds)) {
          const name = nameOf(id);
          if (name) why = why.replaceAll(`the group ${id}`, `the group ${name}`);
        }
        return {
          ...c,
          why,
          grantedBy: c.grantedBy.map((g) => ({ ...g, viaGroup: group(g.viaGroup) })),
          ...(c.eligibleThrough && { eligibleThrough: c.eligibleThrough.map((g) => ({ ...g, viaGroup: group(g.viaGroup) })) }),
        };
      }),
    };
  });
  return { ...report, identities, cells, principalNames: Object.fromEntries(names), namesNotice: notice };
}

function chunks<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}
