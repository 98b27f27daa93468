import type { TokenKind, TokenSource, TokenStatus, TokenView } from '../../../shared/tokens.ts';
import { formatWhen, timeLeftWords } from '../../components/when.ts';

/** How the Tokens page words a token: its kind, where it came from, its status and time left, as of a moment. */

export const kindLabels: Record<TokenKind, string> = {
  'arr-sts': 'ARR access token',
  'acs-user': 'ACS user token',
  entra: 'Entra token',
};

export const statusLabels: Record<TokenStatus, string> = {
  valid: 'Valid',
  expiring: 'Expiring soon',
  expired: 'Expired',
  revoked: 'Revoked',
};

/** The status as of `now`: the list keeps it live on one shared ticker instead of asking the core every second. */
export function statusAt(token: Pick<TokenView, 'revoked' | 'expiresAt'>, now: number, warningMs: number): TokenStatus {
  if (token.revoked) return 'revoked';
  const left = Date.parse(token.expiresAt) - now;
  if (left <= 0) return 'expired';
  return left <= warningMs ? 'expiring' : 'valid';
}

/** "in 43 min", "in 23 h 59 min", or "Expired 5 min ago": the one way the page words time left. */
export function timeLeft(expiresAt: string, now: number): string {
  const at = Date.parse(expiresAt);
  const words = timeLeftWords(at, now);
  return at > now ? words : `Expired ${words}`;
}

/** The same countdown for a screen reader, once (not every second): "expires in 2 hours". */
export function relativeTime(iso: string, now: number): string {
  const seconds = (Date.parse(iso) - now) / 1000;
  if (Number.isNaN(seconds)) return '';
  const format = new Intl.RelativeTimeFormat(undefined, { numeric: 'auto' });
  const units: [Intl.RelativeTimeFormatUnit, number][] = [
    ['day', 86_400],
    ['hour', 3600],
    ['minute', 60],
    ['second', 1],
  ];
  for (const [unit, size] of units)
    if (Math.abs(seconds) >= size || unit === 'second') return format.format(Math.round(seconds / size), unit);
  return '';
}

/** "contoso-arr (primary key)", "contoso-acs-chat · Alice (access key)", "ops@contoso.com". */
export function sourceLabel(token: TokenView): string {
  const { account, via, subject } = token.source;
  const payer =
    via.credential === 'entra'
      ? via.identityName
      : { primaryKey: 'primary key', secondaryKey: 'secondary key', accessKey: 'access key' }[via.credential];
  const who = subject && subjectLabel(subject);
  const parts = [account?.name, who].filter((p): p is string => Boolean(p));
  return parts.length ? `${parts.join(' · ')} (${payer})` : payer;
}

/** Whose ACS token it is: "Alice", "Teams user Adele Vance", "pasted Teams token (app …, user …)". */
export function subjectLabel(subject: NonNullable<TokenSource['subject']>): string {
  if (subject.kind === 'acs-identity') return subject.label;
  if (subject.kind === 'teams-user') return `Teams user ${subject.name}`;
  return `pasted Teams token (app ${subject.appId}, user ${subject.userId})`;
}

/** The scopes or audience, for the list: "chat, voip" or "https://management.azure.com/.default". */
export function scopeLabel(token: TokenView): string {
  if (token.scopes.length) return token.scopes.join(', ');
  return token.audience ?? '';
}

/** "Dec 7, 5:15 AM (in 58 min)": the app's one date format. */
export function dateTime(iso: string): string {
  return formatWhen(iso);
}

/** Tokens whose status moved into `expiring` between two moments: what the page announces. */
export function enteredExpiring(tokens: readonly TokenView[], before: number, now: number, warningMs: number): TokenView[] {
  return tokens.filter(
    (t) => t.hasValue && !t.autoRefresh && statusAt(t, before, warningMs) === 'valid' && statusAt(t, now, warningMs) === 'expiring',
  );
}
