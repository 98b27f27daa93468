import { AppError } from '../../../shared/errors.ts';
import type { AcsIdentityView, AcsScope, AcsVia, TokenSource, TokenView } from '../../../shared/tokens.ts';
import type { AcsIdentityRecord } from './acs-identities-store.ts';
import { CommunicationIdentity, type AcsCaller, type IssuedUserToken, type UserTokenAsked } from './communication-identity.ts';
import { jwtClaim } from '../azure/jwt-facts.ts';
import { mintedFromJwt } from './token-record.ts';
import type { NewToken } from './token-registry.ts';
import { whoIs } from '../entra/identity-record.ts';
import { acsResource, entraToken, identityFor, viaEntra, viaLabel, type AcsRecord } from './token-sources.ts';
import type { TokensContext } from './tokens-context.ts';

/** ACS user tokens and the identities they are for, through the access key or an Entra identity. */

/** The Entra scopes of a Teams user's token that ACS exchanges (Azure's audience in every cloud). */
export const teamsScopes = [
  'https://auth.msft.communication.azure.com/Teams.ManageCalls',
  'https://auth.msft.communication.azure.com/Teams.ManageChats',
];

interface Connected {
  client: CommunicationIdentity;
  resource: AcsRecord;
  via: TokenSource['via'];
}

/** The identity client for the resource, paid for by `via`. */
export async function connect(ctx: TokensContext, accountId: string, via: AcsVia): Promise<Connected> {
  const { record, profile } = await acsResource(ctx, accountId);
  let caller: AcsCaller;
  let source: TokenSource['via'];
  if (via === 'accessKey') {
    caller = { kind: 'accessKey', connectionString: await ctx.accounts.readSecret(record, 'connectionString') };
    source = { credential: 'accessKey' };
  } else {
    const identity = await identityFor(ctx, via.identityId, record.cloud);
    const token = await entraToken(ctx, identity, [profile.communication.scope]);
    caller = { kind: 'entra', accessToken: token.accessToken, expiresOn: token.expiresOn, who: token.who };
    source = viaEntra(identity);
  }
  return {
    client: new CommunicationIdentity(
      { name: record.name, endpoint: record.endpoint, cloud: profile },
      caller,
      ctx.runtime,
      ctx.acsClients,
    ),
    resource: record,
    via: source,
  };
}

/** A remembered identity, checked to belong to the resource. */
export async function rememberedIdentity(ctx: TokensContext, acsIdentityId: string, accountId?: string): Promise<AcsIdentityRecord> {
  const identity = await ctx.acsIdentities.get(acsIdentityId);
  if (accountId !== undefined && identity.accountId !== accountId) {
    const message = 'That ACS identity belongs to another Communication Services resource';
    throw new AppError('invalid_input', `${message}: choose one of this resource's identities.`, [{ path: 'acsIdentityId', message }]);
  }
  return identity;
}

export function userToken(
  connected: Connected,
  identity: AcsIdentityRecord,
  issued: IssuedUserToken,
  recipe: { scopes: AcsScope[]; minutes: number; via: AcsVia },
): NewToken {
  const { resource, via } = connected;
  return {
    kind: 'acs-user',
    title: `ACS user token · ${identity.label} on ${resource.name} (${recipe.scopes.join(', ')})`,
    source: {
      account: { id: resource.id, name: resource.name, kind: 'acs' },
      via,
      subject: {
        kind: 'acs-identity',
        acsIdentityId: identity.id,
        communicationUserId: identity.communicationUserId,
        label: identity.label,
      },
    },
    recipe: { kind: 'acs-user', accountId: resource.id, acsIdentityId: identity.id, ...recipe },
    minted: mintedFromJwt(issued.token, recipe.scopes, issued.expiresOn),
  };
}

type NewAcsIdentity = { accountId: string; label: string; customId?: string | undefined; via: AcsVia; token?: UserTokenAsked | undefined };

