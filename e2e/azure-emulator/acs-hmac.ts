import { createHash, createHmac, timingSafeEqual } from 'node:crypto';

/**
 * ACS access-key request signing (AZURE-PROTOCOLS.md §3): the verifier rebuilds the string to sign
 * from the Host header and request target exactly as received, and checks the body hash and the
 * date before the signature.
 */

export const maxClockSkewMs = 15 * 60_000;
const signedHeaders = 'x-ms-date;host;x-ms-content-sha256';

export function contentHash(body: Buffer | string): string {
  return createHash('sha256').update(body).digest('base64');
}

export function hmacBase64(accessKeyBase64: string, text: string): string {
  return createHmac('sha256', Buffer.from(accessKeyBase64, 'base64')).update(text, 'utf8').digest('base64');
}

export function stringToSign(method: string, pathAndQuery: string, date: string, host: string, hash: string): string {
  return `${method.toUpperCase()}\n${pathAndQuery}\n${date};${host};${hash}`;
}

export function authorizationHeader(signature: string): string {
  return `HMAC-SHA256 SignedHeaders=${signedHeaders}&Signature=${signature}`;
}

export interface SignedRequest {
  method: string;
  /** The request target as received: path and query, still percent-encoded. */
  pathAndQuery: string;
  host: string | undefined;
  date: string | undefined;
  contentHash: string | undefined;
  authorization: string | undefined;
  body: Buffer;
}

export type HmacCheck = { ok: true } | { ok: false; reason: 'scheme' | 'missing_header' | 'date_skew' | 'body_hash' | 'signature' };

/** Checks a request against each of the resource's keys (primary, secondary). */
export function verifyHmacRequest(request: SignedRequest, accessKeys: readonly string[], now = Date.now()): HmacCheck {
  const auth = /^HMAC-SHA256\s+SignedHeaders=([^&]+)&Signature=(\S+)$/i.exec(request.authorization ?? '');
  if (!auth || auth[1]?.toLowerCase() !== signedHeaders) return { ok: false, reason: 'scheme' };
  const { host, date, contentHash: claimedHash } = request;
  if (!host || !date || !claimedHash) return { ok: false, reason: 'missing_header' };
  const sentAt = Date.parse(date);
  if (Number.isNaN(sentAt) || Math.abs(now - sentAt) > maxClockSkewMs) return { ok: false, reason: 'date_skew' };
  if (claimedHash !== contentHash(request.body)) return { ok: false, reason: 'body_hash' };
  const text = stringToSign(request.method, request.pathAndQuery, date, host, claimedHash);
  const received = Buffer.from(auth[2] ?? '', 'base64');
  const matches = accessKeys.some((key) => {
    const expected = Buffer.from(hmacBase64(key, text), 'base64');
    return expected.length === received.length && timingSafeEqual(expected, received);
  });
  return matches ? { ok: true } : { ok: false, reason: 'signature' };
}
