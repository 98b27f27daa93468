import type { DiscoveredResource } from '../../../../shared/discovery.ts';
import { AppError } from '../../../../shared/errors.ts';
import type { AccountRecord } from '../../accounts/account-record.ts';
import { armApiVersions, armList } from '../../azure/arm-client.ts';
import { openArmSession, type ArmContext, type IdentitySession } from '../arm-context.ts';
import { ArmRequestError } from '../../azure/arm-errors.ts';
import { normalizeScope } from '../../azure/resource-id.ts';
import { isSameResource, listSubscriptions, listVisibleResources } from '../discovery/resource-discovery.ts';
import { whoIs, type IdentityRecord } from '../../entra/identity-record.ts';
import { log } from '../../platform/log.ts';
import { builtInRolesGranting, orList } from '../../azure/permission-match.ts';
import { RoleDefinitionsCache } from './role-definitions-cache.ts';

/** A role assignment as ARM lists it; only the fields the audit reads. */
export interface ArmRoleAssignment {
  id: string;
  name?: string;
  properties: { roleDefinitionId: string; principalId: string; principalType?: string; scope: string; condition?: string | null };
}

const readAssignmentsAction = 'Microsoft.Authorization/roleAssignments/read';

export interface VisibleResources {
  resources: DiscoveredResource[];
  failures: AppError[];
}

/**
 * One audit's shared state: each identity's ARM session, role definitions by GUID, what each
 * identity can see, and which identities were refused the assignments of which resource. The
 * assignments of an identity are read with its own token first; an identity that may not read
 * them (no Microsoft.Authorization/roleAssignments/read there, or another tenant) is audited with
 * the token of another signed-in identity that may.
 */
export class AuditRun {
  readonly definitions = new RoleDefinitionsCache();
  readonly #ctx: ArmContext;
  readonly #identities: readonly IdentityRecord[];
  readonly #sessions = new Map<string, Promise<IdentitySession>>();
  readonly #refused = new Map<string, Set<string>>();
  readonly #visible = new Map<string, Promise<VisibleResources>>();

  constructor(ctx: ArmContext, identities: readonly IdentityRecord[]) {
    this.#ctx = ctx;
    this.#identities = identities;
  }

  session(identity: IdentityRecord): Promise<IdentitySession> {
    let session = this.#sessions.get(identity.id);
    if (!session) {
      session = openArmSession(this.#ctx, identity);
      session.catch(() => undefined);
      this.#sessions.set(identity.id, session);
    }
    return session;
  }

  /** The subject's Entra object id: from its record, else from its token. */
  async objectIdOf(subject: IdentityRecord): Promise<string | null> {
    return subject.objectId ?? (await this.session(subject)).objectId;
  }

  /** The assignments that apply to `objectId` at the resource (made there or above, directly or through a group), and whose token read
   * them. */
  async assignments(
    subject: IdentityRecord,
    objectId: string,
    resourceId: string,
    resourceName: string,
  ): Promise<{ items: ArmRoleAssignment[]; reader: IdentitySession }> {
    const key = normalizeScope(resourceId);
    const refused = this.#refused.get(key) ?? new Set<string>();
    this.#refused.set(key, refused);
    const failures: AppError[] = [];
    for (const candidate of this.#readersFor(subject)) {
      if (refused.has(candidate.id)) continue;
      try {
        const reader = await this.session(candidate);
        const filter = encodeURIComponent(`atScope() and assignedTo('${objectId}')`);
        const items = await armList<ArmRoleAssignment>(reader, {
          path: `${resourceId}/providers/Microsoft.Authorization/roleAssignments?api-version=${armApiVersions.authorization}&$filter=${filter}`,
          what: `read the role assignments on ${resourceName}`,
          action: readAssignmentsAction,
        });
        return { items, reader };
      } catch (error) {
        if (!isRefusal(error)) throw error;
        refused.add(candidate.id);
        failures.push(error);
      }
    }
    throw unreadable(resourceName, subject, failures);
  }

  /**
   * The account's ARM resource id: the one it has, or for an account added by hand, one found among
   * what the identities of its cloud can see, and remembered. When it is not found, the lists that
   * could not be read (a list that timed out is no proof the account is not there).
   */
  async locate(record: AccountRecord): Promise<{ resourceId: string | undefined; failures: AppError[] }> {
    const failures: AppError[] = [];
    if (record.resourceId !== undefined) return { resourceId: record.resourceId, failures };
    for (const identity of this.#identities.filter((i) => i.cloud === record.cloud)) {
      const visible = await this.visibleTo(identity);
      failures.push(...visible.failures);
      const match = visible.resources.find((resource) => resource.kind === record.kind && isSameResource(resource, record));
      if (!match) continue;
      await this.#ctx.accounts
        .patch(record.id, (current) => ({ ...current, resourceId: match.resourceId }))
        .catch((error: unknown) => log.error('role audit: the found resource id could not be saved', error));
      return { resourceId: match.resourceId, failures: [] };
    }
    return { resourceId: undefined, failures: failures.filter((f, i) => failures.findIndex((g) => g.message === f.message) === i) };
  }

  /** The subject first, then the other identities of its cloud, those of its tenant before the rest. */
  #readersFor(subject: IdentityRecord): IdentityRecord[] {
    const others = this.#identities.filter((i) => i.id !== subject.id && i.cloud === subject.cloud);
    return [subject, ...others.filter((i) => i.tenantId === subject.tenantId), ...others.filter((i) => i.tenantId !== subject.tenantId)];
  }