/** Creates an ACS identity (with a token when asked) and remembers it under `label`. */
export async function createAcsIdentity(
  ctx: TokensContext,
  input: NewAcsIdentity & { token: UserTokenAsked },
  signal?: AbortSignal,
): Promise<{ identity: AcsIdentityRecord; token: NewToken }>;
export async function createAcsIdentity(
  ctx: TokensContext,
  input: NewAcsIdentity,
  signal?: AbortSignal,
): Promise<{ identity: AcsIdentityRecord; token: NewToken | undefined }>;
export async function createAcsIdentity(
  ctx: TokensContext,
  input: NewAcsIdentity,
  signal?: AbortSignal,
): Promise<{ identity: AcsIdentityRecord; token: NewToken | undefined }> {
  const connected = await connect(ctx, input.accountId, input.via);
  const created =
    input.customId === undefined
      ? await connected.client.createIdentity(input.token, signal)
      : await connected.client.createIdentityWithCustomId(input.customId, input.token, signal);
  const at = new Date().toISOString();
  // The same custom ID gives the same identity at ACS: one the app remembers already is not remembered twice.
  const known = (await ctx.acsIdentities.list()).find(
    (i) => i.accountId === input.accountId && i.communicationUserId === created.communicationUserId,
  );
  const identity =
    known ??
    (await ctx.acsIdentities.add({
      accountId: input.accountId,
      communicationUserId: created.communicationUserId,
      label: input.label,
      customId: input.customId,
      at,
    }));
  if (!created.token || !input.token) return { identity, token: undefined };
  await ctx.acsIdentities.update(identity.id, { lastTokenAt: at });
  return { identity, token: userToken(connected, identity, created.token, { ...input.token, via: input.via }) };
}

/** A token for a remembered identity. */
export async function issueAcsToken(
  ctx: TokensContext,
  input: { accountId: string; acsIdentityId: string; scopes: AcsScope[]; minutes: number; via: AcsVia },
  signal?: AbortSignal,
): Promise<NewToken> {
  const identity = await rememberedIdentity(ctx, input.acsIdentityId, input.accountId);
  const connected = await connect(ctx, input.accountId, input.via);
  const issued = await connected.client.issueToken(identity.communicationUserId, input.scopes, input.minutes, signal);
  // "Last token" is kept to the minute, as an Entra identity's "last used" is: a script minting in a
  // loop need not rewrite acs-identities.json (under the lock, with fsync) for each token.
  if (!identity.lastTokenAt || Date.now() - Date.parse(identity.lastTokenAt) > 60_000)
    await ctx.acsIdentities.update(identity.id, { lastTokenAt: new Date().toISOString() });
  return userToken(connected, identity, issued, { scopes: input.scopes, minutes: input.minutes, via: input.via });
}

/** Revokes every token of the identity at ACS, and marks the ones the app holds revoked. */
export async function revokeAcsIdentity(
  ctx: TokensContext,
  acsIdentityId: string,
  via: AcsVia,
  signal?: AbortSignal,
): Promise<{ identity: AcsIdentityRecord; revoked: TokenView[] }> {
  const identity = await rememberedIdentity(ctx, acsIdentityId);
  const { client } = await connect(ctx, identity.accountId, via);
  await client.revokeTokens(identity.communicationUserId, signal);
  const at = new Date().toISOString();
  await ctx.acsIdentities.update(identity.id, { tokensRevokedAt: at });
  const revoked = await ctx.registry.markRevoked(
    (r) => r.source.subject?.kind === 'acs-identity' && r.source.subject.acsIdentityId === identity.id,
  );
  return { identity: { ...identity, tokensRevokedAt: at }, revoked };
}

/**
 * Deletes the identity at ACS (which ends its tokens), marks the ones the app holds revoked and returns them, and forgets it;
 * one already gone at ACS, or whose resource is gone from the app, is just forgotten.
 */
