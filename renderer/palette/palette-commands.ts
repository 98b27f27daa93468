import type { AccountSecret, AccountView } from '../../shared/accounts.ts';
import type { IdentityView } from '../../shared/identities.ts';
import type { KeyName } from '../../shared/key-rotation.ts';
import { capabilities, type CapabilityId } from '../../shared/roles.ts';
import type { AcsIdentityView, AcsScope, AcsVia, TokenView } from '../../shared/tokens.ts';
import { formatWhen } from '../components/when.ts';
import type { SectionId } from '../section-from-hash.ts';
import { sections } from '../sections.tsx';
import { fuzzyScore, wordsOf } from './fuzzy-score.ts';
import { newAcsIdentityCommands } from './new-acs-identity-command.ts';

/** What a palette command does when chosen. */
export type PaletteAction =
  | { type: 'go'; section: SectionId }
  /** Opens New token on the Tokens page, for an account (and an ACS identity) when given. */
  | { type: 'new-token'; account?: { id: string; kind: 'arr' | 'acs' }; acsIdentityId?: string }
  /** Copies a still-valid stored token of the ACS identity (`reuse`), else mints one for it and copies that. */
  | { type: 'copy-acs-token'; accountId: string; acsIdentityId: string; scope: AcsScope; via: AcsVia; reuse: string | null; says: string }
  /** Creates an ACS identity with this label with a token (the access key pays), and copies the token. */
  | { type: 'copy-acs-token-new'; accountId: string; label: string; scope: AcsScope; says: string }
  | { type: 'copy-token'; tokenId: string; says: string }
  | { type: 'refresh-token'; tokenId: string; says: string }
  | { type: 'copy-secret'; accountId: string; secret: AccountSecret; says: string }
  | { type: 'rotate-key'; accountId: string; key: KeyName }
  | { type: 'can'; identityId: string; accountId: string; capability: CapabilityId };

export interface PaletteCommand {
  id: string;
  /** What will happen, as the list shows it: "Copy ACS chat token · Support chat · tester". */
  title: string;
  /** How, or what it acts on: "Mints a 24 h token with the access key, then copies it". */
  detail: string;
  /** The group the list shows it under when nothing is typed. */
  group: 'Expiring next' | 'Go to' | 'Actions';
  words: string[];
  /** Added to the match score, so the likelier of two near-alike commands comes first. */
  weight: number;
  action: PaletteAction;
}

/** What the palette searches: everything the app holds, without a secret. */
export interface PaletteData {
  accounts: readonly AccountView[];
  identities: readonly IdentityView[];
  acsIdentities: readonly AcsIdentityView[];
  tokens: readonly TokenView[];
  now: number;
  warningMinutes: number;
}

const acsScopeWords: Record<'chat' | 'voip', { noun: string; words: string }> = {
  chat: { noun: 'chat', words: 'chat' },
  voip: { noun: 'calling', words: 'voip calling call' },
};

/** More words a user may type for a capability than its label has. */
const capabilityWords: Partial<Record<CapabilityId, string>> = {
  'arr.render': 'rendering session',
  'arr.manageSessions': 'start stop',
  'arr.convert': 'conversion',
  'acs.entraIdentities': 'users',
  'arr.regenerateKeys': 'rotate',
  'acs.regenerateKeys': 'rotate',
};

function command(
  id: string,
  group: PaletteCommand['group'],
  title: string,
  detail: string,
  words: string,
  action: PaletteAction,
  weight = 0,
): PaletteCommand {
  return { id, group, title, detail, words: wordsOf(words), weight, action };
}

function identityWords(identity: IdentityView): string {
  return `${identity.name} ${identity.username?.split('@')[0] ?? ''}`;
}

function expiryWords(token: TokenView, now: number): string {
  const at = Date.parse(token.expiresAt);
  return at <= now ? `expired ${formatWhen(token.expiresAt, now)}` : `expires ${formatWhen(token.expiresAt, now)}`;
}

function navigation(): PaletteCommand[] {
  return sections.map(({ id, label }) =>
    command(
      `go:${id}`,
      'Go to',
      `Go to ${label}`,
      id === 'tokens' ? 'Every token, the first to expire on top' : `The ${label} page`,
      `go to open show ${label} ${id === 'tokens' ? 'what expires next expiring' : ''}`,
      { type: 'go', section: id },
      0.5,
    ),
  );
}

