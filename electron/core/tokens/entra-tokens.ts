import { mintedFromJwt } from './token-record.ts';
import type { NewToken } from './token-registry.ts';
import { whoIs } from '../entra/identity-record.ts';
import { entraToken, identityFor, viaEntra } from './token-sources.ts';
import type { TokensContext } from './tokens-context.ts';

/**
 * An Entra access token for any scope from any identity (ARM, the STS, ACS, Graph, a custom API):
 * the AuthenticationToken of the ARR docs. The identity's own cache answers (MSAL refreshes
 * silently); the registry records it like every other token.
 */
export async function mintEntraToken(ctx: TokensContext, identityId: string, scope: string): Promise<NewToken> {
  const identity = await identityFor(ctx, identityId, undefined);
  const token = await entraToken(ctx, identity, [scope]);
  return {
    kind: 'entra',
    title: `Entra token · ${whoIs(identity)} for ${scope}`,
    source: { via: viaEntra(identity) },
    recipe: { kind: 'entra', identityId, scope },
    // MSAL's expiresOn is computed from expires_in and can differ from the JWT's exp by a second.
    minted: mintedFromJwt(token.accessToken, [scope], new Date(token.expiresOn)),
  };
}
