import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { guidPattern } from '../../shared/clouds.ts';
import { faultRuleSchema } from './fault-rule.ts';
import { allRoleDefinitions, findRoleDefinition } from './role-definitions.ts';

/**
 * One JSON file describes the world the emulator serves. It is validated on load, and every
 * cross-reference (a user's tenant, an assignment's principal, role and scope) is checked, so a
 * mistake is reported with the path of the field at fault.
 */

const guid = z
  .string()
  .regex(guidPattern, { message: 'Expected a GUID' })
  .transform((s) => s.toLowerCase());
const name = z.string().trim().min(1).max(90);
const base64Key = z.string().regex(/^[A-Za-z0-9+/]+={0,2}$/, { message: 'Expected a base64 key' });

const tenantSchema = z.strictObject({ id: guid, name, domain: z.string().min(3), displayName: name });

const userSchema = z.strictObject({
  id: guid,
  tenant: guid,
  userName: z.string().includes('@', { message: 'A user name looks like name@domain' }),
  displayName: name,
  password: z.string().min(1),
  /** The sign-in ends in AADSTS50076: the emulator has no second factor to offer. */
  mfaRequired: z.boolean().default(false),
  /** The sign-in ends in AADSTS53003. */
  conditionalAccessBlocked: z.boolean().default(false),
  /** Every refresh_token grant fails with AADSTS700082. */
  refreshTokensExpired: z.boolean().default(false),
  /** Conditional Access sign-in frequency: once this long has passed since the user signed in, a refresh_token grant fails with
   * AADSTS70043. */
  signInFrequencySeconds: z.number().int().positive().optional(),
  /** The sign-in page asks for consent; declining ends in AADSTS65001. */
  consentRequired: z.boolean().default(false),
  /** False: the tenant's "Users can register applications" is No and the user holds no role that may, so Graph refuses to create an
   * application for them (403 Authorization_RequestDenied, graph-applications.ts). */
  mayRegisterApps: z.boolean().default(true),
  /** Graph's `userType`: a guest may read only its own directory object (Graph refuses it the names of others). */
  userType: z.enum(['Member', 'Guest']).default('Member'),
});

const groupSchema = z.strictObject({ id: guid, tenant: guid, displayName: name, members: z.array(guid) });

const servicePrincipalSchema = z
  .strictObject({
    /** Object id: what role assignments name. */
    id: guid,
    /** Application (client) id: what a token request names. */
    appId: guid,
    tenant: guid,
    displayName: name,
    secret: z.string().min(8).optional(),
    /** PEM certificate registered for client assertions; `"generate"` makes one at start and writes it to the state folder. */
    certificate: z.union([z.literal('generate'), z.string().includes('-----BEGIN CERTIFICATE-----')]).optional(),
    /** App roles granted to it, carried in `roles` of its tokens. */
    appRoles: z.array(z.string()).default([]),
  })
  .refine((sp) => sp.secret !== undefined || sp.certificate !== undefined, {
    message: 'A service principal needs a secret or a certificate',
  });

/**
 * A Microsoft first-party resource's service principal as Graph lists it in a tenant (no credential: it never signs in here), with the
 * delegated permissions it publishes (`oauth2PermissionScopes`, https://learn.microsoft.com/graph/api/resources/permissionscope). An app
 * asks for one in `requiredResourceAccess` by that scope's `id` (https://learn.microsoft.com/graph/api/resources/resourceaccess).
 * With no `tenant`, it is in every tenant, as first-party apps are. The default scenario's: Azure Service Management (ARM) and Microsoft
 * Mixed Reality with the scope ids tenants list for them (collected in github.com/maciejporebski/azure-ad-first-party-apps-permissions,
 * third-party), and Azure Communication Services (app id from Azure/azure-sdk-for-net#35816) whose scope id no public source names, so
 * the scenario's is a stand-in.
 */
