import { randomBytes, randomUUID } from 'node:crypto';
import type { EmulatorContext, PendingSignIn } from './emulator-context.ts';
import { findPublicClient, findUser, findUserByName, redirectUriAllowed, selectTenant, signInBlock } from './entra-directory.ts';
import { aadstsErrorName, aadstsMessage } from './entra-errors.ts';
import { registeredAppNeedsConsent } from './graph-application-store.ts';
import { consentPage, credentialsPage, formPostPage, messagePage } from './entra-sign-in-page.ts';
import { preauthorizationRefusal } from './entra-preauthorization.ts';
import { resolveResource, splitScopes } from './entra-scopes.ts';
import { readForm, redirect, sendHtml } from './http-exchange.ts';
import type { Exchange } from './http-exchange.ts';
import type { ScenarioUser } from './scenario.ts';

/**
 * The authorize endpoint and the sign-in pages behind it (shared with the device-code page):
 * credentials, consent when the user has not given it, then a redirect to the loopback URI with
 * a code bound to the PKCE S256 challenge, or with an AADSTS error.
 */

const sessionCookie = 'azemu_session';
const codeLifetimeMs = 10 * 60_000;

export function handleAuthorize(context: EmulatorContext, exchange: Exchange, tenantSegment: string): void {
  const q = exchange.query;
  const selection = selectTenant(context.scenario, tenantSegment);
  if (!selection) return sendHtml(exchange.res, 400, messagePage('Sign in failed', aadstsMessage(90002, tenantSegment)));
  const clientId = q.get('client_id') ?? '';
  const client = findPublicClient(context.scenario, clientId);
  if (!client) return sendHtml(exchange.res, 400, messagePage('Sign in failed', aadstsMessage(700016, clientId, tenantSegment)));
  const redirectUri = q.get('redirect_uri') ?? '';
  if (!redirectUriAllowed(client.redirectUris, redirectUri)) {
    return sendHtml(exchange.res, 400, messagePage('Sign in failed', aadstsMessage(50011, redirectUri, clientId)));
  }
  const state = q.get('state') ?? undefined;
  const responseMode = q.get('response_mode') === 'form_post' ? 'form_post' : 'query';
  const reply = { redirectUri, state, responseMode } as const;
  const fail = (code: number, error = aadstsErrorName(code)): void =>
    respond(exchange, reply, { error, error_description: aadstsMessage(code) });
  if (q.get('response_type') !== 'code')
    return respond(exchange, reply, { error: 'unsupported_response_type', error_description: 'AADSTS700054: response_type must be code.' });
  const codeChallenge = q.get('code_challenge');
  if (!codeChallenge || q.get('code_challenge_method') !== 'S256') return fail(9002325, 'invalid_request');

  const prompt = q.get('prompt') ?? undefined;
  const flow: PendingSignIn = {
    id: randomUUID(),
    tenantSegment,
    clientId: client.clientId,
    loginHint: q.get('login_hint') ?? undefined,
    forceConsent: prompt === 'consent',
    userId: undefined,
    finish: {
      kind: 'authorize',
      redirectUri,
      state,
      responseMode,
      scopes: splitScopes(q.get('scope')),
      codeChallenge,
      nonce: q.get('nonce') ?? undefined,
    },
  };
  const sessionUser = sessionUserOf(context, exchange);
  if (prompt === 'none' && !sessionUser) return fail(50058);
  if (sessionUser && (prompt === undefined || prompt === 'none')) {
    flow.userId = sessionUser.id;
    // Single sign-on skips the credentials, not the consent an app registered through Graph still needs.
    if (prompt === undefined && registeredAppNeedsConsent(context, client.clientId, sessionUser.id)) {
      context.entra.pendingSignIns.set(flow.id, flow);
      const action = signInAction(context, tenantSegment);
      const page = {
        action,
        flowId: flow.id,
        appName: client.displayName,
        userName: sessionUser.userName,
        scopes: splitScopes(q.get('scope')),
      };
      return sendHtml(exchange.res, 200, consentPage(page));
    }
    return completeSignIn(context, exchange, flow, sessionUser);
  }
  context.entra.pendingSignIns.set(flow.id, flow);
  sendHtml(
    exchange.res,
    200,
    credentialsPage({
      action: signInAction(context, tenantSegment),
      flowId: flow.id,
      appName: client.displayName,
      loginHint: flow.loginHint,
    }),
  );
}

export function signInAction(context: EmulatorContext, tenantSegment: string): string {
  return `${context.urls.entra}/${tenantSegment}/login`;
}

