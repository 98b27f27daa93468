/**
 * electron/core/arm/discovery/: finding the ARR and ACS resources an identity can see through Azure
 * Resource Manager, and importing them as accounts. Part of arm/: it imports the ARM client and
 * errors (azure/), accounts/, entra/ and platform/, never tokens/.
 */

import type { z } from 'zod';
import { accountInputSchema } from '../../../../shared/accounts.ts';
import { formatAcsConnectionString } from '../../../../shared/acs-connection-string.ts';
import type {
  DiscoveredResource,
  DiscoveryImportResult,
  DiscoveryResult,
  discoveryImportSchema,
  ImportedResource,
  SkippedResource,
} from '../../../../shared/discovery.ts';
import { AppError } from '../../../../shared/errors.ts';
import { summariseIssues, toFieldIssues } from '../../../../shared/validation.ts';
import { nameKey, type AccountRecord } from '../../accounts/account-record.ts';
import { armCall } from '../../azure/arm-client.ts';
import { openArmSession, type ArmContext, type IdentitySession } from '../arm-context.ts';
import { ArmRequestError } from '../../azure/arm-errors.ts';
import { parseResourceId, resourceTypes } from '../../azure/resource-id.ts';
import { builtInRolesGranting } from '../../azure/permission-match.ts';
import { isSameResource, listSubscriptions, listVisibleResources, toDiscovered, type ArmResource } from './resource-discovery.ts';

/**
 * Discovery for one signed-in identity, and importing what it found as accounts: with the keys
 * when the identity may list them, for Entra ID use (and saying why) when it may not.
 */

interface ArmListedKeys {
  primaryKey?: unknown;
  secondaryKey?: unknown;
  primaryConnectionString?: unknown;
}

export async function discoverResources(ctx: ArmContext, identityId: string): Promise<DiscoveryResult> {
  const session = await openArmSession(ctx, await ctx.entra.record(identityId));
  const subscriptions = await listSubscriptions(session);
  const { resources, failures } = await listVisibleResources(session, subscriptions);
  const records = await ctx.accounts.records();
  return {
    identity: { id: identityId, name: session.who },
    subscriptions,
    resources: resources.map((resource) => {
      const existing = records.find((record) => isSameResource(resource, record));
      return { ...resource, alreadyImportedAs: existing ? { id: existing.id, name: existing.name } : null };
    }),
    problems: failures.map((f) => f.message),
  };
}

export async function importResources(ctx: ArmContext, input: z.output<typeof discoveryImportSchema>): Promise<DiscoveryImportResult> {
  const session = await openArmSession(ctx, await ctx.entra.record(input.identityId));
  const imported: ImportedResource[] = [];
  const skipped: SkippedResource[] = [];
  for (const resourceId of [...new Set(input.resourceIds)]) {
    try {
      const outcome = await importOne(ctx, session, resourceId);
      if ('account' in outcome) imported.push(outcome);
      else skipped.push(outcome);
    } catch (error) {
      if (!(error instanceof AppError) || error.code === 'cancelled') throw error;
      skipped.push({ resourceId, code: error.code, reason: error.message, existingAccountId: null });
    }
  }
  return { imported, skipped };
}

async function importOne(ctx: ArmContext, session: IdentitySession, resourceId: string): Promise<ImportedResource | SkippedResource> {
  const parts = parseResourceId(resourceId);
  if (!parts) throw new AppError('invalid_input', `${resourceId} is not a Remote Rendering account or Communication Services resource.`);
  const { type, apiVersion, label } = resourceTypes[parts.kind];
  const item = await armCall<ArmResource>(session, {
    path: `${resourceId}?api-version=${apiVersion}`,
    what: `read the ${label} ${parts.name}`,
    action: `${type}/read`,
  });
  const resource = toDiscovered(item, parts.kind);
  if (!resource)
    throw new AppError(
      'azure_bad_request',
      `Azure Resource Manager described ${parts.name} without its ` +
        `${parts.kind === 'arr' ? 'account ID and domain' : 'host name'}, so it cannot be used here.`,
    );
  const records = await ctx.accounts.records();
  const existing = records.find((record) => isSameResource(resource, record));
  if (existing) {
    if (existing.resourceId === undefined)
      await ctx.accounts.patch(existing.id, (record) => ({ ...record, resourceId: resource.resourceId }));
    return {
      resourceId,
      code: 'conflict',
      reason: `${resource.name} is already an account here: "${existing.name}".`,
      existingAccountId: existing.id,
    };
  }
  const listKeysAction = `${type}/listKeys/action`;
  let keys: ArmListedKeys | undefined;
  let reason: string | null = null;
  try {
    keys = await armCall<ArmListedKeys>(session, {
      method: 'POST',
      path: `${resourceId}/listKeys?api-version=${apiVersion}`,
      what: `list the keys of ${resource.name}`,
      action: listKeysAction,
    });
  } catch (error) {
    if (!(error instanceof ArmRequestError) || error.status !== 403) throw error;
    const role = builtInRolesGranting(listKeysAction, 'action')[0] ?? 'Contributor';
    reason = `This identity may not list keys (needs ${listKeysAction}, e.g. ${role}): imported for Entra ID use.`;
  }
  const name = uniqueName(resource, records);
  const parsed = accountInputSchema.safeParse(accountInput(resource, name, session.identity.cloud, keys));
  if (!parsed.success)
    throw new AppError('invalid_input', `${resource.name} could not be imported: ${summariseIssues(toFieldIssues(parsed.error))}`);
  const view = await ctx.accounts.add(parsed.data);
  const withKeys = keys !== undefined;
  const record = await ctx.accounts.patch(view.id, (current) => {
    const linked = { ...current, resourceId: resource.resourceId };
    return linked.kind === 'acs' && withKeys ? { ...linked, accessKeySlot: 'primary' as const } : linked;
  });
  return { resourceId, kind: resource.kind, account: ctx.accounts.view(record), withKeys, reason };
}

function accountInput(resource: DiscoveredResource, name: string, cloud: string, keys: ArmListedKeys | undefined): unknown {
  const key = (value: unknown) => (typeof value === 'string' && value ? value : undefined);
  if (resource.kind === 'arr') {
    return {
      kind: 'arr',
      name,
      cloud,
      accountId: resource.accountId,
      accountDomain: resource.accountDomain,
      primaryKey: key(keys?.primaryKey),
      secondaryKey: key(keys?.secondaryKey),
    };
  }
  const accessKey = key(keys?.primaryKey);
  const connectionString =
    key(keys?.primaryConnectionString) ?? (accessKey ? formatAcsConnectionString({ endpoint: resource.endpoint, accessKey }) : undefined);
  return connectionString ? { kind: 'acs', name, cloud, connectionString } : { kind: 'acs', name, cloud, endpoint: resource.endpoint };
}

/** The resource's name, or with its resource group or a number when an account already has it. */
function uniqueName(resource: DiscoveredResource, records: readonly AccountRecord[]): string {
  const taken = new Set(records.map((record) => nameKey(record.name)));
  const options = [
    resource.name,
    `${resource.name} (${resource.resourceGroup})`,
    ...Array.from({ length: 98 }, (_, i) => `${resource.name} (${i + 2})`),
  ].map((n) => n.slice(0, 80));
  return options.find((n) => !taken.has(nameKey(n))) ?? resource.name.slice(0, 80);
}
