import { describe, expect, it } from 'vitest';
import { acsScopesOf, claimText, entraPermissions, readTimeClaims } from './claims-view.ts';

describe('the claims inspector', () => {
  it('reads iat, nbf and exp as times, absolute and relative', () => {
    const now = Date.parse('2025-03-01T12:00:00Z');
    const times = readTimeClaims(
      { iat: now / 1000, nbf: now / 1000, exp: now / 1000 + 3600, aud: 'x' },
      now,
      (iso, at) => `${(Date.parse(iso) - at) / 1000}s`,
    );
    expect(times.map((t) => [t.name, t.label, t.relative])).toEqual([
      ['iat', 'Issued', '0s'],
      ['nbf', 'Not valid before', '0s'],
      ['exp', 'Expires', '3600s'],
    ]);
    expect(times[2]?.absolute).toContain('2025');
  });

  it('skips a time claim that is not a number of seconds', () => {
    expect(readTimeClaims({ exp: 'soon' }, 0, () => '')).toEqual([]);
  });

  it('explains each ACS scope of a user token', () => {
    expect(acsScopesOf({ acsScope: 'chat,voip.join,custom' })).toEqual([
      { scope: 'chat', meaning: expect.stringContaining('Chat') },
      { scope: 'voip.join', meaning: expect.stringContaining('Join existing calls') },
      { scope: 'custom', meaning: 'A scope this app does not know.' },
    ]);
  });

  it('tells delegated permissions from application roles', () => {
    expect(entraPermissions({ scp: 'User.Read Mail.Read' })).toEqual({ kind: 'delegated', values: ['User.Read', 'Mail.Read'] });
    expect(entraPermissions({ roles: ['Directory.Read.All'] })).toEqual({ kind: 'application', values: ['Directory.Read.All'] });
    expect(entraPermissions({})).toBeUndefined();
    expect(claimText(['a', 1])).toBe('["a",1]');
  });
});
