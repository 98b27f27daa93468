import { sign, verify, constants } from 'node:crypto';
import type { KeyObject } from 'node:crypto';

/** Compact JWS (RS256/PS256) signing and checking, enough for the tokens the emulator issues and accepts. */

export type JwtClaims = Record<string, unknown>;

export interface DecodedJwt {
  header: Record<string, unknown>;
  claims: JwtClaims;
  signingInput: string;
  signature: Buffer;
}

const base64url = (data: Buffer | string): string => Buffer.from(data).toString('base64url');

export function signJwt(claims: JwtClaims, privateKey: KeyObject, kid: string): string {
  const header = { typ: 'JWT', alg: 'RS256', kid };
  const signingInput = `${base64url(JSON.stringify(header))}.${base64url(JSON.stringify(claims))}`;
  return `${signingInput}.${base64url(sign('sha256', Buffer.from(signingInput), privateKey))}`;
}

/** Parses without checking anything; returns undefined when it is not a JWS of three JSON parts. */
export function decodeJwt(token: string): DecodedJwt | undefined {
  const parts = token.split('.');
  if (parts.length !== 3) return undefined;
  const [h = '', c = '', s = ''] = parts;
  try {
    const header: unknown = JSON.parse(Buffer.from(h, 'base64url').toString('utf8'));
    const claims: unknown = JSON.parse(Buffer.from(c, 'base64url').toString('utf8'));
    if (!isRecord(header) || !isRecord(claims)) return undefined;
    return { header, claims, signingInput: `${h}.${c}`, signature: Buffer.from(s, 'base64url') };
  } catch {
    return undefined;
  }
}

export function hasValidSignature(jwt: DecodedJwt, publicKey: KeyObject): boolean {
  const data = Buffer.from(jwt.signingInput);
  if (jwt.header['alg'] === 'RS256') return verify('sha256', data, publicKey, jwt.signature);
  if (jwt.header['alg'] === 'PS256') {
    return verify('sha256', data, { key: publicKey, padding: constants.RSA_PKCS1_PSS_PADDING, saltLength: 32 }, jwt.signature);
  }
  return false;
}

export type JwtCheck = { ok: true; claims: JwtClaims } | { ok: false; reason: 'malformed' | 'signature' | 'expired' | 'not_yet_valid' };

/** Verifies signature and time claims (numeric or numeric-string `exp`, as the STS SDK's test vector has). */
export function verifyJwt(token: string, publicKey: KeyObject, nowSeconds = Math.floor(Date.now() / 1000)): JwtCheck {
  const jwt = decodeJwt(token);
  if (!jwt) return { ok: false, reason: 'malformed' };
  if (!hasValidSignature(jwt, publicKey)) return { ok: false, reason: 'signature' };
  const exp = Number(jwt.claims['exp']);
  if (!Number.isFinite(exp) || exp <= nowSeconds) return { ok: false, reason: 'expired' };
  const nbf = Number(jwt.claims['nbf'] ?? 0);
  // Five minutes of clock skew, as Entra-protected resources allow.
  if (nbf > nowSeconds + 300) return { ok: false, reason: 'not_yet_valid' };
  return { ok: true, claims: jwt.claims };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
