import { z } from 'zod';
import { operationIdSchema } from './calls.ts';
import { accountRefSchema } from './accounts.ts';
import type { ErrorCode } from './errors.ts';
import type { IdentityKind } from './identities.ts';
import { filePathSchema } from './file-path.ts';
import { method, noInput } from './method.ts';

/**
 * Azure roles in the users' words: the built-in roles that matter for Remote Rendering and
 * Communication Services (AZURE-PROTOCOLS.md §4), the capabilities the audit reports, and what the
 * audit returns. Pure data and types: the core evaluates, the Roles page shows.
 */

/** One block of a role definition; a NOT applies only within its own block. */
export interface PermissionBlock {
  actions: string[];
  notActions: string[];
  dataActions: string[];
  notDataActions: string[];
}

export interface BuiltInRole {
  id: string;
  roleName: string;
  description: string;
  permissions: PermissionBlock[];
}

const rr = 'Microsoft.MixedReality/RemoteRenderingAccounts';
const sessionDataActions = ['managesessions/read', 'managesessions/action', 'managesessions/delete', 'render/read', 'diagnostic/read'].map(
  (a) => `${rr}/${a}`,
);
const convertDataActions = ['convert/action', 'convert/read', 'convert/delete'].map((a) => `${rr}/${a}`);
/** The control-plane actions of the built-in Communication and Email Service Owner role, as the protocol notes read the published role. */
export const communicationServiceOwnerActions: readonly string[] = [
  'Microsoft.Communication/CommunicationServices/Read',
  'Microsoft.Communication/CommunicationServices/Write',
  'Microsoft.Communication/CommunicationServices/Delete',
  'Microsoft.Communication/CommunicationServices/ListKeys/action',
  'Microsoft.Communication/CommunicationServices/RegenerateKey/action',
  'Microsoft.Communication/EmailServices/*',
  'Microsoft.Resources/subscriptions/resourceGroups/read',
];
const block = (p: Partial<PermissionBlock>): PermissionBlock[] => [
  { actions: [], notActions: [], dataActions: [], notDataActions: [], ...p },
];

/**
 * The built-in roles the audit suggests, narrowest first: when a capability is missing, the first
 * roles here that grant it are named.
 */
export const builtInRoles: readonly BuiltInRole[] = [
  {
    id: 'd39065c4-c120-43c9-ab0a-63eed9795f0a',
    roleName: 'Remote Rendering Client',
    description: 'Manage sessions, render and read diagnostics in Azure Remote Rendering.',
    permissions: block({ dataActions: sessionDataActions }),
  },
  {
    id: '3df8b902-2a6f-47c7-8cc5-360e9b272a7e',
    roleName: 'Remote Rendering Administrator',
    description: 'Convert models, manage sessions, render and read diagnostics in Azure Remote Rendering.',
    permissions: block({ dataActions: [...convertDataActions, ...sessionDataActions] }),
  },
  {
    id: '09976791-48a7-449e-bb21-39d1a415f350',
    roleName: 'Communication and Email Service Owner',
    description: 'Create, read, update and delete Communication and Email Service resources.',
    permissions: block({ actions: [...communicationServiceOwnerActions] }),
  },
  {
    id: 'acdd72a7-3385-48ef-bd42-f606fba81ae7',
    roleName: 'Reader',
    description: 'View all resources, but make no changes.',
    permissions: block({ actions: ['*/read'] }),
  },
  {
    id: 'b24988ac-6180-42a0-ab88-20f7382dd24c',
    roleName: 'Contributor',
    description: 'Manage all resources, but not assign roles.',
    permissions: block({
      actions: ['*'],
      notActions: ['Microsoft.Authorization/*/Delete', 'Microsoft.Authorization/*/Write', 'Microsoft.Authorization/elevateAccess/Action'],
    }),
  },
  {
    id: '8e3af657-a8ff-443c-a75c-2fe8c4bcb635',
    roleName: 'Owner',
    description: 'Manage all resources and assign roles.',
    permissions: block({ actions: ['*'] }),
  },
];

export type ResourceKind = 'arr' | 'acs';

export const capabilityIds = [
  'arr.convert',
  'arr.manageSessions',
  'arr.render',
  'arr.diagnostics',
  'arr.listKeys',
  'arr.regenerateKeys',
  'acs.entraIdentities',
  'acs.listKeys',
  'acs.regenerateKeys',
  'acs.manage',
] as const;
export type CapabilityId = (typeof capabilityIds)[number];

export interface CapabilityDefinition {
  id: CapabilityId;
  kind: ResourceKind;
  /** What the user can do, in their words. */
  label: string;
  /** The ARM operation that decides it: a control-plane action or a data action. */
  operation: string;
  permissionKind: 'action' | 'dataAction';
}

const acsType = 'Microsoft.Communication/CommunicationServices';
const rrType = 'Microsoft.MixedReality/remoteRenderingAccounts';

