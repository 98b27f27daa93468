import { describe, expect, it } from 'vitest';
import { tokenView } from '../../../shared/test-support/token-view.ts';
import type { TokenView } from '../../../shared/tokens.ts';
import { groupsSignature, isGroupHeader, orderTokens, type TokenListItem } from './token-order.ts';

const now = Date.parse('2025-03-01T12:00:00.000Z');
const minute = 60_000;
const warning = 10 * minute;

const at = (minutes: number) => new Date(now + minutes * minute).toISOString();
const token = (id: string, expiresIn: number, issuedAgo: number, extra: Partial<TokenView> = {}) =>
  tokenView(now, { id, expiresAt: at(expiresIn), issuedAt: at(-issuedAgo), ...extra });

const names = (rows: TokenListItem[]) => rows.map((r) => (isGroupHeader(r) ? `[${r.group} ${r.count}]` : r.id));

const list = [
  token('valid-late', 300, 1),
  token('expired-long-ago', -90, 200),
  token('expiring-later', 8, 50),
  token('valid-soon', 40, 20),
  token('expiring-first', 2, 58),
  token('expired-just-now', -1, 61),
  token('revoked', 100, 5, { revoked: true }),
];

describe('the Tokens list’s order', () => {
  it('by time left puts expiring soon first, then valid, then expired and revoked, each group under its header', () => {
    expect(names(orderTokens(list, 'time-left', now, warning))).toEqual([
      '[expiring 2]',
      'expiring-first',
      'expiring-later',
      '[valid 2]',
      'valid-soon',
      'valid-late',
      '[expired 3]',
      'revoked',
      'expired-just-now',
      'expired-long-ago',
    ]);
  });

  it('leaves out the header of a group with no token', () => {
    expect(names(orderTokens([token('only', 30, 1)], 'time-left', now, warning))).toEqual(['[valid 1]', 'only']);
  });

  it('newest first lists the last minted at the top, without headers', () => {
    expect(names(orderTokens(list, 'newest', now, warning))).toEqual([
      'valid-late',
      'revoked',
      'valid-soon',
      'expiring-later',
      'expiring-first',
      'expired-just-now',
      'expired-long-ago',
    ]);
  });

  it('changes its signature only when a token moves to another group', () => {
    const one = [token('a', 20, 1)];
    expect(groupsSignature(one, now, warning)).toBe(groupsSignature(one, now + 5 * minute, warning));
    expect(groupsSignature(one, now, warning)).not.toBe(groupsSignature(one, now + 11 * minute, warning));
  });
});
