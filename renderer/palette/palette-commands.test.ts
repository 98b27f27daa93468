import { describe, expect, it } from 'vitest';
import type { AccountView } from '../../shared/accounts.ts';
import type { IdentityView } from '../../shared/identities.ts';
import type { AcsIdentityView, TokenView } from '../../shared/tokens.ts';
import { matchCommands, paletteCommands, type PaletteData } from './palette-commands.ts';

const now = Date.parse('2026-12-07T12:00:00Z');
const at = (minutes: number) => new Date(now + minutes * 60_000).toISOString();
const base = { cloud: 'AzureEmulator', tags: [], notes: '', createdAt: at(-999), updatedAt: at(-999), secretsMissing: [] };

const showroom: AccountView = {
  ...base,
  id: 'a-showroom',
  name: 'Showroom',
  kind: 'arr',
  accountId: 'x',
  accountDomain: 'westeurope.mixedreality.azure.com',
  hasPrimaryKey: true,
  hasSecondaryKey: true,
};
const supportChat: AccountView = { ...base, id: 'a-chat', name: 'Support chat', kind: 'acs', endpoint: 'https://chat', hasAccessKey: true };
const fieldCalls: AccountView = {
  ...base,
  id: 'a-calls',
  name: 'Field calls',
  kind: 'acs',
  endpoint: 'https://calls',
  hasAccessKey: false,
};

const person = (id: string, name: string, username: string): IdentityView => ({
  id,
  kind: 'user',
  name,
  username,
  cloud: 'AzureEmulator',
  tenantId: 't',
  clientId: 'c',
  createdAt: at(-999),
  lastUsedAt: null,
});
const adele = person('i-adele', 'Adele Vance', 'adele.vance@contoso.onmicrosoft.com');
const nestor = person('i-nestor', 'Nestor Wilke', 'nestor.wilke@fabrikam.onmicrosoft.com');

const acsIdentity = (id: string, account: AccountView, label: string): AcsIdentityView => ({
  id,
  accountId: account.id,
  accountName: account.name,
  communicationUserId: `8:acs:${id}`,
  label,
  customId: null,
  createdAt: at(-999),
  lastTokenAt: null,
  tokensRevokedAt: null,
});
const tester = acsIdentity('acs-tester', supportChat, 'tester');
const agent = acsIdentity('acs-agent', supportChat, 'Support agent');
const technician = acsIdentity('acs-tech', fieldCalls, 'Field technician');

const token = (id: string, title: string, minutes: number, more: Partial<TokenView> = {}): TokenView => ({
  id,
  kind: 'arr-sts',
  title,
  source: { via: { credential: 'primaryKey' } },
  scopes: [],
  audience: null,
  issuedAt: at(-60),
  expiresAt: at(minutes),
  status: 'valid',
  now: at(0),
  revoked: false,
  revokedAt: null,
  kept: true,
  hasValue: true,
  autoRefresh: false,
  refreshable: true,
  nextRefreshAt: null,
  lastRefresh: null,
  ...more,
});

function data(tokens: TokenView[] = []): PaletteData {
  return {
    accounts: [showroom, supportChat, fieldCalls],
    identities: [adele, nestor],
    acsIdentities: [agent, tester, technician],
    tokens,
    now,
    warningMinutes: 10,
  };
}

function top(query: string, d = data()) {
  return matchCommands(query, d, paletteCommands(d))[0];
}

