import type { TokenView } from '../tokens.ts';

/**
 * A token as the Tokens page lists it, for the tests of how it is worded and warned about: an ARR
 * access token from contoso's primary key, issued and listed at `at`, valid for an hour, changed by
 * `overrides`.
 */
export function tokenView(at: number, overrides: Partial<TokenView> = {}): TokenView {
  return {
    id: '6f1c0a52-6a43-4c5e-9d6b-0d2f3c4b5a69',
    kind: 'arr-sts',
    title: 'ARR access token · contoso (primary key)',
    source: { account: { id: 'a', name: 'contoso', kind: 'arr' }, via: { credential: 'primaryKey' } },
    scopes: [],
    audience: null,
    issuedAt: new Date(at).toISOString(),
    expiresAt: new Date(at + 60 * 60_000).toISOString(),
    status: 'valid',
    now: new Date(at).toISOString(),
    revoked: false,
    revokedAt: null,
    kept: false,
    hasValue: true,
    autoRefresh: false,
    refreshable: true,
    nextRefreshAt: null,
    lastRefresh: null,
    ...overrides,
  };
}
