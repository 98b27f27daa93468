import type { z } from 'zod';
import { AppError } from '../../../shared/errors.ts';
import type { KeyName, KeyRotationResult, rotateKeySchema } from '../../../shared/key-rotation.ts';
import { armCall } from '../azure/arm-client.ts';
import { openArmSession, type ArmContext, type IdentitySession } from './arm-context.ts';
import { ArmRequestError } from '../azure/arm-errors.ts';
import { resourceTypes } from '../azure/resource-id.ts';
import { whoIs, type IdentityRecord } from '../entra/identity-record.ts';
import { AuditRun } from './role-audit/audit-run.ts';
import { notLocated } from './role-audit/role-audit.ts';
import type { Vault } from '../vault/vault.ts';
import { secretName, type AccountRecord, type StoredSecret } from '../accounts/account-record.ts';

/**
 * Regenerates an account's primary or secondary key through Azure Resource Manager
 * (AZURE-PROTOCOLS.md §4: ARR `regenerateKeys {"serial":1|2}`, ACS `regenerateKey {"keyType"}`,
 * both answering with the keys as they now are), then stores the new value of every key the app
 * holds and records when the key was rotated.
 */

interface ArmKeys {
  primaryKey?: unknown;
  secondaryKey?: unknown;
}

export async function rotateAccountKey(ctx: ArmContext, input: z.output<typeof rotateKeySchema>): Promise<KeyRotationResult> {
  const [record] = await ctx.accounts.records([input.id]);
  if (!record) throw new AppError('not_found', 'That account no longer exists.');
  // Open the vault before Azure changes anything: the new keys must have somewhere to go.
  const vault = await ctx.vault.require();
  const identities = await candidates(ctx, record, input.identityId);
  const { resourceId, failures } = await new AuditRun(ctx, identities).locate(record);
  if (!resourceId) {
    if (failures.length) throw notLocated(record, failures);
    throw new AppError(
      'not_found',
      `No signed-in identity of the cloud ${record.cloud} can find "${record.name}" in Azure Resource Manager: sign in with an ` +
        `identity that has a role on it, or import it through discovery.`,
    );
  }
  // Cancelling stops the look for the resource, never the regeneration itself: a key Azure changed must reach the vault.
  if (ctx.signal?.aborted)
    throw new AppError('cancelled', `The key rotation of "${record.name}" was cancelled before Azure changed any key.`);
  const { session, keys } = await regenerate({ ...ctx, signal: undefined }, identities, record, resourceId, input.key);
  const rotatedAt = new Date().toISOString();
  let storedKeyUpdated = false;
  const next = await ctx.accounts.patch(record.id, async (current) => {
    const { values, accessKeySlot } = newStoredValues(vault, current, keys, input.key);
    const changed = (Object.keys(values) as StoredSecret[]).filter((name) => vault.get(secretName(current.id, name)) !== values[name]);
    storedKeyUpdated = changed.some((name) => regeneratedSecret(current, input.key, accessKeySlot) === name);
    if (changed.length > 0) await vault.setMany(changed.map((name) => [secretName(current.id, name), values[name] ?? ''] as const));
    const keysSetAt = { ...current.keysSetAt, ...Object.fromEntries(changed.map((name) => [name, rotatedAt])) };
    const base = { ...current, resourceId, keysRotatedAt: { ...current.keysRotatedAt, [input.key]: rotatedAt }, keysSetAt };
    return current.kind === 'acs' && base.kind === 'acs' && accessKeySlot ? { ...base, accessKeySlot } : base;
  });
  const account = ctx.accounts.view(next);
  const other: KeyName = input.key === 'primary' ? 'secondary' : 'primary';
  const stored = storedKeyUpdated
    ? 'The app now stores the new value.'
    : `The app stored no copy of the ${input.key} key, so nothing it holds changed.`;
  return {
    account,
    key: input.key,
    rotatedAt,
    by: { identityId: session.identity.id, name: session.who },
    storedKeyUpdated,
    guidance:
      `The ${input.key} key of "${record.name}" was regenerated: anything still using its old value now fails. ${stored} Move ` +
      `clients back to it when you next rotate the ${other} key.`,
  };
}

/** The identity asked for (checked to be of the account's cloud), or every identity of that cloud. */
async function candidates(ctx: ArmContext, record: AccountRecord, identityId: string | undefined): Promise<IdentityRecord[]> {
  if (identityId !== undefined) {
    const identity = await ctx.entra.record(identityId);
    if (identity.cloud !== record.cloud) {
      const message =
        `${whoIs(identity)} signs in to the cloud ${identity.cloud}, but "${record.name}" is in ${record.cloud}: choose an ` +
        `identity of ${record.cloud}`;
      throw new AppError('invalid_input', message, [{ path: 'identityId', message }]);
    }
    return [identity];
  }
  const identities = (await ctx.entra.records()).filter((i) => i.cloud === record.cloud);
  if (identities.length === 0)
    throw new AppError(
      'invalid_input',
      `Keys are regenerated through Azure Resource Manager: sign in here with an identity of the cloud ${record.cloud} that may ` +
        `regenerate the keys of "${record.name}" (Contributor or Owner), then try again.`,
    );
  return identities;
}

