import type { EmulatorContext } from './emulator-context.ts';
import { handleAuthorize, handleSignInStep } from './entra-authorize.ts';
import { handleDeviceCodeRequest, handleDeviceLoginPage } from './entra-device-code.ts';
import { selectTenant } from './entra-directory.ts';
import { jsonWebKeySet, openIdConfiguration } from './entra-discovery.ts';
import { sendAadstsError } from './entra-errors.ts';
import { handleToken } from './entra-token-endpoint.ts';
import { sendJson } from './http-exchange.ts';
import type { Exchange } from './http-exchange.ts';

/** Entra ID's authority host: routes `/{tenant}/...` to discovery, authorize, token and device-code endpoints. */
export function handleEntra(context: EmulatorContext, exchange: Exchange): void {
  const { method, path } = exchange;
  if (/^\/common\/oauth2\/deviceauth\/?$/i.test(path) && (method === 'GET' || method === 'POST'))
    return handleDeviceLoginPage(context, exchange);
  const match = /^\/([^/]+)(\/.*)$/.exec(path);
  const tenant = decodeURIComponent(match?.[1] ?? '');
  const rest = (match?.[2] ?? '').toLowerCase();
  const route = `${method} ${rest}`;
  switch (route) {
    case 'GET /v2.0/.well-known/openid-configuration': {
      const selection = selectTenant(context.scenario, tenant);
      return selection
        ? sendJson(exchange.res, 200, openIdConfiguration(context, selection))
        : sendAadstsError(exchange.res, 90002, tenant);
    }
    case 'GET /discovery/v2.0/keys':
      return sendJson(exchange.res, 200, jsonWebKeySet(context));
    case 'GET /oauth2/v2.0/authorize':
      return handleAuthorize(context, exchange, tenant);
    case 'POST /login':
      return handleSignInStep(context, exchange);
    case 'POST /oauth2/v2.0/token':
      return handleToken(context, exchange, tenant);
    case 'POST /oauth2/v2.0/devicecode':
      return handleDeviceCodeRequest(context, exchange, tenant);
    default:
      return sendJson(exchange.res, 404, { error: 'not_found', error_description: `No Entra endpoint ${method} ${path}` });
  }
}
