import type { EmulatorContext } from './emulator-context.ts';
import { verifyJwt } from './jwt.ts';

/** How a resource (STS, ARM, ACS) checks an Entra access token the emulator issued. */

export interface EntraCaller {
  /** The `oid`: a user's or a service principal's object id, what role assignments name. */
  principalId: string;
  tenantId: string;
  audience: string;
  claims: Record<string, unknown>;
}

export type EntraTokenCheck =
  { ok: true; caller: EntraCaller } | { ok: false; reason: 'malformed' | 'signature' | 'expired' | 'not_yet_valid' | 'audience' };

/** `audienceMatches` gets the `aud` without trailing slashes, lower case. */
export function checkEntraToken(context: EmulatorContext, token: string, audienceMatches: (audience: string) => boolean): EntraTokenCheck {
  const result = verifyJwt(token, context.keys.entra.publicKey);
  if (!result.ok) return result;
  const { aud, oid, tid } = result.claims;
  if (typeof aud !== 'string' || typeof oid !== 'string' || typeof tid !== 'string') return { ok: false, reason: 'malformed' };
  const audience = aud.replace(/\/+$/, '').toLowerCase();
  if (!audienceMatches(audience)) return { ok: false, reason: 'audience' };
  return { ok: true, caller: { principalId: oid.toLowerCase(), tenantId: tid.toLowerCase(), audience, claims: result.claims } };
}

/** Looks like a JWT (three dot-separated parts) rather than `accountId:key`. */
export function looksLikeJwt(token: string): boolean {
  return token.split('.').length === 3;
}
