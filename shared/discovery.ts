import { z } from 'zod';
import { operationIdSchema } from './calls.ts';
import type { AccountView } from './accounts.ts';
import type { ErrorCode } from './errors.ts';
import type { ResourceKind } from './roles.ts';
import { method } from './method.ts';

/**
 * Resource discovery: what a signed-in identity can see in Azure Resource Manager (subscriptions,
 * Remote Rendering accounts, Communication Services resources), and importing them as accounts.
 */

const identityId = z.string().uuid({ message: 'Unknown identity' });

/** An ARM resource id of a Remote Rendering account or a Communication Services resource. */
export const armResourceIdSchema = z
  .string()
  .trim()
  .max(1024)
  .regex(
    /^\/subscriptions\/[^/]+\/resourceGroups\/[^/]+\/providers\/(Microsoft\.MixedReality\/remoteRenderingAccounts|Microsoft\.Communication\/communicationServices)\/[^/]+$/i,
    {
      message:
        'Expected the ARM id of a Remote Rendering account or Communication Services resource: ' +
        '/subscriptions/…/resourceGroups/…/providers/…',
    },
  );

export const discoveryResourcesSchema = z.object({ identityId, operationId: operationIdSchema.optional() }).strict();

export const discoveryImportSchema = z
  .object({
    identityId,
    resourceIds: z.array(armResourceIdSchema).min(1, 'Choose at least one resource').max(100, 'Import at most 100 resources at once'),
  })
  .strict();

export interface DiscoveredSubscription {
  subscriptionId: string;
  displayName: string;
  tenantId: string;
  state: string;
}

interface DiscoveredCommon {
  resourceId: string;
  name: string;
  location: string;
  subscriptionId: string;
  resourceGroup: string;
  /** The stored account that is this resource (same resource id, ARR account ID or ACS endpoint), if any. */
  alreadyImportedAs: { id: string; name: string } | null;
}

export type DiscoveredResource = DiscoveredCommon &
  ({ kind: 'arr'; accountId: string; accountDomain: string } | { kind: 'acs'; endpoint: string });

export interface DiscoveryResult {
  identity: { id: string; name: string };
  subscriptions: DiscoveredSubscription[];
  resources: DiscoveredResource[];
  /** Lists that failed for one subscription or resource type, in words; the rest is still shown. */
  problems: string[];
}

export interface ImportedResource {
  resourceId: string;
  kind: ResourceKind;
  account: AccountView;
  /** False when the identity may not list keys: the account is then for Entra ID use. */
  withKeys: boolean;
  /** Why the keys did not come along (withKeys false). */
  reason: string | null;
}

export interface SkippedResource {
  resourceId: string;
  code: ErrorCode;
  reason: string;
  /** Set when the resource is already an account here. */
  existingAccountId: string | null;
}

export interface DiscoveryImportResult {
  imported: ImportedResource[];
  skipped: SkippedResource[];
}

/** The contract's methods for resource discovery (shared/contract.ts joins every domain's). */
export const discoveryMethods = {
  /** The identity's subscriptions and the ARR accounts and ACS resources it can see in Azure Resource Manager. */
  'discovery.resources': method<typeof discoveryResourcesSchema, DiscoveryResult>(discoveryResourcesSchema),
  /** Imports discovered resources as accounts: with their keys when the identity may list them, else for Entra ID use (with the reason). */
  'discovery.import': method<typeof discoveryImportSchema, DiscoveryImportResult>(discoveryImportSchema),
} as const;
