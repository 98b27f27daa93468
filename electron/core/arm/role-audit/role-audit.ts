/**
 * electron/core/arm/role-audit/: which roles each identity holds on each resource and what they let
 * it do, read through Azure Resource Manager, and the report it exports. Part of arm/: it imports the
 * ARM client, permission matching (azure/), accounts/, entra/ and platform/, never tokens/.
 */

import type { z } from 'zod';
import { AppError } from '../../../../shared/errors.ts';
import type {
  AuditedIdentity,
  AuditedResource,
  RoleAssignmentView,
  RoleAuditCell,
  RoleAuditReport,
  RoleDefinitionView,
  rolesAuditSchema,
} from '../../../../shared/roles.ts';
import type { AccountRecord } from '../../accounts/account-record.ts';
import type { ArmContext } from '../arm-context.ts';
import { parseResourceId, resourceTypes, sameScope, scopeLevel } from '../../azure/resource-id.ts';
import { whoIs, type IdentityRecord } from '../../entra/identity-record.ts';
import { isSameResource } from '../discovery/resource-discovery.ts';
import { AuditRun, type ArmRoleAssignment } from './audit-run.ts';
import { checkCapabilities } from './capability-check.ts';
import { readDenyAssignments, readEligibleRoles } from './deny-and-eligible.ts';
import { withPrincipalNames } from './principal-names.ts';
import { roleGuidOf } from './role-definitions-cache.ts';

/**
 * The role audit: for each identity and each account of the same cloud (and, when asked or when none
 * is added, each resource discovery finds for the identities), the role assignments that apply (at the
 * resource, inherited from its resource group, subscription or management groups, directly or through a
 * group), each role's definition, the deny assignments and PIM-eligible roles there, and the
 * capabilities they add up to.
 */

/** Cells audited at once: enough to hide ARM's latency, few enough not to be throttled. */
const parallelCells = 4;

export async function runRoleAudit(ctx: ArmContext, input: z.output<typeof rolesAuditSchema>): Promise<RoleAuditReport> {
  const everyone = await ctx.entra.records();
  const identities = input.identityIds ? input.identityIds.map((id) => everyone.find((i) => i.id === id) ?? unknownIdentity()) : everyone;
  const records = await ctx.accounts.records(input.accountIds);
  const run = new AuditRun(ctx, everyone);
  const resources: AuditedResource[] = [];
  for (const record of records) resources.push(await auditedResource(run, record));
  if (input.discovered ?? (input.accountIds === undefined && records.length === 0))
    resources.push(...(await discoveredResources(run, identities, records)));
  const pairs = identities.flatMap((identity) =>
    resources.filter((resource) => resource.cloud === identity.cloud).map((resource) => ({ identity, resource })),
  );
  const cells = await mapLimit(pairs, parallelCells, ({ identity, resource }) => auditCell(run, identity, resource));
  const audited = await Promise.all(
    identities.map(async (identity) => auditedIdentity(identity, await run.objectIdOf(identity).catch(() => null))),
  );
  return withPrincipalNames(ctx, everyone, { generatedAt: new Date().toISOString(), identities: audited, resources, cells });
}

async function auditedResource(run: AuditRun, record: AccountRecord): Promise<AuditedResource> {
  const { resourceId, failures } = await run.locate(record);
  const problem = resourceId ? null : notLocated(record, failures).message;
  return { accountId: record.id, name: record.name, kind: record.kind, cloud: record.cloud, resourceId: resourceId ?? null, problem };
}

/**
 * The resources discovery finds for the audited identities that are not accounts here, each once, with the first identity that
 * sees it (through which the page can add it).
 */
async function discoveredResources(
  run: AuditRun,
  identities: readonly IdentityRecord[],
  records: readonly AccountRecord[],
): Promise<AuditedResource[]> {
  const found: AuditedResource[] = [];
  for (const identity of identities) {
    for (const resource of (await run.visibleTo(identity)).resources) {
      if (records.some((record) => isSameResource(resource, record))) continue;
      if (found.some((f) => f.resourceId !== null && sameScope(f.resourceId, resource.resourceId))) continue;
      found.push({
        accountId: `${discoveredPrefix}${resource.resourceId}`,
        name: resource.name,
        kind: resource.kind,
        cloud: identity.cloud,
        resourceId: resource.resourceId,
        problem: null,
        discovered: { identityId: identity.id },
      });
    }
  }
  return found;
}

/** The `accountId` of a resource discovery found but that is not an account here. */
export const discoveredPrefix = 'discovered:';

