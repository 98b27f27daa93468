import { handleChat } from './acs-chat.ts';
import { sendAcsError, sendDenied } from './acs-errors.ts';
import { verifyHmacRequest } from './acs-hmac.ts';
import { createIdentity, deleteIdentity, exchangeTeamsToken, getIdentity, issueAccessToken, revokeAccessTokens } from './acs-identity.ts';
import type { EmulatorContext } from './emulator-context.ts';
import { checkEntraToken } from './entra-token-validation.ts';
import { bearerToken } from './http-exchange.ts';
import type { Exchange } from './http-exchange.ts';
import { isAllowed } from './role-evaluation.ts';
import type { CommunicationService } from './scenario.ts';

/**
 * One ACS resource's host: the identity API (access key by HMAC, or an Entra token whose principal
 * may manage the resource), and the few chat calls in acs-chat.ts, which take a user token, so revocation and scopes show.
 */

const apiVersions = new Set(['2021-03-07', '2022-06-01', '2022-10-01', '2023-08-01', '2023-10-01', '2025-06-30']);
// Entra callers need the control-plane write action on the resource (an inference: Owner, Contributor and the Communication roles have it).
const identityAction = 'Microsoft.Communication/CommunicationServices/Write';

export function communicationResourceId(resource: CommunicationService): string {
  return `/subscriptions/${resource.subscription}/resourceGroups/${resource.resourceGroup}/providers/Microsoft.Communication/communicationServices/${resource.name}`;
}

export function handleAcs(context: EmulatorContext, resourceName: string, exchange: Exchange): void {
  const resource = context.scenario.communicationServices.find((r) => r.name === resourceName);
  if (!resource) return sendAcsError(exchange.res, 404, 'NotFound', 'This communication resource no longer exists.');
  const { method, path } = exchange;
  if (/^\/chat\//i.test(path)) return handleChat(context, resource, exchange);
  if (!callerMayManage(context, resource, exchange)) return sendDenied(exchange.res);
  if (!exchange.query.has('api-version')) {
    return sendAcsError(
      exchange.res,
      400,
      'MissingApiVersionParameter',
      'The api-version query parameter (?api-version=) is required for all requests.',
    );
  }
  const version = exchange.query.get('api-version') ?? '';
  if (!apiVersions.has(version))
    return sendAcsError(exchange.res, 400, 'UnsupportedApiVersion', `The api-version '${version}' is not supported.`);

  if (method === 'POST' && /^\/identities\/?$/i.test(path)) return createIdentity(context, resource, exchange);
  if (method === 'POST' && /^\/teamsUser\/:exchangeAccessToken$/i.test(path)) return exchangeTeamsToken(context, resource, exchange);
  const match = /^\/identities\/([^/]+?)(\/:issueAccessToken|\/:revokeAccessTokens)?$/i.exec(path);
  const identityId = match ? decodeURIComponent(match[1] ?? '') : '';
  const action = match?.[2]?.toLowerCase();
  if (match && method === 'POST' && action === '/:issueaccesstoken') return issueAccessToken(context, resource, exchange, identityId);
  if (match && method === 'POST' && action === '/:revokeaccesstokens') return revokeAccessTokens(context, resource, exchange, identityId);
  if (match && method === 'DELETE' && action === undefined) return deleteIdentity(context, resource, exchange, identityId);
  if (match && method === 'GET' && action === undefined) return getIdentity(context, resource, exchange, identityId);
  sendAcsError(exchange.res, 404, 'NotFound', `No operation ${method} ${path}.`);
}

function callerMayManage(context: EmulatorContext, resource: CommunicationService, exchange: Exchange): boolean {
  const authorization = exchange.header('authorization') ?? '';
  if (/^HMAC-SHA256\s/i.test(authorization)) {
    const check = verifyHmacRequest(
      {
        method: exchange.method,
        pathAndQuery: exchange.rawTarget,
        host: exchange.header('host'),
        date: exchange.header('x-ms-date'),
        contentHash: exchange.header('x-ms-content-sha256'),
        authorization,
        body: exchange.body,
      },
      [resource.primaryKey, resource.secondaryKey],
    );
    return check.ok;
  }
  const token = bearerToken(exchange);
  if (!token) return false;
  const check = checkEntraToken(context, token, (aud) => aud === 'https://communication.azure.com');
  if (!check.ok) return false;
  const tenant = context.scenario.subscriptions.find((s) => s.id === resource.subscription)?.tenant;
  return (
    check.caller.tenantId === tenant &&
    // ACS honours built-in roles only for Entra access to its data plane: custom roles assign but are ignored (issue 18;
    // blakedrumm.com/blog/acs-custom-iam-roles-not-supported, a Microsoft support engineer's write-up).
    isAllowed(context.scenario, check.caller.principalId, communicationResourceId(resource), identityAction, 'action', {
      builtInRolesOnly: true,
    })
  );
}
