import type { AccountsStore } from '../accounts/accounts-store.ts';
import type { CloudsStore } from '../azure/clouds-store.ts';
import type { EntraService } from '../entra/entra-service.ts';
import { whoIs, type IdentityRecord } from '../entra/identity-record.ts';
import { jwtClaim } from '../azure/jwt-facts.ts';
import type { RetryRuntime } from '../azure/azure-retry.ts';
import type { VaultSession } from '../vault/vault-session.ts';
import type { ArmSession } from '../azure/arm-client.ts';

/** What discovery, the role audit and key rotation share: the stores, Entra for ARM tokens, and the retry policy. */
export interface ArmContext {
  accounts: AccountsStore;
  clouds: CloudsStore;
  entra: EntraService;
  vault: VaultSession;
  runtime: RetryRuntime;
  /** The call's cancel: the sessions opened for it pass it to every ARM request. */
  signal?: AbortSignal | undefined;
}

/** An identity's ARM session, with its Entra object id (from its record, else its token's `oid`). */
export interface IdentitySession extends ArmSession {
  identity: IdentityRecord;
  objectId: string | null;
}

export async function openArmSession(ctx: ArmContext, identity: IdentityRecord): Promise<IdentitySession> {
  const profile = ctx.clouds.get(identity.cloud);
  const token = await ctx.entra.acquireToken(identity.id, [profile.armScope]);
  return {
    cloud: profile,
    endpoint: profile.armEndpoint,
    token: token.accessToken,
    who: whoIs(identity),
    runtime: ctx.runtime,
    signal: ctx.signal,
    identity,
    objectId: identity.objectId ?? jwtClaim(token.accessToken, 'oid') ?? null,
  };
}
