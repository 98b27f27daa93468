import { createHash } from 'node:crypto';
import { countGrant } from './emulator-context.ts';
import type { EmulatorContext } from './emulator-context.ts';
import { resourceHint } from './entra-authorize.ts';
import { authenticateClient } from './entra-client-authentication.ts';
import { findServicePrincipal, findUser, selectTenant, signInBlock } from './entra-directory.ts';
import type { TenantSelection } from './entra-directory.ts';
import { sendAadstsError } from './entra-errors.ts';
import { preauthorizationRefusal } from './entra-preauthorization.ts';
import { resolveResource, splitScopes } from './entra-scopes.ts';
import { appTokenResponse, userTokenResponse } from './entra-token-issuer.ts';
import { readForm, sendJson } from './http-exchange.ts';
import type { Exchange } from './http-exchange.ts';
import type { ScenarioUser } from './scenario.ts';

/** The v2.0 token endpoint: authorization_code (PKCE), refresh_token (rotating), device_code and client_credentials. */

const noStore = { 'Cache-Control': 'no-store, no-cache', Pragma: 'no-cache' };

export function handleToken(context: EmulatorContext, exchange: Exchange, tenantSegment: string): void {
  const selection = selectTenant(context.scenario, tenantSegment);
  if (!selection) return sendAadstsError(exchange.res, 90002, tenantSegment);
  const form = readForm(exchange);
  const grant = form.get('grant_type') ?? '';
  countGrant(context, grant === 'device_code' ? 'urn:ietf:params:oauth:grant-type:device_code' : grant);
  switch (grant) {
    case 'authorization_code':
      return redeemCode(context, exchange, form);
    case 'refresh_token':
      return redeemRefreshToken(context, exchange, form);
    // RFC 8628's URN, and the short name MSAL sends; Entra accepts both.
    case 'urn:ietf:params:oauth:grant-type:device_code':
    case 'device_code':
      return redeemDeviceCode(context, exchange, form);
    case 'client_credentials':
      return clientCredentials(context, exchange, form, selection);
    default:
      return sendAadstsError(exchange.res, 70003, grant);
  }
}

function redeemCode(context: EmulatorContext, exchange: Exchange, form: URLSearchParams): void {
  const code = form.get('code') ?? '';
  const record = context.entra.codes.get(code);
  context.entra.codes.delete(code);
  if (!record || record.clientId !== form.get('client_id')?.toLowerCase()) return sendAadstsError(exchange.res, 70000, 'code');
  if (record.expiresAt < Date.now()) return sendAadstsError(exchange.res, 70008);
  if (record.redirectUri !== form.get('redirect_uri'))
    return sendAadstsError(exchange.res, 50011, form.get('redirect_uri') ?? '', record.clientId);
  const verifier = form.get('code_verifier') ?? '';
  if (createHash('sha256').update(verifier).digest('base64url') !== record.codeChallenge) return sendAadstsError(exchange.res, 501481);
  const scopes = form.has('scope') ? splitScopes(form.get('scope')) : record.scopes;
  respondForUser(context, exchange, record.userId, record.clientId, scopes, record.nonce);
}

