import { describe, expect, it, vi } from 'vitest';
import { tokenView } from '../../../shared/test-support/token-view.ts';
import type { AcsIdentityView } from '../../../shared/tokens.ts';
import { getAndCopyAcsToken, lastUsedIdentity, recipeFor, type AcsQuickCopyCalls } from './acs-quick-copy.ts';

// The page's own api is not reached: the quick copy makes its calls through what it is given.
vi.mock('../../api.ts', () => ({ api: {} }));

const now = Date.parse('2025-03-01T12:00:00.000Z');
const identity = (id: string, accountId: string, createdAt: string, lastTokenAt: string | null): AcsIdentityView => ({
  id,
  accountId,
  accountName: 'chat',
  communicationUserId: `8:acs:${id}`,
  label: id,
  customId: null,
  createdAt,
  lastTokenAt,
  tokensRevokedAt: null,
});

const identities = [
  identity('old-used', 'chat', '2025-01-01T00:00:00Z', '2025-02-01T00:00:00Z'),
  identity('last-used', 'chat', '2025-01-02T00:00:00Z', '2025-02-20T00:00:00Z'),
  identity('never-used-newest', 'chat', '2025-02-25T00:00:00Z', null),
  identity('elsewhere', 'other', '2025-01-01T00:00:00Z', '2025-02-28T00:00:00Z'),
];

describe('the ACS quick copy', () => {
  it('defaults to the identity last used on the resource, else the newest, else none', () => {
    expect(lastUsedIdentity(identities, 'chat')?.id).toBe('last-used');
    expect(lastUsedIdentity(identities.slice(2, 3), 'chat')?.id).toBe('never-used-newest');
    expect(lastUsedIdentity(identities, 'empty')).toBeUndefined();
  });

  it('gets another token like the identity’s last (scopes, lifetime), else chat for an hour', () => {
    const last = tokenView(now, {
      scopes: ['voip'],
      issuedAt: new Date(now).toISOString(),
      expiresAt: new Date(now + 90 * 60_000).toISOString(),
      source: {
        account: { id: 'chat', name: 'chat', kind: 'acs' },
        via: { credential: 'accessKey' },
        subject: { kind: 'acs-identity', acsIdentityId: 'last-used', communicationUserId: '8:acs:last-used', label: 'last-used' },
      },
    });
    const [, lastUsed, never] = identities;
    if (!lastUsed || !never) throw new Error('no identities');
    expect(recipeFor(lastUsed, [last], 'accessKey')).toEqual({
      accountId: 'chat',
      acsIdentityId: 'last-used',
      scopes: ['voip'],
      minutes: 90,
      via: 'accessKey',
    });
    expect(recipeFor(never, [last], 'accessKey')).toMatchObject({ scopes: ['chat'], minutes: 60 });
  });

  it('copies nothing when getting the token is refused, and says why', async () => {
    const copied: string[] = [];
    const calls = {
      tokens: {
        mintAcs: async () => ({ ok: false, error: { code: 'forbidden', message: 'The access key was refused: check it.' } }),
        copy: async ({ id }: { id: string }) => (copied.push(id), { ok: true, value: { clearsAfterSeconds: 30 } }),
      },
    } as unknown as AcsQuickCopyCalls;
    const recipe = { accountId: 'chat', acsIdentityId: 'last-used', scopes: ['chat' as const], minutes: 60, via: 'accessKey' as const };
    const result = await getAndCopyAcsToken(calls, recipe, { coreClipboard: true, clearAfterSeconds: 30 });
    expect(result).toMatchObject({ ok: false, error: { message: 'The access key was refused: check it.' } });
    expect(copied).toEqual([]);
  });
});