/** Why an account added by hand has no resource id: lists that could not be read, else nobody here can see it. */
export function notLocated(record: AccountRecord, failures: readonly AppError[]): AppError {
  const label = resourceTypes[record.kind].label;
  const [first] = failures;
  if (first)
    return new AppError(
      first.code,
      `This ${label} was not found in Azure Resource Manager, but not every list could be read: ` +
        `${failures.map((f) => f.message).join(' ')}`,
    );
  return new AppError(
    'not_found',
    `No signed-in identity of the cloud ${record.cloud} can see this ${label} in Azure Resource Manager. Sign in with an ` +
      `identity that has a role on it (Reader is enough), or import it through discovery.`,
  );
}

function auditedIdentity(identity: IdentityRecord, objectId: string | null): AuditedIdentity {
  return { id: identity.id, name: whoIs(identity), kind: identity.kind, cloud: identity.cloud, tenantId: identity.tenantId, objectId };
}

async function auditCell(run: AuditRun, identity: IdentityRecord, resource: AuditedResource): Promise<RoleAuditCell> {
  const empty = {
    identityId: identity.id,
    accountId: resource.accountId,
    readBy: null,
    roleNames: [],
    assignments: [],
    roles: [],
    capabilities: [],
  };
  if (!resource.resourceId) return { ...empty, state: 'unreadable', problem: { code: 'not_found', message: resource.problem ?? '' } };
  try {
    const objectId = await run.objectIdOf(identity);
    if (!objectId) throw new AppError('sign_in_required', `The Entra object id of ${whoIs(identity)} is not known: sign it in again.`);
    const { items, reader } = await run.assignments(identity, objectId, resource.resourceId, resource.name);
    const subscriptionId = parseResourceId(resource.resourceId)?.subscriptionId ?? '';
    const roles = new Map<string, RoleDefinitionView>();
    for (const item of items) {
      const role = await run.definitions.resolve(reader, subscriptionId, item.properties.roleDefinitionId);
      roles.set(role.id, role);
    }
    const assignments = items.map((item) => assignmentView(item, objectId, resource.resourceId ?? '', roles));
    const own = await run.session(identity).catch(() => null);
    const denyAssignments = await readDenyAssignments(reader, objectId, resource.resourceId, resource.name);
    const pim = await readEligibleRoles(own, reader, objectId, resource.resourceId, resource.name, run.definitions, subscriptionId);
    const eligibleRoles = new Map((pim?.roles ?? []).map((role) => [role.id, role]));
    return {
      ...empty,
      state: 'audited',
      problem: null,
      readBy: reader.identity.id === identity.id ? null : { identityId: reader.identity.id, name: reader.who },
      roleNames: [...new Set(assignments.map((a) => a.roleName))],
      assignments,
      roles: [...roles.values()],
      capabilities: checkCapabilities(resource.kind, assignments, roles, {
        ...(denyAssignments && { denyAssignments }),
        ...(pim && { eligible: pim.eligible, eligibleRoles }),
      }),
      ...(denyAssignments && { denyAssignments }),
      ...(pim && { eligibleRoles: pim.eligible }),
    };
  } catch (error) {
    if (!(error instanceof AppError) || error.code === 'cancelled') throw error;
    return { ...empty, state: 'unreadable', problem: { code: error.code, message: error.message } };
  }
}

function assignmentView(
  item: ArmRoleAssignment,
  objectId: string,
  resourceId: string,
  roles: ReadonlyMap<string, RoleDefinitionView>,
): RoleAssignmentView {
  const { roleDefinitionId, principalId, principalType, scope, condition } = item.properties;
  const guid = roleGuidOf(roleDefinitionId);
  const viaGroup = principalId.toLowerCase() === objectId.toLowerCase() ? null : { id: principalId, name: null };
  return {
    id: item.id,
    roleDefinitionId: guid,
    roleName: roles.get(guid)?.roleName ?? guid,
    scope,
    scopeLevel: scopeLevel(scope),
    inherited: !sameScope(scope, resourceId),
    principalId,
    principalType: principalType ?? (viaGroup ? 'Group' : 'Unknown'),
    viaGroup,
    condition: condition ?? null,
  };
}

async function mapLimit<T, R>(items: readonly T[], limit: number, work: (item: T) => Promise<R>): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await work(items[index] as T);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}

function unknownIdentity(): never {
  throw new AppError('not_found', 'That identity is not in the list any more: it may have been signed out in another window.');
}
