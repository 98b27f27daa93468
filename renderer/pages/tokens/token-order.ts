import type { TokenView } from '../../../shared/tokens.ts';
import { statusAt } from './token-format.ts';

/**
 * The order of the Tokens list. By time left (the default) it answers "what is about to expire?":
 * Expiring soon first, soonest at the top, then Valid, soonest first, then Expired (and revoked),
 * the latest to go first: what needs the user now sits at the top, what is over at the bottom.
 * Newest puts the last minted first, without groups.
 */

export type TokenOrder = 'time-left' | 'newest';
export type TokenGroup = 'expiring' | 'valid' | 'expired';

export const tokenOrders: { value: TokenOrder; text: string }[] = [
  { value: 'time-left', text: 'Time left' },
  { value: 'newest', text: 'Newest' },
];

export const groupLabels: Record<TokenGroup, string> = { expiring: 'Expiring soon', valid: 'Valid', expired: 'Expired' };
const groupOrder: readonly TokenGroup[] = ['expiring', 'valid', 'expired'];

/** A group's header in the list: it takes a row of its own, but is no option to choose. */
export interface GroupHeader {
  id: `group-${TokenGroup}`;
  group: TokenGroup;
  count: number;
}

export type TokenListItem = TokenView | GroupHeader;

export const isGroupHeader = (item: TokenListItem): item is GroupHeader => 'group' in item && !('kind' in item);

export function groupOf(token: Pick<TokenView, 'revoked' | 'expiresAt'>, now: number, warningMs: number): TokenGroup {
  const status = statusAt(token, now, warningMs);
  return status === 'revoked' ? 'expired' : status;
}

/** The list's rows in `order`: by time left, each non-empty group under its header; newest first, the tokens alone. */
export function orderTokens(tokens: readonly TokenView[], order: TokenOrder, now: number, warningMs: number): TokenListItem[] {
  if (order === 'newest') return [...tokens].sort((a, b) => Date.parse(b.issuedAt) - Date.parse(a.issuedAt));
  const rows: TokenListItem[] = [];
  for (const group of groupOrder) {
    const members = tokens.filter((t) => groupOf(t, now, warningMs) === group);
    if (members.length === 0) continue;
    const left = (t: TokenView) => Date.parse(t.expiresAt);
    members.sort(group === 'expired' ? (a, b) => left(b) - left(a) : (a, b) => left(a) - left(b));
    const header: GroupHeader = { id: `group-${group}`, group, count: members.length };
    rows.push(header, ...members);
  }
  return rows;
}

/** The groups' signature as of `now`: the list regroups only when it changes, not every second. */
export function groupsSignature(tokens: readonly TokenView[], now: number, warningMs: number): string {
  const letters: Record<TokenGroup, string> = { expiring: 's', valid: 'v', expired: 'x' };
  return tokens.map((t) => letters[groupOf(t, now, warningMs)]).join('');
}
