import { createHash, generateKeyPairSync } from 'node:crypto';
import type { KeyObject } from 'node:crypto';

/** An RSA key a token issuer signs with, published by `kid` (Entra's JWKS) or known to its verifier. */
export interface SigningKey {
  kid: string;
  privateKey: KeyObject;
  publicKey: KeyObject;
  /** The public half as a JWK, with `kid`, `use` and `alg` as Entra's JWKS lists them. */
  jwk: Record<string, unknown>;
}

/** One key per issuer per emulator start: generating RSA keys is the slow part of starting. */
export function createSigningKey(): SigningKey {
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const exported = publicKey.export({ format: 'jwk' });
  const kid = createHash('sha256').update(`${exported.n}.${exported.e}`).digest('base64url').slice(0, 27);
  return { kid, privateKey, publicKey, jwk: { kty: 'RSA', use: 'sig', alg: 'RS256', kid, n: exported.n, e: exported.e } };
}
