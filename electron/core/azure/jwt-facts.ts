// The two decoders by their own entry points: jose's index loads every JWS/JWE module, which the core never uses.
import { decodeProtectedHeader } from 'jose/decode/protected_header';
import { decodeJwt } from 'jose/jwt/decode';
import type { TokenClaims } from '../../../shared/tokens.ts';

/** What the app reads from a token it minted or acquired, without verifying it (the service that issued it does that). */

// A token just minted is read three or four times in a row (times, audience, the view): decoded once.
let last: { token: string; claims: Readonly<Record<string, unknown>> | undefined } | undefined;

/** The token's claims, shared with the next reader of the same token: read them, never change them. */
function claimsOf(token: string): Readonly<Record<string, unknown>> | undefined {
  if (last?.token === token) return last.claims;
  let claims: Record<string, unknown> | undefined;
  try {
    claims = decodeJwt(token);
  } catch {
    claims = undefined;
  }
  last = { token, claims };
  return claims;
}

/** `exp` and `iat` of a JWT; `exp` may be a numeric string (the STS SDK's own test vector has one). */
export function jwtTimes(token: string): { expiresAt: Date; issuedAt: Date } | undefined {
  const claims = claimsOf(token);
  if (!claims) return undefined;
  const exp = Number(claims['exp']);
  const iat = Number(claims['iat']);
  if (!Number.isFinite(exp) || exp <= 0) return undefined;
  return { expiresAt: new Date(exp * 1000), issuedAt: new Date(Number.isFinite(iat) && iat > 0 ? iat * 1000 : Date.now()) };
}

/** The `aud` claim (the first one when it is a list), or null. */
export function jwtAudience(token: string): string | null {
  const aud = claimsOf(token)?.['aud'];
  const first = Array.isArray(aud) ? aud[0] : aud;
  return typeof first === 'string' ? first : null;
}

/** A claim as a string, or undefined. */
export function jwtClaim(token: string, name: string): string | undefined {
  const value = claimsOf(token)?.[name];
  return typeof value === 'string' ? value : undefined;
}

/** The decoded header and claims for the inspector; nulls for a token that is not a JWT. */
export function jwtParts(token: string): TokenClaims {
  let header: Record<string, unknown> | null;
  try {
    header = { ...decodeProtectedHeader(token) };
  } catch {
    header = null;
  }
  const claims = claimsOf(token);
  return { header, claims: claims ? { ...claims } : null };
}