  /** What the identity can see (discovery's lists, once per audit); a sign-in or subscription list that failed is one more failure. */
  visibleTo(identity: IdentityRecord): Promise<VisibleResources> {
    let visible = this.#visible.get(identity.id);
    if (!visible) {
      visible = (async () => {
        try {
          const session = await this.session(identity);
          return await listVisibleResources(session, await listSubscriptions(session));
        } catch (error) {
          if (error instanceof AppError && error.code === 'cancelled') throw error;
          if (!(error instanceof AppError)) log.error('role audit: listing what an identity can see failed', error);
          return { resources: [], failures: error instanceof AppError ? [error] : [] };
        }
      })();
      this.#visible.set(identity.id, visible);
    }
    return visible;
  }
}

/** Refusals another identity might not meet: no right to read, another tenant, a subscription it cannot see, a sign-in that ran out. */
function isRefusal(error: unknown): error is AppError {
  if (!(error instanceof AppError)) return false;
  if (error.code === 'azure_forbidden' || error.code === 'azure_unauthorized' || error.code === 'sign_in_required') return true;
  return error instanceof ArmRequestError && error.status === 404 && error.armCode === 'SubscriptionNotFound';
}

function unreadable(resourceName: string, subject: IdentityRecord, failures: readonly AppError[]): AppError {
  const own = failures[0];
  if (failures.some((f) => f.code === 'azure_forbidden')) {
    const roles = orList(builtInRolesGranting(readAssignmentsAction, 'action'));
    return new AppError(
      'azure_forbidden',
      `No signed-in identity may read the role assignments on ${resourceName}: that needs ${readAssignmentsAction}, which ` +
        `${roles} grant. Sign in here with an identity that holds one of them on the resource, its resource group or its ` +
        `subscription, then audit again.`,
    );
  }
  if (failures.length > 0 && failures.every((f) => f instanceof ArmRequestError)) {
    return new AppError(
      'azure_unauthorized',
      `No signed-in identity can see the subscription of ${resourceName}: sign in here with an identity of its tenant that has ` +
        `a role on it (Reader is enough), then audit again.`,
    );
  }
  return own ?? new AppError('sign_in_required', `${whoIs(subject)} has no usable sign-in: sign it in again, then audit again.`);
}
