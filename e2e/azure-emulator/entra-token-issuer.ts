import { createHash, randomBytes } from 'node:crypto';
import type { EmulatorContext } from './emulator-context.ts';
import type { ResourceRequest } from './entra-scopes.ts';
import { signJwt } from './jwt.ts';
import type { ScenarioServicePrincipal, ScenarioUser } from './scenario.ts';

/**
 * Mints Entra tokens: v1-shaped access tokens (what ARM, the STS and ACS receive), v2 id_tokens and
 * `client_info` as MSAL expects them, and opaque rotating refresh tokens.
 */

type GrantedResource = Extract<ResourceRequest, { ok: true }>;

/** The time claims every Entra token carries: issued and valid from now, for `lifetime` seconds. */
function lifetimeClaims(lifetime: number): { iat: number; nbf: number; exp: number } {
  const iat = Math.floor(Date.now() / 1000);
  return { iat, nbf: iat, exp: iat + lifetime };
}

export function issuerFor(context: EmulatorContext, tenantId: string): string {
  return `${context.urls.entra}/${tenantId}/v2.0`;
}

export function accessTokenIssuer(tenantId: string): string {
  // Resources receive v1 tokens whose issuer is sts.windows.net (as ARM's tokens carry).
  return `https://sts.windows.net/${tenantId}/`;
}

/**
 * The token response for a v1 access token to `granted`'s resource from `tenant`: the claims every
 * one carries, and those of its kind (a user's or an application's).
 */
function accessTokenResponse(
  context: EmulatorContext,
  tenant: string,
  granted: GrantedResource,
  claims: Record<string, unknown>,
): Record<string, unknown> {
  const lifetime = context.scenario.settings.accessTokenSeconds;
  const accessToken = signJwt(
    {
      aud: granted.resource,
      iss: accessTokenIssuer(tenant),
      ...lifetimeClaims(lifetime),
      ...claims,
      tid: tenant,
      uti: randomBytes(16).toString('base64url'),
      ver: '1.0',
    },
    context.keys.entra.privateKey,
    context.keys.entra.kid,
  );
  return { token_type: 'Bearer', expires_in: lifetime, ext_expires_in: lifetime, access_token: accessToken };
}

export function userTokenResponse(
  context: EmulatorContext,
  user: ScenarioUser,
  clientId: string,
  requestedScopes: readonly string[],
  granted: GrantedResource,
  nonce: string | undefined,
  signedInAt = Date.now(),
): Record<string, unknown> {
  const response = accessTokenResponse(context, user.tenant, granted, {
    aio: randomBytes(24).toString('base64url'),
    amr: ['pwd'],
    appid: clientId,
    appidacr: '0',
    idtyp: 'user',
    name: user.displayName,
    oid: user.id,
    puid: createHash('sha256').update(user.id).digest('hex').slice(0, 16).toUpperCase(),
    scp: granted.scp.join(' '),
    sub: pairwiseSubject(user.id, clientId),
    unique_name: user.userName,
    upn: user.userName,
  });
  response['scope'] = requestedScopes.join(' ');
  if (granted.wantsRefreshToken) response['refresh_token'] = newRefreshToken(context, user.id, clientId, signedInAt);
  if (granted.wantsIdToken) response['id_token'] = idToken(context, user, clientId, nonce);
  response['client_info'] = Buffer.from(JSON.stringify({ uid: user.id, utid: user.tenant })).toString('base64url');
  return response;
}

export function appTokenResponse(
  context: EmulatorContext,
  sp: ScenarioServicePrincipal,
  granted: GrantedResource,
): Record<string, unknown> {
  return accessTokenResponse(context, sp.tenant, granted, {
    appid: sp.appId,
    appidacr: context.clientCertificates.has(sp.id) ? '2' : '1',
    idtyp: 'app',
    oid: sp.id,
    // Entra leaves `roles` out of a token when the application holds none.
    ...(sp.appRoles.length > 0 ? { roles: sp.appRoles } : {}),
    sub: sp.id,
  });
}

function idToken(context: EmulatorContext, user: ScenarioUser, clientId: string, nonce: string | undefined): string {
  return signJwt(
    {
      aud: clientId,
      iss: issuerFor(context, user.tenant),
      ...lifetimeClaims(3600),
      name: user.displayName,
      oid: user.id,
      preferred_username: user.userName,
      rh: randomBytes(12).toString('base64url'),
      sub: pairwiseSubject(user.id, clientId),
      tid: user.tenant,
      uti: randomBytes(16).toString('base64url'),
      ver: '2.0',
      ...(nonce === undefined ? {} : { nonce }),
    },
    context.keys.entra.privateKey,
    context.keys.entra.kid,
  );
}

function newRefreshToken(context: EmulatorContext, userId: string, clientId: string, signedInAt: number): string {
  const token = `1.A${randomBytes(48).toString('base64url')}`;
  const issuedAt = Date.now();
  context.entra.refreshTokens.set(token, {
    clientId,
    userId,
    issuedAt,
    expiresAt: issuedAt + context.scenario.settings.refreshTokenSeconds * 1000,
    signedInAt,
  });
  return token;
}

/** Entra's `sub` is pairwise: stable per user and application, different across applications. */
function pairwiseSubject(userId: string, clientId: string): string {
  return createHash('sha256').update(`${userId}|${clientId}`).digest('base64url').slice(0, 43);
}
