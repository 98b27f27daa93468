import type { TokenView } from '../../shared/tokens.ts';
import type { CommandContext } from './command.ts';

/**
 * What the reuse rules read of a kept token: a TokenView has it, and so does a record of
 * tokens.json, which the cached-token path (cached-token.ts) reads itself without the core.
 */
interface KeptTokenFacts {
  kind: string;
  revoked: boolean;
  expiresAt: string;
  scopes: readonly string[];
  source: {
    account?: { id: string };
    via: { credential: string; identityId?: string };
    subject?: { kind: string; acsIdentityId?: string };
  };
}

/** A cached token is reused only if it stays valid this long: long enough for the script that asked. */
const reuseMarginMs = 5 * 60_000;

/** The reuse rule: not revoked, and valid for five more minutes. */
export function stillReusable(token: Pick<KeptTokenFacts, 'revoked' | 'expiresAt'>): boolean {
  return !token.revoked && Date.parse(token.expiresAt) - Date.now() > reuseMarginMs;
}

/** A kept token matching `matches` that stays valid for five more minutes, if any. */
export async function reusableToken(context: CommandContext, matches: (token: TokenView) => boolean): Promise<TokenView | undefined> {
  const tokens = await context.call('tokens.list');
  return tokens.find((t) => matches(t) && t.hasValue && stillReusable(t));
}

/** Whether the token was paid for by `via`: an account key or ACS access key by name, or an Entra identity. */
export function paidBy(token: Pick<KeptTokenFacts, 'source'>, via: string | { identityId: string }): boolean {
  return typeof via === 'string'
    ? token.source.via.credential === via
    : token.source.via.credential === 'entra' && token.source.via.identityId === via.identityId;
}

/** An STS token of the ARR account, paid for by `via`: what `azcred token arr` and `azcred run` reuse. */
export function arrTokenOf(accountId: string, via: string | { identityId: string }): (token: KeptTokenFacts) => boolean {
  return (token) => token.kind === 'arr-sts' && token.source.account?.id === accountId && paidBy(token, via);
}

/** An ACS user token of the remembered ACS identity for the same scopes, paid for by `via`: what `azcred token acs --user` reuses. */
export function acsUserTokenOf(
  acsIdentityId: string,
  scopes: readonly string[],
  via: string | { identityId: string },
): (token: KeptTokenFacts) => boolean {
  return (token) =>
    token.kind === 'acs-user' &&
    token.source.subject?.kind === 'acs-identity' &&
    token.source.subject.acsIdentityId === acsIdentityId &&
    sameScopes(token.scopes, scopes) &&
    paidBy(token, via);
}

/** An Entra token of the identity for exactly this scope: what `azcred token entra` reuses. */
export function entraTokenOf(identityId: string, scope: string): (token: KeptTokenFacts) => boolean {
  return (token) => token.kind === 'entra' && paidBy(token, { identityId }) && sameScopes(token.scopes, [scope]);
}

/** The same scopes in any order (as typed: `chat,voip` reuses a token minted for `voip,chat`). */
export function sameScopes(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && [...a].sort().join(' ') === [...b].sort().join(' ');
}