describe('the palette reads what was typed as one command', () => {
  it('"copy token Support chat tester" mints a chat token for tester on Support chat with the access key, and copies it', () => {
    const first = top('copy token Support chat tester');
    expect(first?.title).toBe('Copy ACS chat token · Support chat · tester');
    expect(first?.detail).toBe('Mints a 24 h token with the access key, then copies it');
    expect(first?.action).toEqual({
      type: 'copy-acs-token',
      accountId: 'a-chat',
      acsIdentityId: 'acs-tester',
      scope: 'chat',
      via: 'accessKey',
      reuse: null,
      says: 'ACS chat token for tester (Support chat)',
    });
  });

  it('takes the identity’s label alone as the same command', () => {
    expect(top('tester')?.title).toBe('Copy ACS chat token · Support chat · tester');
  });

  it('copies tester’s stored chat token again while it is valid, and mints a new one once it is in its warning time', () => {
    const subject = { kind: 'acs-identity' as const, acsIdentityId: 'acs-tester', communicationUserId: '8:acs:t', label: 'tester' };
    const stored = (minutes: number) =>
      token('t-tester', 'ACS user token for tester', minutes, {
        kind: 'acs-user',
        scopes: ['chat', 'voip'],
        source: { account: { id: 'a-chat', name: 'Support chat', kind: 'acs' }, via: { credential: 'accessKey' }, subject },
      });
    expect(top('copy token support chat tester', data([stored(120)]))?.action).toMatchObject({ reuse: 't-tester' });
    expect(top('copy token support chat tester', data([stored(5)]))?.action).toMatchObject({ reuse: null });
  });

  it('offers a new identity with the token when the resource knows no one by the typed label', () => {
    const d = { ...data(), acsIdentities: [agent, technician] };
    const first = top('copy token Support chat Tester', d);
    expect(first?.title).toBe('Copy ACS chat token · Support chat · new identity “Tester”');
    expect(first?.action).toEqual({
      type: 'copy-acs-token-new',
      accountId: 'a-chat',
      label: 'Tester',
      scope: 'chat',
      says: 'ACS chat token for Tester (Support chat)',
    });
    // Not for a resource without an access key, nor for a label it knows, nor without "token".
    expect(matchCommands('copy token Field calls tester', d, paletteCommands(d)).map((c) => c.action.type)).not.toContain(
      'copy-acs-token-new',
    );
    expect(matchCommands('copy token support chat tester', data(), paletteCommands(data())).map((c) => c.action.type)).not.toContain(
      'copy-acs-token-new',
    );
    expect(matchCommands('copy support chat tester', d, paletteCommands(d))).toEqual([]);
  });

  it('asks for calling when voip or call is typed', () => {
    expect(top('copy token tester voip')?.title).toBe('Copy ACS calling token · Support chat · tester');
  });

  it('opens New token for an identity of a resource without an access key, and nothing paid before', () => {
    const first = top('copy token field technician');
    expect(first?.title).toBe('New ACS token · Field calls · Field technician');
    expect(first?.action).toEqual({ type: 'new-token', account: { id: 'a-calls', kind: 'acs' }, acsIdentityId: 'acs-tech' });
  });

  it('"can adele render Showroom" opens Roles on Adele, Render and Showroom', () => {
    const first = top('can adele render Showroom');
    expect(first?.title).toBe('Can Adele Vance render on Showroom?');
    expect(first?.action).toEqual({ type: 'can', identityId: 'i-adele', accountId: 'a-showroom', capability: 'arr.render' });
  });

  it('"regenerate secondary Showroom" opens the Regenerate dialog on the secondary key', () => {
    const first = top('regenerate secondary Showroom');
    expect(first?.title).toBe('Regenerate the secondary key · Showroom…');
    expect(first?.action).toEqual({ type: 'rotate-key', accountId: 'a-showroom', key: 'secondary' });
    expect(top('rotate primary showroom')?.action).toEqual({ type: 'rotate-key', accountId: 'a-showroom', key: 'primary' });
  });

  it('"copy key primary Showroom" copies that key, and an ACS resource’s connection string by its name', () => {
    expect(top('copy key primary Showroom')?.action).toEqual({
      type: 'copy-secret',
      accountId: 'a-showroom',
      secret: 'primaryKey',
      says: 'primary key of Showroom',
    });
    expect(top('copy connection string support')?.action).toMatchObject({ secret: 'connectionString', accountId: 'a-chat' });
  });

  it('"new token" opens New token; with an account’s name, for that account', () => {
    expect(top('new token')?.action).toEqual({ type: 'new-token' });
    expect(top('new token showroom')?.action).toEqual({ type: 'new-token', account: { id: 'a-showroom', kind: 'arr' } });
  });

  it('goes to every section by its name, with typos in order', () => {
    expect(top('tokens')?.action).toEqual({ type: 'go', section: 'tokens' });
    expect(top('go settings')?.action).toEqual({ type: 'go', section: 'settings' });
    expect(top('idnt')?.action).toEqual({ type: 'go', section: 'identities' });
  });

  it('finds nothing for words nothing has', () => {
    expect(matchCommands('copy token zanzibar', data(), paletteCommands(data()))).toEqual([]);
  });

  it('lists the tokens that expire next first when nothing is typed, soonest first, then the sections', () => {
    const d = data([token('later', 'Later', 300), token('gone', 'Gone', -5), token('soon', 'Soon', 8)]);
    const list = matchCommands('', d, paletteCommands(d));
    expect(list.slice(0, 2).map((c) => c.group)).toEqual(['Expiring next', 'Expiring next']);
    expect(list[0]?.title).toMatch(/^Soon · expires .*\(in 8 min\)$/);
    expect(list[0]?.action).toEqual({ type: 'refresh-token', tokenId: 'soon', says: 'Soon' });
    expect(list[1]?.title).toMatch(/^Later · /);
    expect(list[2]).toMatchObject({ group: 'Go to', title: 'Go to Today' });
  });

  it('does not offer to copy a revoked or expired token', () => {
    const d = data([token('r', 'Revoked one', 60, { revoked: true }), token('e', 'Expired one', -1)]);
    const titles = paletteCommands(d).map((c) => c.title);
    expect(titles).not.toContain('Copy token · Revoked one');
    expect(titles).not.toContain('Copy token · Expired one');
    expect(titles).toContain('Refresh now · Expired one');
  });
});
