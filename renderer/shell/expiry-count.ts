import type { TokenView } from '../../shared/tokens.ts';

/** How many tokens need the user: expiring soon, and expired. */
export interface ExpiryCount {
  expiring: number;
  expired: number;
  /** When the count may next change as time passes (a token entering its warning time or expiring); null when none will. */
  nextChangeAt: number | null;
}

type CountedToken = Pick<TokenView, 'expiresAt' | 'revoked'>;

/**
 * Counts by the clock, not the status the core gave when it listed them, so the badge moves as time
 * passes without asking the core again. Expiring and expired as the Tokens page groups them (an
 * auto-refreshing token too: the page offers Refresh now on it alike); revoked tokens are done with
 * and never counted.
 */
export function countExpiring(tokens: readonly CountedToken[], now: number, warningMinutes: number): ExpiryCount {
  const warningMs = warningMinutes * 60_000;
  let expiring = 0;
  let expired = 0;
  let nextChangeAt: number | null = null;
  const later = (at: number) => {
    if (at > now && (nextChangeAt === null || at < nextChangeAt)) nextChangeAt = at;
  };
  for (const token of tokens) {
    if (token.revoked) continue;
    const expiresAt = Date.parse(token.expiresAt);
    if (Number.isNaN(expiresAt)) continue;
    if (expiresAt <= now) expired += 1;
    else if (expiresAt - warningMs <= now) {
      expiring += 1;
      later(expiresAt);
    } else later(expiresAt - warningMs);
  }
  return { expiring, expired, nextChangeAt };
}

/** The Tokens item's accessible name with its badge: "Tokens, 2 expiring soon, 1 expired". */
export function badgeWords(label: string, count: Pick<ExpiryCount, 'expiring' | 'expired'>): string {
  const parts = [label];
  if (count.expiring > 0) parts.push(`${count.expiring} expiring soon`);
  if (count.expired > 0) parts.push(`${count.expired} expired`);
  return parts.join(', ');
}