function redeemRefreshToken(context: EmulatorContext, exchange: Exchange, form: URLSearchParams): void {
  const token = form.get('refresh_token') ?? '';
  const record = context.entra.refreshTokens.get(token);
  if (!record || record.clientId !== form.get('client_id')?.toLowerCase()) return sendAadstsError(exchange.res, 70000, 'refresh_token');
  const user = findUser(context.scenario, record.userId);
  if (record.expiresAt < Date.now()) return sendAadstsError(exchange.res, 70008);
  if (user?.refreshTokensExpired) return sendAadstsError(exchange.res, 700082, new Date(record.issuedAt).toISOString());
  const frequency = user?.signInFrequencySeconds;
  if (frequency !== undefined && Date.now() - record.signedInAt > frequency * 1000) {
    return sendAadstsError(exchange.res, 70043, new Date(record.signedInAt).toISOString(), `${frequency} seconds`);
  }
  if (user?.consentRequired && !context.entra.consents.has(`${user.id} ${record.clientId}`))
    return sendAadstsError(exchange.res, 65001, record.clientId);
  // Refused before rotation: a refused request leaves the refresh token as it was, as Entra does.
  const asked = resolveResource(splitScopes(form.get('scope')));
  const refused = asked.ok ? preauthorizationRefusal(context.scenario, record.clientId, asked.resource) : undefined;
  if (refused) return sendAadstsError(exchange.res, 65002, ...refused);
  // Rotation: a refresh token is spent once it has been redeemed.
  context.entra.refreshTokens.delete(token);
  respondForUser(context, exchange, record.userId, record.clientId, splitScopes(form.get('scope')), undefined, record.signedInAt);
}

function redeemDeviceCode(context: EmulatorContext, exchange: Exchange, form: URLSearchParams): void {
  const deviceCode = form.get('device_code') ?? '';
  const device = context.entra.devices.get(deviceCode);
  if (!device || device.clientId !== form.get('client_id')?.toLowerCase()) return sendAadstsError(exchange.res, 70000, 'device_code');
  if (device.expiresAt < Date.now()) return sendAadstsError(exchange.res, 70019);
  if (!device.outcome) return sendAadstsError(exchange.res, 70016);
  context.entra.devices.delete(deviceCode);
  if ('aadsts' in device.outcome) return sendAadstsError(exchange.res, device.outcome.aadsts, resourceHint(device.scopes));
  respondForUser(
    context,
    exchange,
    device.outcome.userId,
    device.clientId,
    form.has('scope') ? splitScopes(form.get('scope')) : device.scopes,
    undefined,
  );
}

function respondForUser(
  context: EmulatorContext,
  exchange: Exchange,
  userId: string,
  clientId: string,
  scopes: string[],
  nonce: string | undefined,
  signedInAt?: number,
): void {
  const user: ScenarioUser | undefined = findUser(context.scenario, userId);
  if (!user) return sendAadstsError(exchange.res, 70000, 'user');
  const granted = resolveResource(scopes);
  if (!granted.ok) return sendAadstsError(exchange.res, granted.aadsts, granted.detail);
  const refused = preauthorizationRefusal(context.scenario, clientId, granted.resource);
  if (refused) return sendAadstsError(exchange.res, 65002, ...refused);
  const blocked = signInBlock(user);
  if (blocked !== undefined) return sendAadstsError(exchange.res, blocked, granted.resource);
  sendJson(exchange.res, 200, userTokenResponse(context, user, clientId, scopes, granted, nonce, signedInAt), noStore);
}

function clientCredentials(context: EmulatorContext, exchange: Exchange, form: URLSearchParams, selection: TenantSelection): void {
  const clientId = form.get('client_id') ?? '';
  const sp = findServicePrincipal(context.scenario, selection, clientId);
  if (!sp) return sendAadstsError(exchange.res, 700016, clientId, selection.segment);
  const endpoints = [selection.segment, sp.tenant].map((t) => `${context.urls.entra}/${t}/oauth2/v2.0/token`);
  const failure = authenticateClient(context, sp, form, endpoints);
  if (failure !== undefined) return sendAadstsError(exchange.res, failure, sp.appId);
  const scopes = splitScopes(form.get('scope'));
  const notDefault = scopes.find((s) => !s.endsWith('/.default'));
  if (scopes.length === 0 || notDefault !== undefined) return sendAadstsError(exchange.res, 1002012, notDefault ?? '');
  const granted = resolveResource(scopes);
  if (!granted.ok) return sendAadstsError(exchange.res, granted.aadsts, granted.detail);
  sendJson(exchange.res, 200, appTokenResponse(context, sp, granted), noStore);
}