async function regenerate(
  ctx: ArmContext,
  identities: readonly IdentityRecord[],
  record: AccountRecord,
  resourceId: string,
  key: KeyName,
): Promise<{ session: IdentitySession; keys: { primaryKey: string; secondaryKey: string } }> {
  const { type, apiVersion } = resourceTypes[record.kind];
  const request =
    record.kind === 'arr'
      ? {
          path: `${resourceId}/regenerateKeys?api-version=${apiVersion}`,
          body: { serial: key === 'primary' ? 1 : 2 },
          action: `${type}/regenerateKeys/action`,
        }
      : {
          path: `${resourceId}/regenerateKey?api-version=${apiVersion}`,
          body: { keyType: key === 'primary' ? 'Primary' : 'Secondary' },
          action: `${type}/regenerateKey/action`,
        };
  const refusals: AppError[] = [];
  for (const identity of identities) {
    try {
      const session = await openArmSession(ctx, identity);
      const body = await armCall<ArmKeys>(sentOnce(session), {
        ...request,
        method: 'POST',
        what: `regenerate the ${key} key of ${record.name}`,
      }).catch((error: unknown) => {
        throw answerLost(error) ? new AppError(error.code, `${error.message} ${lostAnswerAdvice(record, key)}`) : error;
      });
      if (typeof body.primaryKey !== 'string' || typeof body.secondaryKey !== 'string') {
        throw new AppError(
          'azure_unavailable',
          `Azure Resource Manager regenerated the ${key} key of "${record.name}" but did not return the keys. List them in the ` +
            `Azure portal (Keys) and enter them here with Edit.`,
        );
      }
      return { session, keys: { primaryKey: body.primaryKey, secondaryKey: body.secondaryKey } };
    } catch (error) {
      const refused =
        error instanceof AppError &&
        (error.code === 'azure_forbidden' ||
          error.code === 'azure_unauthorized' ||
          error.code === 'sign_in_required' ||
          (error instanceof ArmRequestError && error.armCode === 'SubscriptionNotFound'));
      if (!refused) throw error;
      refusals.push(error);
    }
  }
  throw (
    refusals.find((e) => e.code === 'azure_forbidden') ?? refusals[0] ?? new AppError('internal', 'No identity could regenerate the key.')
  );
}

/**
 * A regeneration is not idempotent: when its answer is lost (timeout, dropped connection, 5xx),
 * Azure may still apply it, and a retry would regenerate the key once more, racing the first, so
 * the key stored could be dead on arrival. It is sent once; the message says what to do instead.
 */
function sentOnce(session: IdentitySession): IdentitySession {
  return { ...session, runtime: { ...session.runtime, policy: { ...session.runtime.policy, tries: 1 } } };
}

function answerLost(error: unknown): error is AppError {
  return (
    error instanceof AppError && !(error instanceof ArmRequestError) && (error.code === 'azure_unavailable' || error.code === 'network')
  );
}

function lostAnswerAdvice(record: AccountRecord, key: KeyName): string {
  return (
    `Azure may have regenerated the ${key} key without the app hearing the new value. If the stored ${key} key of ` +
    `"${record.name}" stops working, regenerate it again here: the app stores the value Azure returns.`
  );
}

/** The values the app's stored keys take now; for ACS, which of the two keys the stored access key is. */
function newStoredValues(
  vault: Vault,
  record: AccountRecord,
  keys: { primaryKey: string; secondaryKey: string },
  key: KeyName,
): { values: Partial<Record<StoredSecret, string>>; accessKeySlot?: KeyName } {
  if (record.kind === 'arr') {
    const values: Partial<Record<StoredSecret, string>> = {};
    if (record.secrets.includes('primaryKey')) values.primaryKey = keys.primaryKey;
    if (record.secrets.includes('secondaryKey')) values.secondaryKey = keys.secondaryKey;
    return { values };
  }
  if (!record.secrets.includes('accessKey')) return { values: {} };
  const other: KeyName = key === 'primary' ? 'secondary' : 'primary';
  const otherValue = other === 'primary' ? keys.primaryKey : keys.secondaryKey;
  // The stored key still works when it is the key not regenerated; otherwise it was this one (or stale) and takes its new value.
  if (vault.get(secretName(record.id, 'accessKey')) === otherValue) return { values: {}, accessKeySlot: other };
  return { values: { accessKey: key === 'primary' ? keys.primaryKey : keys.secondaryKey }, accessKeySlot: key };
}

function regeneratedSecret(record: AccountRecord, key: KeyName, accessKeySlot: KeyName | undefined): StoredSecret | undefined {
  if (record.kind === 'arr') return key === 'primary' ? 'primaryKey' : 'secondaryKey';
  return accessKeySlot === key ? 'accessKey' : undefined;
}