const resourceServicePrincipalSchema = z.strictObject({
  id: guid,
  appId: guid,
  tenant: guid.optional(),
  displayName: name,
  oauth2PermissionScopes: z
    .array(
      z.strictObject({
        id: guid,
        value: z.string().min(1),
        type: z.enum(['User', 'Admin']).default('User'),
        isEnabled: z.boolean().default(true),
        adminConsentDisplayName: z.string().optional(),
        adminConsentDescription: z.string().optional(),
        userConsentDisplayName: z.string().optional(),
        userConsentDescription: z.string().optional(),
      }),
    )
    .default([]),
});

const publicClientSchema = z.strictObject({
  clientId: guid,
  displayName: name,
  /** `http://localhost` and `http://127.0.0.1` match any port, as Entra treats loopback redirects. */
  redirectUris: z.array(z.string().url()).min(1),
  /** A Microsoft-owned app (the Azure CLI's): Entra gives it tokens only for the resources it is pre-authorized for, AADSTS65002
   * otherwise (entra-preauthorization.ts). An app a customer registers is not. */
  firstParty: z.boolean().optional(),
  /** For a first-party client: resource URIs it may have tokens for; `*` stands for one host label. */
  preAuthorizedResources: z.array(z.string().url()).optional(),
});

const subscriptionSchema = z.strictObject({ id: guid, tenant: guid, displayName: name });
const resourceGroupSchema = z.strictObject({ subscription: guid, name, location: name });
const resourceBase = { subscription: guid, resourceGroup: name, name: z.string().regex(/^[A-Za-z0-9-]{1,63}$/), location: name };

const remoteRenderingAccountSchema = z.strictObject({
  ...resourceBase,
  accountId: guid,
  accountDomain: z
    .string()
    .regex(/^([a-z0-9]+\.)?mixedreality\.azure\.com$/, { message: 'Expected mixedreality.azure.com or <region>.mixedreality.azure.com' }),
  primaryKey: base64Key,
  secondaryKey: base64Key,
});

const communicationServiceSchema = z.strictObject({
  ...resourceBase,
  /** The guid inside identity ids (`8:acs:<immutableResourceId>_...`). */
  immutableResourceId: guid,
  dataLocation: name,
  primaryKey: base64Key,
  secondaryKey: base64Key,
});

const permissionSchema = z.strictObject({
  actions: z.array(z.string()).default([]),
  notActions: z.array(z.string()).default([]),
  dataActions: z.array(z.string()).default([]),
  notDataActions: z.array(z.string()).default([]),
});

const roleDefinitionSchema = z.strictObject({
  id: guid,
  roleName: name,
  description: z.string().default(''),
  permissions: z.array(permissionSchema).min(1),
  assignableScopes: z.array(z.string().startsWith('/')).min(1),
});

const armScope = z.string().regex(/^\/(subscriptions\/|providers\/Microsoft\.Management\/managementGroups\/)/i, {
  message: 'Expected /subscriptions/… or /providers/Microsoft.Management/managementGroups/…',
});

const roleAssignmentSchema = z.strictObject({
  id: guid,
  principalId: guid,
  /** A role definition GUID (built-in or custom) or a role name. */
  role: z.string().min(1),
  /** ARM scope: a management group, `/subscriptions/{id}`, a resource group or a resource id. */
  scope: armScope,
});

/**
 * A management group and what sits directly below it (learn.microsoft.com/azure/governance/management-groups/overview):
 * assignments at `/providers/Microsoft.Management/managementGroups/{id}` reach every subscription below it.
 */
const managementGroupSchema = z.strictObject({
  id: z.string().regex(/^[A-Za-z0-9_().-]{1,90}$/),
  tenant: guid,
  displayName: name,
  /** The management group above it; none for the tenant's root group. */
  parent: z.string().optional(),
  subscriptions: z.array(guid).default([]),
});

/**
 * A deny assignment (azure-rest-api-specs, Microsoft.Authorization/stable/2022-04-01/authorization-DenyAssignmentCalls.json):
 * the actions it denies to its principals (the all-zero GUID is everyone) except those it excludes, at its scope and below
 * unless `doNotApplyToChildScopes`.
 */
