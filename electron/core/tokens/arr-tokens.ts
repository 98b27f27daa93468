import { fillMixedRealityPattern } from '../../../shared/clouds.ts';
import type { ArrTestResult, ArrVia, TokenSource } from '../../../shared/tokens.ts';
import { describeSessions, listArrSessions } from './arr-sessions.ts';
import { exchangeStsToken, type StsCredential } from './mixed-reality-sts.ts';
import { mintedFromJwt } from './token-record.ts';
import type { NewToken } from './token-registry.ts';
import { arrAccount, entraToken, identityFor, viaEntra, viaLabel } from './token-sources.ts';
import type { TokensContext } from './tokens-context.ts';

/** ARR access tokens: an account key or an Entra identity exchanged at the account's STS; and the "test" that lists sessions with one. */

export async function mintArrToken(ctx: TokensContext, accountId: string, via: ArrVia, signal?: AbortSignal): Promise<NewToken> {
  const { record, profile } = await arrAccount(ctx, accountId);
  const stsEndpoint = fillMixedRealityPattern(profile.mixedReality.stsEndpoint, record.accountDomain);
  let credential: StsCredential;
  let source: TokenSource['via'];
  if (typeof via === 'string') {
    credential = { kind: 'key', key: await ctx.accounts.readSecret(record, via), which: via === 'primaryKey' ? 'primary' : 'secondary' };
    source = { credential: via };
  } else {
    const identity = await identityFor(ctx, via.identityId, record.cloud);
    const entra = await entraToken(ctx, identity, [fillMixedRealityPattern(profile.mixedReality.stsScope, record.accountDomain)]);
    credential = { kind: 'entra', accessToken: entra.accessToken, who: entra.who };
    source = viaEntra(identity);
  }
  const token = await exchangeStsToken(
    profile,
    stsEndpoint,
    { accountId: record.accountId, name: record.name },
    credential,
    ctx.runtime,
    signal,
  );
  return {
    kind: 'arr-sts',
    title: `ARR access token · ${record.name} (${viaLabel(source)})`,
    source: { account: { id: record.id, name: record.name, kind: 'arr' }, via: source },
    recipe: { kind: 'arr-sts', accountId, via },
    minted: mintedFromJwt(token.accessToken, [], token.expiresAt),
  };
}

/** Lists the account's sessions with an STS token from `via`: one minted earlier if it has a few minutes left, else a new one. */
export async function testArrAccount(
  ctx: TokensContext,
  input: { accountId: string; via: ArrVia; region?: string | undefined },
  signal?: AbortSignal,
): Promise<ArrTestResult> {
  const { record, profile } = await arrAccount(ctx, input.accountId);
  // Checked before minting: a global-domain account needs a region for the session endpoint.
  const endpoint = fillMixedRealityPattern(profile.mixedReality.arrEndpoint, record.accountDomain, input.region);
  const sameVia = JSON.stringify(input.via);
  const reusable = await ctx.registry.findUsable(
    (r) => r.recipe?.kind === 'arr-sts' && r.recipe.accountId === input.accountId && JSON.stringify(r.recipe.via) === sameVia,
    5 * 60_000,
  );
  const tokenId =
    reusable?.id ??
    (await ctx.registry.add(await mintArrToken(ctx, input.accountId, input.via, signal), { keep: false, autoRefresh: false })).id;
  const sessions = await listArrSessions(
    profile,
    endpoint,
    { accountId: record.accountId, name: record.name },
    await ctx.registry.value(tokenId),
    ctx.runtime,
    signal,
  );
  return { token: await ctx.registry.view(tokenId), endpoint, sessions, summary: describeSessions(sessions) };
}
