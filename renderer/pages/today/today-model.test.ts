import { describe, expect, it } from 'vitest';
import type { AccountView } from '../../../shared/accounts.ts';
import type { PinnedRecipe } from '../../../shared/settings.ts';
import { tokenView } from '../../../shared/test-support/token-view.ts';
import type { AcsIdentityView, TokenView } from '../../../shared/tokens.ts';
import { nextToExpire, tokensToWatch } from '../../../shared/tokens-to-watch.ts';
import { identitiesToRenew, isPinned, keysDue, recipeLabel, recipeToken, recipeUsable, tokensAsOf } from './today-model.ts';
import type { IdentityView } from '../../../shared/identities.ts';

const now = Date.parse('2026-12-07T12:00:00.000Z');
const min = 60_000;
const token = (id: string, expiresIn: number, overrides: Partial<TokenView> = {}) =>
  tokenView(now, { id, title: id, expiresAt: new Date(now + expiresIn * min).toISOString(), ...overrides });

const recipe: PinnedRecipe = {
  id: '1b0f8a4e-5a8b-4c52-9a36-0b6d8f5f7e01',
  accountId: '2c1f8a4e-5a8b-4c52-9a36-0b6d8f5f7e02',
  acsIdentityId: '3d2f8a4e-5a8b-4c52-9a36-0b6d8f5f7e03',
  scopes: ['chat'],
  minutes: 1440,
};
const account = { id: recipe.accountId, name: 'Support chat', kind: 'acs' } as AccountView;
const identity = { id: recipe.acsIdentityId, label: 'tester' } as AcsIdentityView;
const acsToken = (id: string, expiresIn: number, overrides: Partial<TokenView> = {}) =>
  token(id, expiresIn, {
    kind: 'acs-user',
    scopes: ['chat'],
    source: {
      via: { credential: 'accessKey' },
      subject: { kind: 'acs-identity', acsIdentityId: recipe.acsIdentityId, communicationUserId: '8:acs:x', label: 'tester' },
    },
    ...overrides,
  });

describe('what the Today page watches', () => {
  it('lists expired and expiring tokens, the first to expire on top, and leaves out revoked ones and ones without a value', () => {
    const tokens = tokensAsOf(
      [
        token('later', 9),
        token('valid', 120),
        token('gone', -5),
        token('soonest', 2),
        token('revoked', 1, { revoked: true, status: 'revoked' }),
        token('no value', 3, { hasValue: false }),
      ],
      now,
      10,
    );
    expect(tokensToWatch(tokens).map((t) => [t.id, t.status])).toEqual([
      ['gone', 'expired'],
      ['soonest', 'expiring'],
      ['later', 'expiring'],
    ]);
    expect(nextToExpire(tokens)?.id).toBe('valid');
  });

  it('ages a listed token: valid when listed, expiring once inside the warning time, then expired', () => {
    const listed = [token('t', 30)];
    expect(tokensAsOf(listed, now, 10)[0]?.status).toBe('valid');
    expect(tokensAsOf(listed, now + 21 * min, 10)[0]?.status).toBe('expiring');
    expect(tokensAsOf(listed, now + 30 * min, 10)[0]?.status).toBe('expired');
  });

  it('names the keys past their rotation age, oldest first', () => {
    const age = (secret: 'primaryKey' | 'accessKey', ageDays: number, due: boolean) => ({
      secret,
      azureKey: secret === 'primaryKey' ? ('primary' as const) : null,
      since: '',
      rotatedAt: null,
      ageDays,
      due,
    });
    const accounts = [
      { id: 'a', name: 'Showroom', keyAges: [age('primaryKey', 100, true)] },
      { id: 'b', name: 'Support chat', keyAges: [age('accessKey', 400, true)] },
      { id: 'c', name: 'Fresh', keyAges: [age('accessKey', 3, false)] },
    ] as AccountView[];
    expect(keysDue(accounts).map((k) => `${k.account.name}: ${k.what}`)).toEqual([
      'Support chat: access key 400 days old',
      'Showroom: primary key 100 days old',
    ]);
    // Regenerate opens on the key Azure knows it as; a pasted ACS key's slot is not known.
    expect(keysDue(accounts).map((k) => k.key)).toEqual([null, 'primary']);
  });
});

describe('sign-ins to renew', () => {
  const identity = (over: Partial<IdentityView>): IdentityView => ({
    id: over.name ?? 'x',
    kind: 'user',
    name: 'Diego',
    cloud: 'AzureCloud',
    tenantId: 't',
    clientId: 'c',
    createdAt: '2026-01-01T00:00:00Z',
    lastUsedAt: null,
    ...over,
  });
  it('lists a user Entra asked to sign in again first, then certificates near their end, and no one else', () => {
    const now = Date.parse('2026-12-07T10:00:00Z');
    const listed = identitiesToRenew(
      [
        identity({ name: 'Fine' }),
        identity({
          name: 'Pipeline',
          kind: 'service-principal',
          credential: 'certificate',
          certificateExpiresOn: '2026-12-20T00:00:00Z',
        }),
        identity({ name: 'Diego', needsSignIn: { at: '2026-12-07T09:00:00Z', message: 'The sign-in expired. Sign in again.' } }),
      ],
      now,
    );
    expect(listed.map((i) => [i.identity.name, i.why, i.expired])).toEqual([
      ['Diego', 'must sign in again', true],
      ['Pipeline', expect.stringContaining('certificate'), false],
    ]);
  });
});

describe('pinned recipes', () => {
  it('are named by resource, ACS identity and scopes, and say when either is gone', () => {
    expect(recipeLabel(recipe, [account], [identity])).toBe('Support chat · tester · chat');
    expect(recipeUsable(recipe, [account], [identity])).toBe(true);
    expect(recipeLabel(recipe, [account], [])).toBe('Support chat · Removed identity · chat');
    expect(recipeUsable(recipe, [account], [])).toBe(false);
  });

  it('find the token they made last: same identity and scopes, still held, the latest expiry', () => {
    const tokens = [
      acsToken('older', 30),
      acsToken('newer', 600),
      acsToken('other scopes', 900, { scopes: ['chat', 'voip'] }),
      acsToken('revoked', 900, { revoked: true }),
      token('arr', 900),
    ];
    expect(recipeToken(recipe, tokens)?.id).toBe('newer');
    expect(recipeToken({ ...recipe, scopes: ['voip', 'chat'] }, tokens)?.id).toBe('other scopes');
    expect(recipeToken({ ...recipe, acsIdentityId: recipe.accountId }, tokens)).toBeUndefined();
  });

  it('are pinned once: the same resource, identity and scopes in any order is the same recipe', () => {
    const { id: _id, ...candidate } = recipe;
    expect(isPinned([recipe], candidate)).toBe(true);
    expect(isPinned([{ ...recipe, scopes: ['chat', 'voip'] }], { ...candidate, scopes: ['voip', 'chat'] })).toBe(true);
    expect(isPinned([recipe], { ...candidate, scopes: ['voip'] })).toBe(false);
  });
});