/** ACS identities: copy a chat or calling token for each, minted with what paid for its last one (the access key first). */
function acsTokenCommands(data: PaletteData): PaletteCommand[] {
  const warningMs = data.warningMinutes * 60_000;
  const out: PaletteCommand[] = [];
  for (const identity of data.acsIdentities) {
    const account = data.accounts.find((a) => a.id === identity.accountId);
    if (account?.kind !== 'acs') continue;
    const own = data.tokens
      .filter((t) => t.source.subject?.kind === 'acs-identity' && t.source.subject.acsIdentityId === identity.id)
      .sort((a, b) => Date.parse(b.expiresAt) - Date.parse(a.expiresAt));
    const lastVia = own.map((t) => t.source.via).find((v) => v.credential === 'entra');
    const via: AcsVia | null = account.hasAccessKey
      ? 'accessKey'
      : lastVia?.credential === 'entra'
        ? { identityId: lastVia.identityId }
        : null;
    const payer = via === 'accessKey' ? 'the access key' : lastVia?.credential === 'entra' ? lastVia.identityName : '';
    for (const scope of ['chat', 'voip'] as const) {
      const { noun, words } = acsScopeWords[scope];
      const what = `${account.name} · ${identity.label}`;
      const common = `token acs user ${words} ${account.name} ${identity.label} ${identity.customId ?? ''}`;
      if (!via) {
        out.push(
          command(
            `acs-new:${identity.id}:${scope}`,
            'Actions',
            `New ACS token · ${what}`,
            'Opens New token for this identity: choose an identity with a role on the resource to pay for it',
            `new copy mint ${common}`,
            { type: 'new-token', account: { id: account.id, kind: 'acs' }, acsIdentityId: identity.id },
            scope === 'chat' ? 0.5 : 0,
          ),
        );
        continue;
      }
      const reuse = own.find((t) => !t.revoked && t.hasValue && t.scopes.includes(scope) && Date.parse(t.expiresAt) - warningMs > data.now);
      out.push(
        command(
          `acs-copy:${identity.id}:${scope}`,
          'Actions',
          `Copy ACS ${noun} token · ${what}`,
          reuse
            ? `Copies the stored token, valid until ${formatWhen(reuse.expiresAt, data.now)}`
            : `Mints a 24 h token with ${payer}, then copies it`,
          `copy mint get ${common}`,
          {
            type: 'copy-acs-token',
            accountId: account.id,
            acsIdentityId: identity.id,
            scope,
            via,
            reuse: reuse?.id ?? null,
            says: `ACS ${noun} token for ${identity.label} (${account.name})`,
          },
          scope === 'chat' ? 0.5 : 0,
        ),
      );
    }
  }
  return out;
}

/** Every other token still held: copy it, and refresh it when the app can mint it again. */
function tokenCommands(data: PaletteData): PaletteCommand[] {
  const out: PaletteCommand[] = [];
  for (const token of data.tokens) {
    if (token.revoked) continue;
    const when = expiryWords(token, data.now);
    if (token.hasValue && token.source.subject?.kind !== 'acs-identity' && Date.parse(token.expiresAt) > data.now)
      out.push(
        command(`token-copy:${token.id}`, 'Actions', `Copy token · ${token.title}`, when, `copy token ${token.title}`, {
          type: 'copy-token',
          tokenId: token.id,
          says: token.title,
        }),
      );
    if (token.refreshable)
      out.push(
        command(`token-refresh:${token.id}`, 'Actions', `Refresh now · ${token.title}`, when, `refresh renew remint token ${token.title}`, {
          type: 'refresh-token',
          tokenId: token.id,
          says: token.title,
        }),
      );
  }
  return out;
}

const secretNames: Record<AccountSecret, string> = {
  primaryKey: 'primary key',
  secondaryKey: 'secondary key',
  accessKey: 'access key',
  connectionString: 'connection string',
};

