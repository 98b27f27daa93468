// The two decoders by their own entry points: jose's index loads every JWS/JWE module, which the core never uses.
import { decodeProtectedHeader } from 'jose/decode/protected_header';
import { decodeJwt } from 'jose/jwt/decode';
import type { TokenClaims } from '../../shared/tokens.ts';

/** What the app reads from a token it minted or acquired, without verifying it (the service that issued it does that). */

function claimsOf(token: string): Record<string, unknown> | undefined {
  try {
    return decodeJwt(token);
  } catch {
    return undefined;
  }
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
  return { header, claims: claimsOf(token) ?? null };
}
