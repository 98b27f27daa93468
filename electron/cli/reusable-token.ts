import type { TokenView } from '../../shared/tokens.ts';
import type { CommandContext } from './command.ts';

/** A cached token is reused only if it stays valid this long: long enough for the script that asked. */
export const reuseMarginMs = 5 * 60_000;

/** A kept token matching `matches` that stays valid for five more minutes, if any. */
export async function reusableToken(context: CommandContext, matches: (token: TokenView) => boolean): Promise<TokenView | undefined> {
  const tokens = await context.call('tokens.list');
  return tokens.find((t) => matches(t) && t.hasValue && !t.revoked && Date.parse(t.expiresAt) - Date.now() > reuseMarginMs);
}

/** Whether the token was paid for by `via`: an account key or ACS access key by name, or an Entra identity. */
export function paidBy(token: TokenView, via: string | { identityId: string }): boolean {
  return typeof via === 'string' ? token.source.via.credential === via : token.source.via.credential === 'entra' && token.source.via.identityId === via.identityId;
}