/** A capability of the resource kind its id starts with, decided by one ARM operation. */
function capability(
  id: CapabilityId,
  label: string,
  operation: string,
  permissionKind: CapabilityDefinition['permissionKind'] = 'action',
): CapabilityDefinition {
  return { id, kind: id.startsWith('arr.') ? 'arr' : 'acs', label, operation, permissionKind };
}

export const capabilities: readonly CapabilityDefinition[] = [
  capability('arr.convert', 'Convert models', `${rr}/convert/action`, 'dataAction'),
  capability('arr.manageSessions', 'Manage sessions', `${rr}/managesessions/action`, 'dataAction'),
  capability('arr.render', 'Render', `${rr}/render/read`, 'dataAction'),
  capability('arr.diagnostics', 'Read diagnostics', `${rr}/diagnostic/read`, 'dataAction'),
  capability('arr.listKeys', 'List keys', `${rrType}/listKeys/action`),
  capability('arr.regenerateKeys', 'Regenerate keys', `${rrType}/regenerateKeys/action`),
  // Which operation ACS checks for an Entra caller of the identity API is an inference (the emulator's too): write on the resource.
  capability('acs.entraIdentities', 'Manage identities and tokens with Entra ID', `${acsType}/Write`),
  capability('acs.listKeys', 'List keys', `${acsType}/ListKeys/action`),
  capability('acs.regenerateKeys', 'Regenerate keys', `${acsType}/RegenerateKey/action`),
  capability('acs.manage', 'Manage the resource', `${acsType}/Write`),
];

/** A role definition as the audit resolved it (from ARM by its GUID, or the catalogue when ARM would not say). */
export interface RoleDefinitionView {
  /** The role definition's GUID. */
  id: string;
  roleName: string;
  roleType: 'BuiltInRole' | 'CustomRole' | 'Unknown';
  description: string;
  permissions: PermissionBlock[];
}

/** Where an assignment was made, seen from the audited resource. */
export type ScopeLevel = 'resource' | 'resource-group' | 'subscription' | 'management-group' | 'root';

export interface RoleAssignmentView {
  /** The assignment's full ARM id. */
  id: string;
  roleDefinitionId: string;
  roleName: string;
  scope: string;
  scopeLevel: ScopeLevel;
  /** Made above the resource (its resource group, subscription, ...). */
  inherited: boolean;
  principalId: string;
  principalType: string;
  /** Set when the identity holds the role through a group; `name` is null when the app cannot look it up. */
  viaGroup: { id: string; name: string | null } | null;
  /** An ABAC condition on the assignment, shown as written (the audit does not evaluate it). */
  condition: string | null;
}

/** An assignment that grants a capability: the "why". */
export interface CapabilityGrant {
  assignmentId: string;
  roleName: string;
  scope: string;
  scopeLevel: ScopeLevel;
  viaGroup: { id: string; name: string | null } | null;
}

/** An assigned role that allows the operation by a wildcard but removes it with a NOT in the same block. */
export interface CapabilityExclusion {
  roleName: string;
  allowedBy: string;
  excludedBy: string;
  /** `notActions` or `notDataActions`. */
  list: 'notActions' | 'notDataActions';
}

export interface CapabilityResult {
  id: CapabilityId;
  label: string;
  operation: string;
  permissionKind: 'action' | 'dataAction';
  granted: boolean;
  /** Every assignment that grants it (empty when missing). */
  grantedBy: CapabilityGrant[];
  /** Assigned roles that would grant it but for a NOT (missing only). */
  excludedBy: CapabilityExclusion[];
  /** Built-in roles that would grant it, narrowest first (missing only). */
  suggestedRoles: string[];
  /** One sentence: why it is granted, or why it is missing and what would grant it. */
  why: string;
  /** Deny assignments that block it, whatever the roles grant (then never granted). Absent in reports from before deny assignments. */
  deniedBy?: CapabilityDenial[];
  /** PIM-eligible roles that would grant it once activated (missing only). */
  eligibleThrough?: CapabilityGrant[];
  /** Assigned roles that grant it on paper but that the service ignores: ACS honours built-in roles only for Entra access. */
  ignoredRoles?: string[];
}

/** A deny assignment that blocks a capability. */
export interface CapabilityDenial {
  denyAssignmentId: string;
  name: string;
  scope: string;
  scopeLevel: ScopeLevel;
}

/** A deny assignment that applies to the identity on the resource: made there or above, naming it, a group of it or everyone. */
export interface DenyAssignmentView {
  id: string;
  name: string;
  description: string;
  scope: string;
  scopeLevel: ScopeLevel;
  permissions: PermissionBlock[];
  /** Who it names (object ids; the all-zero GUID is everyone) and who it spares. */
  principals: string[];
  excludePrincipals: string[];
}

