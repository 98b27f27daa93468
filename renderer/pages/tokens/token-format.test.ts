import { describe, expect, it } from 'vitest';
import { tokenView } from '../../../shared/test-support/token-view.ts';
import type { TokenView } from '../../../shared/tokens.ts';
import { timeLeft, enteredExpiring, sourceLabel, statusAt } from './token-format.ts';

const now = Date.parse('2025-03-01T12:00:00.000Z');
const minute = 60_000;

const token = (overrides: Partial<TokenView>) => tokenView(now, overrides);

describe('how the Tokens page words a token', () => {
  it('is valid, then expiring within the warning time, then expired; revoked wins over all', () => {
    const t = token({});
    expect(statusAt(t, now, 10 * minute)).toBe('valid');
    expect(statusAt(t, now + 50 * minute, 10 * minute)).toBe('expiring');
    expect(statusAt(t, now + 60 * minute, 10 * minute)).toBe('expired');
    expect(statusAt({ ...t, revoked: true }, now, 10 * minute)).toBe('revoked');
  });

  it('says the time left in words, and how long ago it expired', () => {
    expect(timeLeft(new Date(now + 24 * 3_600_000 - 2000).toISOString(), now)).toBe('in 24 h');
    expect(timeLeft(new Date(now + 43 * minute).toISOString(), now)).toBe('in 43 min');
    expect(timeLeft(new Date(now + 2 * 3_600_000 + 5 * minute).toISOString(), now)).toBe('in 2 h 5 min');
    expect(timeLeft(new Date(now - 300_000).toISOString(), now)).toBe('Expired 5 min ago');
  });

  it('names the source as the user named it: account, ACS identity and what paid', () => {
    expect(sourceLabel(token({}))).toBe('contoso (primary key)');
    const acs = token({
      kind: 'acs-user',
      source: {
        account: { id: 'b', name: 'chat', kind: 'acs' },
        via: { credential: 'accessKey' },
        subject: { kind: 'acs-identity', acsIdentityId: 'c', communicationUserId: '8:acs:x', label: 'Alice' },
      },
    });
    expect(sourceLabel(acs)).toBe('chat · Alice (access key)');
    expect(
      sourceLabel(token({ kind: 'entra', source: { via: { credential: 'entra', identityId: 'i', identityName: 'ops@contoso.com' } } })),
    ).toBe('ops@contoso.com');
  });

  it('announces a token once, as it enters its warning time, and not one that refreshes itself', () => {
    const tokens = [
      token({ id: 'a' }),
      token({ id: 'b', autoRefresh: true }),
      token({ id: 'c', expiresAt: new Date(now + 5 * minute).toISOString() }),
    ];
    const enters = now + 50 * minute;
    expect(enteredExpiring(tokens, enters - 1000, enters, 10 * minute).map((t) => t.id)).toEqual(['a']);
    expect(enteredExpiring(tokens, enters, enters + 1000, 10 * minute)).toEqual([]);
  });
});