/** POST of the credentials or consent form, for either flow. */
export function handleSignInStep(context: EmulatorContext, exchange: Exchange): void {
  const form = readForm(exchange);
  const flow = context.entra.pendingSignIns.get(form.get('flow') ?? '');
  if (!flow)
    return sendHtml(
      exchange.res,
      400,
      messagePage('Sign in failed', 'This sign-in has expired or was already used. Start again from your app.'),
    );
  const appName = findPublicClient(context.scenario, flow.clientId)?.displayName ?? flow.clientId;
  const action = signInAction(context, flow.tenantSegment);

  if (form.get('step') === 'consent' && flow.userId) {
    const user = findUser(context.scenario, flow.userId);
    if (!user) return;
    if (form.get('decision') !== 'accept') return failSignIn(context, exchange, flow, 65004);
    context.entra.consents.add(`${user.id} ${flow.clientId}`);
    return completeSignIn(context, exchange, flow, user);
  }

  const userName = form.get('username') ?? '';
  const selection = selectTenant(context.scenario, flow.tenantSegment);
  const user = selection ? findUserByName(context.scenario, selection, userName) : undefined;
  const again = (error: string): void =>
    sendHtml(exchange.res, 200, credentialsPage({ action, flowId: flow.id, appName, loginHint: userName, error }));
  if (!user) return again(aadstsMessage(50034, userName));
  if (user.password !== form.get('password')) return again(aadstsMessage(50126));
  flow.userId = user.id;
  const needsConsent =
    flow.forceConsent ||
    (user.consentRequired && !context.entra.consents.has(`${user.id} ${flow.clientId}`)) ||
    registeredAppNeedsConsent(context, flow.clientId, user.id);
  if (needsConsent) {
    const scopes =
      flow.finish.kind === 'authorize' ? flow.finish.scopes : (context.entra.devices.get(flow.finish.deviceCode)?.scopes ?? []);
    return sendHtml(exchange.res, 200, consentPage({ action, flowId: flow.id, appName, userName: user.userName, scopes }));
  }
  completeSignIn(context, exchange, flow, user);
}

function completeSignIn(context: EmulatorContext, exchange: Exchange, flow: PendingSignIn, user: ScenarioUser): void {
  const blocked = signInBlock(user);
  if (blocked !== undefined) return failSignIn(context, exchange, flow, blocked);
  context.entra.pendingSignIns.delete(flow.id);
  const session = randomBytes(24).toString('base64url');
  context.entra.sessions.set(session, user.id);
  const cookie = `${sessionCookie}=${session}; Path=/; Secure; HttpOnly; SameSite=None`;
  if (flow.finish.kind === 'device') {
    const device = context.entra.devices.get(flow.finish.deviceCode);
    if (device) device.outcome = { userId: user.id };
    return sendHtml(
      exchange.res,
      200,
      messagePage('You are signed in', 'You have signed in to the application on your device. You may now close this window.'),
      { 'Set-Cookie': cookie },
    );
  }
  const { redirectUri, scopes, codeChallenge, nonce } = flow.finish;
  // A first-party client is refused here already, back at its redirect URI, as Entra answered an interactive sign-in of the Azure
  // CLI's client for ACS (Azure/azure-sdk-for-net#35816).
  const asked = resolveResource(scopes);
  const refused = asked.ok ? preauthorizationRefusal(context.scenario, flow.clientId, asked.resource) : undefined;
  if (refused)
    return respond(
      exchange,
      flow.finish,
      { error: aadstsErrorName(65002), error_description: aadstsMessage(65002, ...refused) },
      {
        'Set-Cookie': cookie,
      },
    );
  const code = randomBytes(32).toString('base64url');
  context.entra.codes.set(code, {
    clientId: flow.clientId,
    redirectUri,
    userId: user.id,
    scopes,
    codeChallenge,
    nonce,
    expiresAt: Date.now() + codeLifetimeMs,
  });
  respond(exchange, flow.finish, { code, session_state: randomUUID() }, { 'Set-Cookie': cookie });
}

function failSignIn(context: EmulatorContext, exchange: Exchange, flow: PendingSignIn, code: number): void {
  context.entra.pendingSignIns.delete(flow.id);
  if (flow.finish.kind === 'device') {
    const device = context.entra.devices.get(flow.finish.deviceCode);
    if (device) device.outcome = { aadsts: code };
    return sendHtml(exchange.res, 200, messagePage('Sign in failed', aadstsMessage(code, resourceHint(device?.scopes ?? []))));
  }
  respond(exchange, flow.finish, {
    error: aadstsErrorName(code),
    error_description: aadstsMessage(code, resourceHint(flow.finish.scopes)),
  });
}

/** Returns the authorization response to the client: a 302 with a query, or a self-posting form for `form_post` (MSAL Node 7 asks for
 * it). */
function respond(
  exchange: Exchange,
  reply: { redirectUri: string; state: string | undefined; responseMode: 'query' | 'form_post' },
  fields: Record<string, string>,
  headers: Record<string, string> = {},
): void {
  const all = reply.state === undefined ? fields : { ...fields, state: reply.state };
  if (reply.responseMode === 'form_post') {
    const nonce = randomBytes(16).toString('base64');
    const csp =
      `default-src 'none'; script-src 'nonce-${nonce}'; form-action http://localhost:* http://127.0.0.1:* ` +
      `${new URL(reply.redirectUri).origin}`;
    return sendHtml(exchange.res, 200, formPostPage(reply.redirectUri, all, nonce), { ...headers, 'Content-Security-Policy': csp });
  }
  const target = new URL(reply.redirectUri);
  for (const [key, value] of Object.entries(all)) target.searchParams.set(key, value);
  redirect(exchange.res, target.toString(), headers);
}

function sessionUserOf(context: EmulatorContext, exchange: Exchange): ScenarioUser | undefined {
  const cookie = (exchange.header('cookie') ?? '')
    .split(';')
    .map((c) => c.trim().split('='))
    .find(([name]) => name === sessionCookie);
  const userId = cookie?.[1] ? context.entra.sessions.get(cookie[1]) : undefined;
  return userId ? findUser(context.scenario, userId) : undefined;
}

export function resourceHint(scopes: readonly string[]): string {
  return scopes.find((s) => s.includes('://'))?.replace(/\/[^/]*$/, '') ?? 'https://graph.microsoft.com';
}