const denyAssignmentSchema = z.strictObject({
  id: guid,
  denyAssignmentName: name,
  description: z.string().default(''),
  scope: armScope,
  permissions: z.array(permissionSchema).min(1),
  principals: z.array(guid).min(1),
  excludePrincipals: z.array(guid).default([]),
  doNotApplyToChildScopes: z.boolean().default(false),
});

/**
 * A PIM-eligible role (azure-rest-api-specs, Microsoft.Authorization/stable/2020-10-01/RoleEligibilityScheduleInstance.json):
 * the principal may activate it, and holds nothing through it until then.
 */
const roleEligibilitySchema = z.strictObject({
  id: guid,
  principalId: guid,
  role: z.string().min(1),
  scope: armScope,
  endDateTime: z.string().datetime().optional(),
});

const settingsSchema = z.strictObject({
  accessTokenSeconds: z.number().int().min(1).default(3600),
  refreshTokenSeconds: z
    .number()
    .int()
    .min(1)
    .default(90 * 86_400),
  deviceCodeSeconds: z.number().int().min(10).default(900),
  deviceCodeIntervalSeconds: z.number().int().min(0).default(5),
  /** ARM list page size; small values make `nextLink` paging happen. */
  armPageSize: z.number().int().min(1).default(100),
});

export const scenarioSchema = z
  .strictObject({
    tenants: z.array(tenantSchema).min(1),
    users: z.array(userSchema).default([]),
    groups: z.array(groupSchema).default([]),
    servicePrincipals: z.array(servicePrincipalSchema).default([]),
    resourceServicePrincipals: z.array(resourceServicePrincipalSchema).default([]),
    publicClients: z.array(publicClientSchema).default([]),
    subscriptions: z.array(subscriptionSchema).default([]),
    resourceGroups: z.array(resourceGroupSchema).default([]),
    remoteRenderingAccounts: z.array(remoteRenderingAccountSchema).default([]),
    communicationServices: z.array(communicationServiceSchema).default([]),
    roleDefinitions: z.array(roleDefinitionSchema).default([]),
    roleAssignments: z.array(roleAssignmentSchema).default([]),
    managementGroups: z.array(managementGroupSchema).default([]),
    denyAssignments: z.array(denyAssignmentSchema).default([]),
    roleEligibilities: z.array(roleEligibilitySchema).default([]),
    settings: settingsSchema.default(settingsSchema.parse({})),
    faults: z.array(faultRuleSchema).default([]),
  })
  .superRefine(checkReferences);

export type ScenarioInput = z.input<typeof scenarioSchema>;
export type Scenario = z.output<typeof scenarioSchema>;
export type ScenarioUser = Scenario['users'][number];
export type ScenarioServicePrincipal = Scenario['servicePrincipals'][number];
export type RemoteRenderingAccount = Scenario['remoteRenderingAccounts'][number];
export type CommunicationService = Scenario['communicationServices'][number];
export type RoleAssignment = Scenario['roleAssignments'][number];
export type CustomRoleDefinition = Scenario['roleDefinitions'][number];
export type ManagementGroup = Scenario['managementGroups'][number];
export type DenyAssignment = Scenario['denyAssignments'][number];
export type RoleEligibility = Scenario['roleEligibilities'][number];

export class ScenarioError extends Error {
  override readonly name = 'ScenarioError';
}

export function parseScenario(input: unknown, source = 'scenario'): Scenario {
  const result = scenarioSchema.safeParse(input);
  if (result.success) return result.data;
  const lines = result.error.issues.map((issue) => `  ${issue.path.join('.') || '(root)'}: ${issue.message}`);
  throw new ScenarioError(`${source} is not a valid emulator scenario:\n${lines.join('\n')}`);
}

export function loadScenarioFile(path: string): Scenario {
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new ScenarioError(`Cannot read the scenario ${path}: ${(error as Error).message}`);
  }
  return parseScenario(json, path);
}

export const defaultScenarioPath = new URL('./scenarios/default.json', import.meta.url).pathname;

