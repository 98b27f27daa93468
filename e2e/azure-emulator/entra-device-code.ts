import { randomBytes, randomInt, randomUUID } from 'node:crypto';
import type { EmulatorContext } from './emulator-context.ts';
import { signInAction } from './entra-authorize.ts';
import { findPublicClient, selectTenant } from './entra-directory.ts';
import { sendAadstsError } from './entra-errors.ts';
import { splitScopes } from './entra-scopes.ts';
import { credentialsPage, deviceCodeEntryPage } from './entra-sign-in-page.ts';
import { readForm, sendHtml, sendJson } from './http-exchange.ts';
import type { Exchange } from './http-exchange.ts';

/** The device authorization endpoint and the page where the user types the code (Entra's /common/oauth2/deviceauth). */

const userCodeAlphabet = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';

export function deviceLoginUrl(context: EmulatorContext): string {
  return `${context.urls.entra}/common/oauth2/deviceauth`;
}

export function handleDeviceCodeRequest(context: EmulatorContext, exchange: Exchange, tenantSegment: string): void {
  const form = readForm(exchange);
  if (!selectTenant(context.scenario, tenantSegment)) return sendAadstsError(exchange.res, 90002, tenantSegment);
  const clientId = form.get('client_id') ?? '';
  if (!findPublicClient(context.scenario, clientId)) return sendAadstsError(exchange.res, 700016, clientId, tenantSegment);
  const { deviceCodeSeconds, deviceCodeIntervalSeconds } = context.scenario.settings;
  const userCode = Array.from({ length: 9 }, () => userCodeAlphabet[randomInt(userCodeAlphabet.length)]).join('');
  const deviceCode = `DAQABAAEAAA${randomBytes(48).toString('base64url')}`;
  context.entra.devices.set(deviceCode, {
    deviceCode,
    userCode,
    tenantSegment,
    clientId: clientId.toLowerCase(),
    scopes: splitScopes(form.get('scope')),
    expiresAt: Date.now() + deviceCodeSeconds * 1000,
    outcome: undefined,
  });
  const verificationUri = deviceLoginUrl(context);
  sendJson(exchange.res, 200, {
    user_code: userCode,
    device_code: deviceCode,
    verification_uri: verificationUri,
    expires_in: deviceCodeSeconds,
    interval: deviceCodeIntervalSeconds,
    message: `To sign in, use a web browser to open the page ${verificationUri} and enter the code ${userCode} to authenticate.`,
  });
}

export function handleDeviceLoginPage(context: EmulatorContext, exchange: Exchange): void {
  const action = deviceLoginUrl(context);
  if (exchange.method === 'GET') return sendHtml(exchange.res, 200, deviceCodeEntryPage({ action }));
  const typed = (readForm(exchange).get('otc') ?? '').replace(/[\s-]/g, '').toUpperCase();
  const device = [...context.entra.devices.values()].find(
    (d) => d.userCode === typed && d.outcome === undefined && d.expiresAt > Date.now(),
  );
  if (!device)
    return sendHtml(exchange.res, 200, deviceCodeEntryPage({ action, error: "That code didn't work. Check the code and try again." }));
  const flowId = randomUUID();
  context.entra.pendingSignIns.set(flowId, {
    id: flowId,
    tenantSegment: device.tenantSegment,
    clientId: device.clientId,
    loginHint: undefined,
    forceConsent: false,
    userId: undefined,
    finish: { kind: 'device', deviceCode: device.deviceCode },
  });
  const appName = findPublicClient(context.scenario, device.clientId)?.displayName ?? device.clientId;
  sendHtml(exchange.res, 200, credentialsPage({ action: signInAction(context, device.tenantSegment), flowId, appName }));
}
