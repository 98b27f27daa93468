import type { TokenView } from './tokens.ts';

/**
 * Which tokens need the user soon, for the Today page and the desktop app's tray menu alike: those
 * expired or inside Settings' warning time (the core's `status`), soonest first, and the next one to
 * expire after them. Revoked tokens and tokens whose value the app no longer holds are left out:
 * there is nothing to copy, and a revoked one cannot be re-minted as it was.
 */

const byExpiry = (a: TokenView, b: TokenView) => a.expiresAt.localeCompare(b.expiresAt);
const usable = (token: TokenView) => !token.revoked && token.hasValue;

/** Expired and expiring tokens, the one that expires (or expired) first at the top. */
export function tokensToWatch(tokens: readonly TokenView[]): TokenView[] {
  return tokens.filter((t) => usable(t) && (t.status === 'expiring' || t.status === 'expired')).sort(byExpiry);
}

/** The valid token that expires first, to say what comes next when nothing is expiring yet. */
export function nextToExpire(tokens: readonly TokenView[]): TokenView | undefined {
  return tokens.filter((t) => usable(t) && t.status === 'valid').sort(byExpiry)[0];
}