function checkReferences(s: Scenario, ctx: z.RefinementCtx): void {
  const problem = (path: (string | number)[], message: string): void => ctx.addIssue({ code: 'custom', path, message });
  const tenants = new Set(s.tenants.map((t) => t.id));
  const inTenant = (list: { tenant: string }[], key: string): void =>
    list.forEach((item, i) => tenants.has(item.tenant) || problem([key, i, 'tenant'], `No tenant ${item.tenant} in tenants`));
  inTenant(s.users, 'users');
  inTenant(s.groups, 'groups');
  inTenant(s.servicePrincipals, 'servicePrincipals');
  s.resourceServicePrincipals.forEach(
    (sp, i) =>
      sp.tenant === undefined || tenants.has(sp.tenant) || problem(['resourceServicePrincipals', i, 'tenant'], `No tenant ${sp.tenant}`),
  );
  inTenant(s.subscriptions, 'subscriptions');

  const principals = new Set([...s.users, ...s.groups, ...s.servicePrincipals].map((p) => p.id));
  s.groups.forEach((g, i) =>
    g.members.forEach((m, j) => principals.has(m) || problem(['groups', i, 'members', j], `No user, group or service principal ${m}`)),
  );

  const subscriptions = new Set(s.subscriptions.map((sub) => sub.id));
  const groups = new Set(s.resourceGroups.map((rg) => `${rg.subscription}/${rg.name.toLowerCase()}`));
  s.resourceGroups.forEach(
    (rg, i) => subscriptions.has(rg.subscription) || problem(['resourceGroups', i, 'subscription'], `No subscription ${rg.subscription}`),
  );
  const inGroup = (list: { subscription: string; resourceGroup: string }[], key: string): void =>
    list.forEach(
      (r, i) =>
        groups.has(`${r.subscription}/${r.resourceGroup.toLowerCase()}`) ||
        problem([key, i, 'resourceGroup'], `No resource group ${r.resourceGroup} in subscription ${r.subscription}`),
    );
  inGroup(s.remoteRenderingAccounts, 'remoteRenderingAccounts');
  inGroup(s.communicationServices, 'communicationServices');

  const roles = allRoleDefinitions(s);
  const managementGroups = new Set(s.managementGroups.map((g) => g.id.toLowerCase()));
  const checkScope = (path: (string | number)[], scope: string): void => {
    const group = /^\/providers\/Microsoft\.Management\/managementGroups\/([^/]+)\/?$/i.exec(scope)?.[1]?.toLowerCase();
    if (group !== undefined) {
      if (!managementGroups.has(group)) problem(path, `No management group ${group} in managementGroups`);
      return;
    }
    const sub = /^\/subscriptions\/([^/]+)/i.exec(scope)?.[1]?.toLowerCase();
    if (!sub || !subscriptions.has(sub)) problem(path, `The scope's subscription is not in subscriptions`);
  };
  for (const key of ['roleAssignments', 'roleEligibilities'] as const) {
    s[key].forEach((a, i) => {
      if (!findRoleDefinition(roles, a.role)) problem([key, i, 'role'], `No built-in or custom role ${a.role}`);
      if (!principals.has(a.principalId)) problem([key, i, 'principalId'], `No user, group or service principal ${a.principalId}`);
      checkScope([key, i, 'scope'], a.scope);
    });
  }
  s.managementGroups.forEach((g, i) => {
    if (g.parent !== undefined && !managementGroups.has(g.parent.toLowerCase()))
      problem(['managementGroups', i, 'parent'], `No management group ${g.parent} in managementGroups`);
    g.subscriptions.forEach(
      (sub, j) => subscriptions.has(sub) || problem(['managementGroups', i, 'subscriptions', j], `No subscription ${sub}`),
    );
  });
  s.denyAssignments.forEach((d, i) => checkScope(['denyAssignments', i, 'scope'], d.scope));
  const seen = new Set<string>();
  for (const [key, list] of [
    ['users', s.users],
    ['groups', s.groups],
    ['servicePrincipals', s.servicePrincipals],
  ] as const) {
    list.forEach((p, i) => {
      if (seen.has(p.id)) problem([key, i, 'id'], `The object id ${p.id} is already another user's, group's or service principal's`);
      seen.add(p.id);
    });
  }
}
