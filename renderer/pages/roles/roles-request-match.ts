import { capabilities, type CapabilityId, type RoleAuditReport } from '../../../shared/roles.ts';
import { capabilityLabels, resourceKindLabels } from './role-words.ts';
import { displayName } from './principal-labels.ts';

/** A question as asked: each of the identity, the account and the capability by id or by (part of) its name. */
export interface RolesQuestionWords {
  identity: string;
  account: string;
  capability: string;
}

/** The question in words, from a request that names its parts by id (`identityId`, `accountId`) or as typed (`identity`, `account`). */
export function questionWords(request: object): RolesQuestionWords {
  const parts = request as Partial<Record<'identity' | 'identityId' | 'account' | 'accountId' | 'capability', string>>;
  return {
    identity: parts.identity ?? parts.identityId ?? '',
    account: parts.account ?? parts.accountId ?? '',
    capability: parts.capability ?? '',
  };
}

/** What a palette question ("can adele render Showroom") names in the audit: one identity, one resource, one capability. */
export type RolesRequestMatch = { identityId: string; accountId: string; capability: CapabilityId } | { problem: string };

/** The one item `typed` names: by id, else by a whole name, else by the start of one, else by a part; several at one level is a problem. */
function pick<T>(items: readonly T[], typed: string, id: (item: T) => string, names: (item: T) => string[], what: string) {
  const want = typed.trim().toLowerCase();
  const lower = (item: T) => names(item).map((n) => n.toLowerCase());
  const levels = [
    (item: T) => id(item).toLowerCase() === want,
    (item: T) => lower(item).includes(want),
    (item: T) => lower(item).some((n) => n.startsWith(want) || n.split(/\s+/).some((w) => w.startsWith(want))),
    (item: T) => lower(item).some((n) => n.includes(want)),
  ];
  for (const matches of levels) {
    const found = items.filter(matches);
    if (found.length === 1) return { item: found[0] as T };
    if (found.length > 1) return { problem: `“${typed}” names several ${what}: ${found.map((f) => names(f)[0]).join(', ')}.` };
  }
  return { problem: `No ${what.replace(/ies$/, 'y').replace(/s$/, '')} in the audit is named “${typed}”.` };
}

/** Finds what a Roles request names in the report, or says in words what it could not find. */
export function matchRolesRequest(request: RolesQuestionWords, report: RoleAuditReport): RolesRequestMatch {
  const identity = pick(
    report.identities,
    request.identity,
    (i) => i.id,
    (i) => [displayName(i), i.name],
    'identities',
  );
  if (!identity.item) return { problem: identity.problem };
  const resource = pick(
    report.resources,
    request.account,
    (r) => r.accountId,
    (r) => [r.name],
    'resources',
  );
  if (!resource.item) return { problem: resource.problem };
  const kind = resource.item.kind;
  const capability = pick(
    capabilities.filter((c) => c.kind === kind),
    request.capability,
    (c) => c.id,
    (c) => [capabilityLabels[c.id], c.label],
    'capabilities',
  );
  if (!capability.item) {
    const none = `${resource.item.name} is a ${resourceKindLabels[kind]}, which has no capability named “${request.capability}”.`;
    return { problem: capability.problem.startsWith('No ') ? none : capability.problem };
  }
  return { identityId: identity.item.id, accountId: resource.item.accountId, capability: capability.item.id };
}
