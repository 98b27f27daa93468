import { describe, expect, it } from 'vitest';
import { badgeWords, countExpiring } from './expiry-count.ts';

const now = Date.parse('2026-12-07T12:00:00Z');
const at = (minutes: number) => new Date(now + minutes * 60_000).toISOString();
const token = (minutes: number, more: { revoked?: boolean; autoRefresh?: boolean } = {}) => ({
  expiresAt: at(minutes),
  revoked: false,
  autoRefresh: false,
  ...more,
});

describe('countExpiring', () => {
  it('counts a token inside the warning time as expiring, and one past its expiry as expired', () => {
    const count = countExpiring([token(5), token(-1), token(60)], now, 10);
    expect(count).toMatchObject({ expiring: 1, expired: 1 });
  });

  it('never counts a revoked token', () => {
    expect(countExpiring([token(5, { revoked: true }), token(-5, { revoked: true })], now, 10)).toMatchObject({ expiring: 0, expired: 0 });
  });

  it('counts an auto-refreshing token as the Tokens page groups it: expiring, then expired', () => {
    expect(countExpiring([token(5, { autoRefresh: true }), token(-5, { autoRefresh: true })], now, 10)).toMatchObject({
      expiring: 1,
      expired: 1,
    });
  });

  it('says when the count changes next: a valid token entering its warning time, or an expiring one expiring', () => {
    expect(countExpiring([token(60), token(30)], now, 10).nextChangeAt).toBe(now + 20 * 60_000);
    expect(countExpiring([token(60), token(3)], now, 10).nextChangeAt).toBe(now + 3 * 60_000);
    expect(countExpiring([token(-3)], now, 10).nextChangeAt).toBeNull();
  });

  it('follows the warning time from Settings', () => {
    expect(countExpiring([token(100)], now, 10).expiring).toBe(0);
    expect(countExpiring([token(100)], now, 120).expiring).toBe(1);
  });
});

describe('badgeWords', () => {
  it('names the section, then what is expiring and what has expired', () => {
    expect(badgeWords('Tokens', { expiring: 2, expired: 0 })).toBe('Tokens, 2 expiring soon');
    expect(badgeWords('Tokens', { expiring: 1, expired: 3 })).toBe('Tokens, 1 expiring soon, 3 expired');
    expect(badgeWords('Tokens', { expiring: 0, expired: 0 })).toBe('Tokens');
  });
});