export async function deleteAcsIdentity(
  ctx: TokensContext,
  acsIdentityId: string,
  via: AcsVia,
  signal?: AbortSignal,
): Promise<TokenView[]> {
  const identity = await rememberedIdentity(ctx, acsIdentityId);
  // The resource was removed from the app: nothing can reach ACS for it, so the identity is only forgotten.
  if (!(await ctx.accounts.records()).some((account) => account.id === identity.accountId)) {
    await ctx.acsIdentities.remove(identity.id);
    return [];
  }
  const { client } = await connect(ctx, identity.accountId, via);
  await client.deleteIdentity(identity.communicationUserId, signal).catch((error: unknown) => {
    if (!(error instanceof AppError && error.code === 'not_found')) throw error;
  });
  const revoked = await ctx.registry.markRevoked(
    (r) => r.source.subject?.kind === 'acs-identity' && r.source.subject.acsIdentityId === identity.id,
  );
  await ctx.acsIdentities.remove(identity.id);
  return revoked;
}

/** The Teams user exchange: the Teams user's Entra token (their identity here), its app ID and their object ID, for an ACS token. */
export async function exchangeTeamsToken(
  ctx: TokensContext,
  input: { accountId: string; teamsIdentityId: string; via: AcsVia },
  signal?: AbortSignal,
): Promise<NewToken> {
  const { record } = await acsResource(ctx, input.accountId);
  const teamsUser = await identityFor(ctx, input.teamsIdentityId, record.cloud, 'teamsIdentityId');
  if (teamsUser.kind !== 'user') {
    const message = `${teamsUser.name} is a service principal: the Teams exchange takes a Teams user signed in here`;
    throw new AppError('invalid_input', message, [{ path: 'teamsIdentityId', message }]);
  }
  const entra = await entraToken(ctx, teamsUser, teamsScopes);
  const connected = await connect(ctx, input.accountId, input.via);
  const issued = await connected.client.exchangeTeamsToken(
    {
      entraToken: entra.accessToken,
      appId: jwtClaim(entra.accessToken, 'appid') ?? jwtClaim(entra.accessToken, 'azp') ?? teamsUser.clientId,
      userObjectId: jwtClaim(entra.accessToken, 'oid') ?? teamsUser.objectId ?? '',
    },
    `The Entra token of ${whoIs(teamsUser)} was refused for the Teams exchange: it must be for the ACS Teams scopes ` +
      `(https://auth.msft.communication.azure.com/Teams.ManageCalls and Teams.ManageChats), issued to the app whose ID is sent, ` +
      `for the same user. Sign in again as the Teams user.`,
    signal,
  );
  return {
    kind: 'acs-user',
    title: `ACS token for Teams user ${whoIs(teamsUser)} on ${record.name} (${viaLabel(connected.via)})`,
    source: {
      account: { id: record.id, name: record.name, kind: 'acs' },
      via: connected.via,
      subject: { kind: 'teams-user', identityId: teamsUser.id, name: whoIs(teamsUser) },
    },
    recipe: { kind: 'acs-teams', accountId: input.accountId, teamsIdentityId: input.teamsIdentityId, via: input.via },
    minted: mintedFromJwt(issued.token, [], issued.expiresOn),
  };
}

export function toAcsIdentityView(record: AcsIdentityRecord, accountName: string | null): AcsIdentityView {
  return { ...record, customId: record.customId ?? null, accountName };
}

/** What ACS holds for a remembered identity now: its custom ID and when its last token was issued (Get identity, 2025-06-30). */
export async function showAcsIdentity(
  ctx: TokensContext,
  id: string,
  via: AcsVia,
  signal?: AbortSignal,
): Promise<{ identity: AcsIdentityRecord; customId: string | null; lastTokenIssuedAt: string | null }> {
  const identity = await rememberedIdentity(ctx, id);
  const connected = await connect(ctx, identity.accountId, via);
  const detail = await connected.client.getIdentity(identity.communicationUserId, signal);
  return { identity, customId: detail.customId, lastTokenIssuedAt: detail.lastTokenIssuedAt };
}
