import { acsScopeDescriptions, acsScopes, type AcsScope, type TokenKind } from '../../../shared/tokens.ts';

/** How the claims inspector words a JWT's claims: times in full and relative, and what the well-known ones mean. */

const timeClaims = ['iat', 'nbf', 'exp', 'auth_time'] as const;

const timeNames: Record<string, string> = { iat: 'Issued', nbf: 'Not valid before', exp: 'Expires', auth_time: 'Signed in' };

const claimMeanings: Record<string, string> = {
  aud: 'Audience: the service that accepts the token.',
  iss: 'Issuer: who signed it.',
  sub: 'Subject: whom the token is about.',
  tid: 'Entra tenant ID.',
  oid: 'Object ID of the user or service principal.',
  appid: 'Application (client) ID that asked for the token.',
  azp: 'Application (client) ID that asked for the token.',
  upn: 'The user’s sign-in name.',
  scp: 'Delegated permissions granted to the app for this user.',
  roles: 'Application roles (app permissions) granted.',
  idtyp: 'Whether the token is for a user or an app.',
  aid: 'ARR account ID the token opens.',
  apr: 'Region the ARR account is in.',
  rid: 'Azure resource ID of the ARR account.',
  skypeid: 'The ACS user the token signs in (without its 8:acs: prefix).',
  acsScope: 'ACS scopes: what the user may do.',
  resourceId: 'Immutable ID of the Communication Services resource.',
  resourceLocation: 'Data location of the Communication Services resource.',
  jti: 'Unique ID of this token.',
  iat: 'Issued at, in seconds since 1970 (see Times).',
  nbf: 'Not valid before, in seconds since 1970 (see Times).',
  exp: 'Expires at, in seconds since 1970 (see Times).',
};

export interface TimeClaim {
  name: string;
  label: string;
  absolute: string;
  relative: string;
}

/** The time claims present, as "Expires: 2 Mar 2025, 12:00:00 (in 23 hours)". */
export function readTimeClaims(claims: Record<string, unknown>, now: number, relative: (iso: string, now: number) => string): TimeClaim[] {
  return timeClaims.flatMap((name) => {
    const seconds = Number(claims[name]);
    if (claims[name] === undefined || !Number.isFinite(seconds)) return [];
    const iso = new Date(seconds * 1000).toISOString();
    return [
      {
        name,
        label: timeNames[name] ?? name,
        absolute: new Date(iso).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'long' }),
        relative: relative(iso, now),
      },
    ];
  });
}

/** What a claim means; ACS tokens use a few names differently (their `scp` is a number). */
export function claimMeaning(name: string, kind: TokenKind): string | undefined {
  if (kind === 'acs-user' && name === 'scp') return 'ACS permission bits: the scopes, as a number.';
  return claimMeanings[name];
}

/** A claim's value for the table: strings as they are, anything else as JSON. */
export function claimText(value: unknown): string {
  return typeof value === 'string' ? value : JSON.stringify(value);
}

/** The ACS scopes in an ACS token (`acsScope: "chat,voip"`), each explained; unknown ones kept as they are. */
export function acsScopesOf(claims: Record<string, unknown>): { scope: string; meaning: string }[] {
  const raw = claims['acsScope'];
  if (typeof raw !== 'string') return [];
  return raw
    .split(/[,\s]+/)
    .filter(Boolean)
    .map((scope) => ({
      scope,
      meaning: (acsScopes as readonly string[]).includes(scope)
        ? acsScopeDescriptions[scope as AcsScope]
        : 'A scope this app does not know.',
    }));
}

/** Delegated (`scp`) or application (`roles`) permissions of an Entra token. */
export function entraPermissions(claims: Record<string, unknown>): { kind: 'delegated' | 'application'; values: string[] } | undefined {
  if (typeof claims['scp'] === 'string') return { kind: 'delegated', values: claims['scp'].split(' ').filter(Boolean) };
  if (Array.isArray(claims['roles']))
    return { kind: 'application', values: claims['roles'].filter((r): r is string => typeof r === 'string') };
  return undefined;
}