/** A role the identity may activate through Privileged Identity Management (PIM); it grants nothing until activated. */
export interface EligibleRoleView {
  id: string;
  roleDefinitionId: string;
  roleName: string;
  scope: string;
  scopeLevel: ScopeLevel;
  /** When the eligibility ends; null when it does not. */
  endDateTime: string | null;
  viaGroup: { id: string; name: string | null } | null;
}

export interface AuditedIdentity {
  id: string;
  name: string;
  kind: IdentityKind;
  cloud: string;
  tenantId: string;
  /** The Entra object id the assignments were looked up for; null when it is not known. */
  objectId: string | null;
  /** Its display name in Microsoft Graph (a service principal's, where `name` is its client ID); absent when Graph did not say. */
  directoryName?: string;
}

export interface AuditedResource {
  /** The app's account id. */
  accountId: string;
  name: string;
  kind: ResourceKind;
  cloud: string;
  /** The ARM resource id; null when no signed-in identity could find the resource. */
  resourceId: string | null;
  /** Why the resource could not be audited (no resource id). */
  problem: string | null;
  /**
   * Set for a resource that is not an account here but that discovery found for an audited identity (then `accountId` is
   * `discovered:` and its resource id): the identity that can see it, through which it can be added.
   */
  discovered?: { identityId: string };
}

/** One identity on one resource. */
export interface RoleAuditCell {
  identityId: string;
  accountId: string;
  /** `unreadable`: no signed-in identity could read the assignments; `problem` says why. */
  state: 'audited' | 'unreadable';
  problem: { code: ErrorCode; message: string } | null;
  /** The identity whose token read the assignments, when it was not this one (this one lacks the right to read them). */
  readBy: { identityId: string; name: string } | null;
  /** Distinct role names, for the matrix. */
  roleNames: string[];
  assignments: RoleAssignmentView[];
  roles: RoleDefinitionView[];
  capabilities: CapabilityResult[];
  /** Deny assignments that apply here (absent in reports from before they were read). */
  denyAssignments?: DenyAssignmentView[];
  /** Roles it may activate here through PIM, apart from those it holds (absent in reports from before they were read). */
  eligibleRoles?: EligibleRoleView[];
}

/** A directory object as Microsoft Graph names it. */
export interface PrincipalName {
  id: string;
  type: 'user' | 'group' | 'servicePrincipal' | 'other';
  displayName: string;
  /** A user's sign-in name, or a service principal's application (client) ID. */
  secondary: string | null;
}

export interface RoleAuditReport {
  generatedAt: string;
  identities: AuditedIdentity[];
  resources: AuditedResource[];
  /** One per identity and resource of the same cloud. */
  cells: RoleAuditCell[];
  /** Names from Microsoft Graph of the principals the audit met (identities, groups), by object id; kept with the audit. */
  principalNames?: Record<string, PrincipalName>;
  /** Why principals are shown by ID rather than name (Graph refused or did not answer), said once for the whole audit. */
  namesNotice?: string | null;
}

const ids = (message: string) => z.array(z.string().uuid({ message })).min(1).max(1000).optional();

/** Which identities and accounts to audit; all signed-in identities and all accounts when omitted. */
export const rolesAuditSchema = z
  .object({
    identityIds: ids('Unknown identity'),
    accountIds: z.array(accountRefSchema).min(1).max(10_000).optional(),
    /** Also audit the resources discovery finds for the identities audited; on by default when no account is added (or named). */
    discovered: z.boolean().optional(),
    operationId: operationIdSchema.optional(),
  })
  .strict();

export const reportFormats = ['csv', 'json', 'markdown'] as const;
export type ReportFormat = (typeof reportFormats)[number];

/**
 * The last audit (or a new one when there is none, or when `fresh`), limited to the identities and
 * accounts given, as text or written to `path` (mode 0600).
 */
export const rolesExportSchema = rolesAuditSchema
  .extend({
    format: z.enum(reportFormats, { message: 'Choose csv, json or markdown' }),
    path: filePathSchema.optional(),
    overwrite: z.boolean().default(false),
    fresh: z.boolean().default(false),
  })
  .strict();

/** The report as text, or where it was written; `cells` counts the identity-resource pairs in it. */
export type RoleReportExport =
  { format: ReportFormat; cells: number; text: string } | { format: ReportFormat; cells: number; path: string };

/** The contract's methods for the role audit (shared/contract.ts joins every domain's). */
export const rolesMethods = {
  /** Which roles each identity holds on each account's resource and what they let it do, with why. */
  'roles.audit': method<typeof rolesAuditSchema, RoleAuditReport>(rolesAuditSchema),
  /** The last audit this process ran (so a reloaded page or `npm run demo`'s seed shows it at once), or null before any. */
  'roles.lastAudit': method<typeof noInput, RoleAuditReport | null>(noInput),
  /** The last audit as CSV, JSON or Markdown: as text, or written to a file (mode 0600). */
  'roles.exportReport': method<typeof rolesExportSchema, RoleReportExport>(rolesExportSchema),
} as const;
