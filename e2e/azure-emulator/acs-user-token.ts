import { randomInt, randomUUID } from 'node:crypto';
import type { AcsIdentity, EmulatorContext } from './emulator-context.ts';
import { signJwt, verifyJwt } from './jwt.ts';
import type { CommunicationService } from './scenario.ts';

/** ACS user access tokens: JWTs whose numeric `exp` is `expiresOn` in whole seconds, tracked so revocation can end them. */

export const acsScopes = ['chat', 'voip', 'chat.join', 'chat.join.limited', 'voip.join'] as const;

export interface IssuedUserToken {
  token: string;
  expiresOn: string;
}

/** `2023-10-10T21:39:39.3244584+00:00`: seven fractional digits and an explicit offset, as the service writes it. */
export function formatExpiresOn(epochMs: number, ticksBelowMs: number): string {
  const iso = new Date(epochMs).toISOString();
  const fraction = `${iso.slice(20, 23)}${String(ticksBelowMs).padStart(4, '0')}`;
  return `${iso.slice(0, 19)}.${fraction}+00:00`;
}

export function issueUserToken(
  context: EmulatorContext,
  resource: CommunicationService,
  identity: AcsIdentity,
  scopes: readonly string[],
  minutes: number,
): IssuedUserToken {
  const now = Date.now();
  const expiresMs = now + minutes * 60_000;
  const expiresOn = formatExpiresOn(expiresMs, randomInt(10_000));
  const jti = randomUUID();
  identity.liveTokenIds.add(jti);
  identity.lastTokenIssuedAt = formatExpiresOn(now, randomInt(10_000));
  const token = signUserToken(context, {
    skypeid: identity.id.replace(/^8:/, ''),
    scp: 1792,
    csi: String(Math.floor(now / 1000)),
    exp: Math.floor(expiresMs / 1000),
    rgn: 'amer',
    acsScope: scopes.join(','),
    resourceId: resource.immutableResourceId,
    resourceLocation: resource.dataLocation.toLowerCase(),
    iat: Math.floor(now / 1000),
    jti,
  });
  return { token, expiresOn };
}

/** A Teams user's ACS token lives as long as the Entra token it was exchanged for. */
export function issueTeamsUserToken(
  context: EmulatorContext,
  resource: CommunicationService,
  userObjectId: string,
  entraExp: number,
): IssuedUserToken {
  const now = Date.now();
  return {
    token: signUserToken(context, {
      skypeid: `orgid:${userObjectId}`,
      scp: 1024,
      csi: String(Math.floor(now / 1000)),
      exp: entraExp,
      rgn: 'amer',
      acsScope: 'voip',
      resourceId: resource.immutableResourceId,
      iat: Math.floor(now / 1000),
      jti: randomUUID(),
    }),
    expiresOn: formatExpiresOn(entraExp * 1000, 0),
  };
}

function signUserToken(context: EmulatorContext, claims: Record<string, unknown>): string {
  return signJwt(claims, context.keys.acs.privateKey, context.keys.acs.kid);
}

/** The identity a valid, unrevoked user token for this resource belongs to, and the scopes the token carries. */
export function identityForUserToken(
  context: EmulatorContext,
  resource: CommunicationService,
  token: string,
): { identity: AcsIdentity; scopes: string[] } | undefined {
  const result = verifyJwt(token, context.keys.acs.publicKey);
  if (!result.ok || result.claims['resourceId'] !== resource.immutableResourceId) return undefined;
  const identity = context.acs.identities.get(`8:${String(result.claims['skypeid'])}`);
  if (!identity?.liveTokenIds.has(String(result.claims['jti']))) return undefined;
  return {
    identity,
    scopes: String(result.claims['acsScope'] ?? '')
      .split(',')
      .filter(Boolean),
  };
}
