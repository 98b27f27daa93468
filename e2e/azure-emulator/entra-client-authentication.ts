import { createHash, createPublicKey, timingSafeEqual } from 'node:crypto';
import type { EmulatorContext } from './emulator-context.ts';
import { certificateThumbprints } from './certificates.ts';
import { decodeJwt, hasValidSignature } from './jwt.ts';
import type { ScenarioServicePrincipal } from './scenario.ts';

/**
 * How a confidential client proves itself: its secret, or a JWT assertion signed with the key of a
 * registered certificate, named by `x5t#S256` (PS256, MSAL Node's default) or `x5t` (RS256).
 * Returns the AADSTS code of the failure, or undefined when the client is authenticated.
 */
export function authenticateClient(
  context: EmulatorContext,
  sp: ScenarioServicePrincipal,
  form: URLSearchParams,
  tokenEndpoints: readonly string[],
): number | undefined {
  const secret = form.get('client_secret');
  const assertion = form.get('client_assertion');
  if (secret !== null) return sp.secret !== undefined && sameText(secret, sp.secret) ? undefined : 7000215;
  if (assertion === null || form.get('client_assertion_type') !== 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer') return 7000218;
  const certPem = context.clientCertificates.get(sp.id);
  const jwt = decodeJwt(assertion);
  if (!certPem || !jwt) return 700027;
  const thumbprints = certificateThumbprints(certPem);
  const named =
    jwt.header['x5t#S256'] === Buffer.from(thumbprints.thumbprintSha256, 'hex').toString('base64url') ||
    jwt.header['x5t'] === Buffer.from(thumbprints.thumbprintSha1, 'hex').toString('base64url');
  if (!named || !hasValidSignature(jwt, createPublicKey(certPem))) return 700027;
  const { aud, iss, sub, exp, nbf } = jwt.claims;
  const now = Math.floor(Date.now() / 1000);
  const audienceOk = typeof aud === 'string' && tokenEndpoints.some((e) => e.toLowerCase() === aud.toLowerCase());
  const timeOk = Number(exp) > now && Number(nbf ?? 0) <= now + 300;
  return audienceOk && timeOk && iss === sp.appId && sub === sp.appId ? undefined : 700027;
}

function sameText(a: string, b: string): boolean {
  const [ha, hb] = [a, b].map((s) => createHash('sha256').update(s).digest());
  return timingSafeEqual(ha as Buffer, hb as Buffer);
}