function accountCommands(account: AccountView): PaletteCommand[] {
  const secrets: AccountSecret[] =
    account.kind === 'arr'
      ? [...(account.hasPrimaryKey ? ['primaryKey' as const] : []), ...(account.hasSecondaryKey ? ['secondaryKey' as const] : [])]
      : account.hasAccessKey
        ? ['accessKey', 'connectionString']
        : [];
  const slot = account.kind === 'acs' && account.accessKeySlot ? account.accessKeySlot : '';
  const out = secrets.map((secret) =>
    command(
      `secret:${account.id}:${secret}`,
      'Actions',
      `Copy ${secretNames[secret]} · ${account.name}`,
      'Copies it; the clipboard is cleared later',
      `copy key ${secretNames[secret]} ${secret === 'accessKey' ? slot : ''} ${account.name}`,
      { type: 'copy-secret', accountId: account.id, secret, says: `${secretNames[secret]} of ${account.name}` },
    ),
  );
  for (const key of ['primary', 'secondary'] as const)
    out.push(
      command(
        `rotate:${account.id}:${key}`,
        'Actions',
        `Regenerate the ${key} key · ${account.name}…`,
        'Opens the Regenerate dialog on Accounts, to confirm',
        `regenerate rotate key ${key} ${account.name}`,
        { type: 'rotate-key', accountId: account.id, key },
      ),
    );
  out.push(
    command(
      `new-token:${account.id}`,
      'Actions',
      `New token · ${account.name}`,
      'Opens New token for this account',
      `new token mint ${account.name}`,
      { type: 'new-token', account: { id: account.id, kind: account.kind } },
    ),
  );
  return out;
}

/** "Can Adele Vance render on Showroom?": each identity, capability and resource of the same cloud, answered on Roles. */
function roleQuestions(data: PaletteData): PaletteCommand[] {
  const out: PaletteCommand[] = [];
  for (const account of data.accounts) {
    const kinds = capabilities.filter((c) => c.kind === account.kind);
    for (const identity of data.identities) {
      if (identity.cloud !== account.cloud) continue;
      for (const c of kinds)
        out.push(
          command(
            `can:${identity.id}:${c.id}:${account.id}`,
            'Actions',
            `Can ${identity.name} ${c.label.charAt(0).toLowerCase()}${c.label.slice(1)} on ${account.name}?`,
            'Opens Roles with this identity, capability and resource chosen',
            `can ${identityWords(identity)} ${c.label} ${capabilityWords[c.id] ?? ''} ${account.name} role access`,
            { type: 'can', identityId: identity.id, accountId: account.id, capability: c.id },
          ),
        );
    }
  }
  return out;
}

/** The tokens that expire next (not yet expired), soonest first: the palette's first lines before anything is typed. */
export function expiringNext(data: PaletteData, count = 3): PaletteCommand[] {
  return data.tokens
    .filter((t) => !t.revoked && Date.parse(t.expiresAt) > data.now)
    .sort((a, b) => Date.parse(a.expiresAt) - Date.parse(b.expiresAt))
    .slice(0, count)
    .map((token) =>
      command(
        `next:${token.id}`,
        'Expiring next',
        `${token.title} · ${expiryWords(token, data.now)}`,
        token.refreshable ? 'Refresh it now' : 'Open Tokens',
        '',
        token.refreshable ? { type: 'refresh-token', tokenId: token.id, says: token.title } : { type: 'go', section: 'tokens' },
      ),
    );
}

/** Every command the palette offers for this data. */
export function paletteCommands(data: PaletteData): PaletteCommand[] {
  return [
    ...navigation(),
    command('new-token', 'Actions', 'New token…', 'Opens New token on the Tokens page', 'new token mint create', { type: 'new-token' }, 1),
    ...acsTokenCommands(data),
    ...tokenCommands(data),
    ...data.accounts.flatMap(accountCommands),
    ...roleQuestions(data),
  ];
}

/**
 * The commands that match what was typed, best first (at most `limit`), with a new ACS identity's
 * token when the words name a resource and a label it does not know yet. Nothing typed: the tokens
 * that expire next, then the sections, then New token.
 */
export function matchCommands(query: string, data: PaletteData, commands: readonly PaletteCommand[], limit = 50): PaletteCommand[] {
  const typed = wordsOf(query);
  if (typed.length === 0)
    return [...expiringNext(data), ...commands.filter((c) => c.group === 'Go to'), ...commands.filter((c) => c.id === 'new-token')];
  const scored: { command: PaletteCommand; score: number }[] = [];
  for (const c of [...commands, ...newAcsIdentityCommands(query, data)]) {
    const score = fuzzyScore(typed, c.words);
    if (score !== null) scored.push({ command: c, score: score + c.weight });
  }
  return scored
    .sort((a, b) => b.score - a.score)
    .slice(0, limit)
    .map((s) => s.command);
}
