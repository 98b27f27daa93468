import { describe, expect, it } from 'vitest';
import { authorizationHeader, contentHash, hmacBase64, stringToSign, verifyHmacRequest } from '../acs-hmac.ts';
import type { SignedRequest } from '../acs-hmac.ts';

// Vectors from the official SDK's own tests (AZURE-PROTOCOLS.md §3), key `pw==`.
const key = 'pw==';
const date = 'Wed, 13 Apr 2022 18:09:12 GMT';
const signedAt = Date.parse(date);
const emptyHash = '47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=';

const requestVectors = [
  { name: 'GET with a query', pathAndQuery: '/testPath?testQuery=test', signature: 'DGdgwggJWnQyc6EHjR/Vbqg1ES64KpD6U2XwTDDj3tU=' },
  { name: 'GET without a query', pathAndQuery: '/testPath', signature: '+6tWkg3lNKVjQHHmxkdGQcJjUgzclsWTMebnuCz1ngU=' },
];

function signedRequest(pathAndQuery: string, signature: string): SignedRequest {
  return {
    method: 'GET',
    pathAndQuery,
    host: 'example.com',
    date,
    contentHash: emptyHash,
    authorization: authorizationHeader(signature),
    body: Buffer.alloc(0),
  };
}

function alterByte(text: string, index: number): string {
  return text.slice(0, index) + String.fromCharCode(text.charCodeAt(index) ^ 1) + text.slice(index + 1);
}

function alterSignatureByte(signature: string, index: number): string {
  const bytes = Buffer.from(signature, 'base64');
  bytes[index] = (bytes[index] ?? 0) ^ 1;
  return bytes.toString('base64');
}

describe('ACS HMAC verifier', () => {
  it('reproduces the SDK hash and HMAC vectors, and no altered input does', () => {
    for (const [input, sha, hmac] of [
      ['banana', 'tJPUg2Sv5E0RwBZc9HCkFk0eJgmRHvmYvoaNRq3j3k4=', '88EC05aAS9iXnaimtNO78JLjiPtfWryQB/5QYEzEsu8='],
      ['😀', '8EQ6NCxe9UeDoRG1G6Vsk45HTDIyTZDDpgycjjo34tk=', '1rudJKjn2Zi+3hRrBG29wIF6pD6YyAeQR1ZcFtXoKAU='],
    ] as const) {
      expect(contentHash(input)).toBe(sha);
      expect(hmacBase64(key, input)).toBe(hmac);
      const bytes = Buffer.from(input);
      for (let i = 0; i < bytes.length; i++) {
        const altered = Buffer.from(bytes);
        altered[i] = (altered[i] ?? 0) ^ 1;
        expect(contentHash(altered)).not.toBe(sha);
      }
    }
    expect(contentHash('{"createTokenWithScopes":["chat","voip"]}')).toBe('fYTayOkxDFdoXd25BoJTvoTLLr5+QVfLFXvdJep6oNs=');
    expect(contentHash('')).toBe(emptyHash);
  });

  it.each(requestVectors)('accepts the SDK request vector $name', ({ pathAndQuery, signature }) => {
    expect(hmacBase64(key, stringToSign('GET', pathAndQuery, date, 'example.com', emptyHash))).toBe(signature);
    expect(verifyHmacRequest(signedRequest(pathAndQuery, signature), [key], signedAt)).toEqual({ ok: true });
  });

  it.each(requestVectors)('rejects the vector $name altered by one byte anywhere', ({ pathAndQuery, signature }) => {
    const reject = (request: SignedRequest): void => expect(verifyHmacRequest(request, [key], signedAt).ok).toBe(false);
    for (let i = 0; i < pathAndQuery.length; i++) reject(signedRequest(alterByte(pathAndQuery, i), signature));
    for (let i = 0; i < 32; i++) reject(signedRequest(pathAndQuery, alterSignatureByte(signature, i)));
    for (let i = 0; i < 'example.com'.length; i++) reject({ ...signedRequest(pathAndQuery, signature), host: alterByte('example.com', i) });
    for (let i = 0; i < date.length; i++) reject({ ...signedRequest(pathAndQuery, signature), date: alterByte(date, i) });
    reject({ ...signedRequest(pathAndQuery, signature), method: 'PUT' });
    reject({ ...signedRequest(pathAndQuery, signature), body: Buffer.from('x') });
    reject({ ...signedRequest(pathAndQuery, signature), host: 'example.com:443' });
  });

  it('refuses a date more than 15 minutes from now either way, before looking at the signature', () => {
    const request = signedRequest('/testPath', '+6tWkg3lNKVjQHHmxkdGQcJjUgzclsWTMebnuCz1ngU=');
    expect(verifyHmacRequest(request, [key], signedAt + 14 * 60_000)).toEqual({ ok: true });
    expect(verifyHmacRequest(request, [key], signedAt + 16 * 60_000)).toEqual({ ok: false, reason: 'date_skew' });
    expect(verifyHmacRequest(request, [key], signedAt - 16 * 60_000)).toEqual({ ok: false, reason: 'date_skew' });
  });

  it('checks the body against x-ms-content-sha256 and accepts the secondary key', () => {
    const body = '{"createTokenWithScopes":["chat","voip"]}';
    const hash = contentHash(body);
    const secondary = Buffer.from('secondary-key').toString('base64');
    const signature = hmacBase64(secondary, stringToSign('POST', '/identities?api-version=2023-10-01', date, '127.0.0.1:8443', hash));
    const request: SignedRequest = {
      method: 'POST',
      pathAndQuery: '/identities?api-version=2023-10-01',
      host: '127.0.0.1:8443',
      date,
      contentHash: hash,
      authorization: authorizationHeader(signature),
      body: Buffer.from(body),
    };
    expect(verifyHmacRequest(request, [key, secondary], signedAt)).toEqual({ ok: true });
    expect(verifyHmacRequest({ ...request, body: Buffer.from(body.replace('voip', 'chat')) }, [key, secondary], signedAt)).toEqual({
      ok: false,
      reason: 'body_hash',
    });
  });
});
