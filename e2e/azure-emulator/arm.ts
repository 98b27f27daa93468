import { handleResources } from './arm-resources.ts';
import { sendArmError } from './arm-responses.ts';
import { handleAuthorization } from './arm-role-assignments.ts';
import type { EmulatorContext } from './emulator-context.ts';
import { checkEntraToken } from './entra-token-validation.ts';
import { bearerToken } from './http-exchange.ts';
import type { Exchange } from './http-exchange.ts';

/** Azure Resource Manager: token checks in ARM's words, then resources or Microsoft.Authorization. */

const armAudiences = ['https://management.azure.com', 'https://management.core.windows.net'];

export function handleArm(context: EmulatorContext, exchange: Exchange): void {
  const token = bearerToken(exchange);
  const challenge = { 'WWW-Authenticate': `Bearer authorization_uri="${context.urls.entra}/common", error="invalid_token"` };
  if (!token)
    return sendArmError(exchange, 401, 'AuthenticationFailed', "Authentication failed. The 'Authorization' header is missing.", challenge);
  const check = checkEntraToken(context, token, (aud) => armAudiences.includes(aud));
  if (!check.ok) {
    if (check.reason === 'expired')
      return sendArmError(
        exchange,
        401,
        'ExpiredAuthenticationToken',
        'The access token expiry UTC time is earlier than current UTC time.',
        challenge,
      );
    if (check.reason === 'audience') {
      return sendArmError(
        exchange,
        401,
        'InvalidAuthenticationTokenAudience',
        `The access token has been obtained for wrong audience or resource. It should exactly match with one of the allowed ` +
          `audiences '${armAudiences.join("','")}'.`,
        challenge,
      );
    }
    return sendArmError(
      exchange,
      401,
      'InvalidAuthenticationToken',
      'The received access token is not valid: at least one of the claims is invalid or the signature does not verify.',
      challenge,
    );
  }
  if (!exchange.query.get('api-version')) {
    return sendArmError(
      exchange,
      400,
      'MissingApiVersionParameter',
      'The api-version query parameter (?api-version=) is required for all requests.',
    );
  }
  const subscription = /^\/subscriptions\/([^/]+)/i.exec(exchange.path)?.[1]?.toLowerCase();
  const owner = context.scenario.subscriptions.find((s) => s.id === subscription);
  if (owner && owner.tenant !== check.caller.tenantId) {
    return sendArmError(
      exchange,
      401,
      'InvalidAuthenticationTokenTenant',
      `The access token is from the wrong issuer. It must match the tenant 'https://sts.windows.net/${owner.tenant}/' ` +
        `associated with this subscription.`,
      challenge,
    );
  }
  const authorization = /^(.*?)\/providers\/Microsoft\.Authorization\/([^/]+)(?:\/([^/]+))?\/?$/i.exec(exchange.path);
  if (authorization) {
    const scope = decodeURIComponent(authorization[1] ?? '') || '/';
    return handleAuthorization(context, exchange, check.caller, scope, (authorization[2] ?? '').toLowerCase(), authorization[3]);
  }
  handleResources(context, exchange, check.caller);
}
