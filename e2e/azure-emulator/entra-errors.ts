import { randomUUID } from 'node:crypto';
import type { ServerResponse } from 'node:http';
import { sendJson } from './http-exchange.ts';

/**
 * AADSTS errors in the shape Entra's v2.0 token endpoint returns them (AZURE-PROTOCOLS.md §5):
 * `error`, `error_description` starting `AADSTS<code>: `, `error_codes`, ids and a timestamp.
 */
const catalogue: Record<number, { error: string; status?: number; suberror?: string; text: string }> = {
  50034: {
    error: 'invalid_grant',
    text:
      'The user account {0} does not exist in the directory. To sign into this application, the account must be added to the ' +
      'directory.',
  },
  50011: {
    error: 'invalid_request',
    text: "The redirect URI '{0}' specified in the request does not match the redirect URIs configured for the application '{1}'.",
  },
  50058: { error: 'login_required', text: 'A silent sign-in request was sent but no user is signed in.' },
  50076: {
    error: 'invalid_grant',
    suberror: 'basic_action',
    text:
      'Due to a configuration change made by your administrator, or because you moved to a new location, you must use ' +
      "multi-factor authentication to access '{0}'.",
  },
  50126: { error: 'invalid_grant', text: 'Error validating credentials due to invalid username or password.' },
  53003: {
    error: 'invalid_grant',
    text: 'Access has been blocked by Conditional Access policies. The access policy does not allow token issuance.',
  },
  65001: {
    error: 'invalid_grant',
    suberror: 'consent_required',
    text:
      "The user or administrator has not consented to use the application with ID '{0}'. Send an interactive authorization " +
      'request for this user and resource.',
  },
  // Wording and error name as Entra answered the Azure CLI's client for ACS (Azure/azure-cli#23485, Azure/azure-sdk-for-net#35816).
  65002: {
    error: 'invalid_request',
    text:
      "Consent between first party application '{0}' and first party resource '{1}' must be configured via preauthorization - " +
      'applications owned and operated by Microsoft must get approval from the API owner before requesting tokens for that API.',
  },
  65004: { error: 'access_denied', text: 'User declined to consent to access the app.' },
  70000: {
    error: 'invalid_grant',
    text: "Provided grant is invalid or malformed. The provided value for the '{0}' parameter is not valid.",
  },
  70003: { error: 'unsupported_grant_type', text: "The app requested an unsupported grant type '{0}'." },
  70008: {
    error: 'invalid_grant',
    text:
      'The provided authorization code or refresh token has expired due to inactivity. Send a new interactive authorization ' +
      'request for this user and resource.',
  },
  70011: {
    error: 'invalid_scope',
    text: "The provided request must include a 'scope' input parameter. The provided value for the input parameter 'scope' is not valid.",
  },
  70016: { error: 'authorization_pending', text: 'OAuth 2.0 device flow error. Authorization is pending. Continue polling.' },
  70019: { error: 'expired_token', text: 'Verification code expired.' },
  90002: {
    error: 'invalid_request',
    text: "Tenant '{0}' not found. Check to make sure you have the correct tenant ID and are signing into the correct cloud.",
  },
  90014: {
    error: 'invalid_request',
    text:
      "The required field '{0}' is missing from the credential. Ensure that you have all the necessary parameters for the login " +
      'request.',
  },
  28000: {
    error: 'invalid_scope',
    text: 'Provided value for the input parameter scope is not valid because it contains more than one resource. Scope {0} is not valid.',
  },
  500011: {
    error: 'invalid_resource',
    text:
      'The resource principal named {0} was not found in the tenant. This can happen if the application has not been installed by ' +
      'the administrator of the tenant.',
  },
  501481: { error: 'invalid_grant', text: 'The Code_Verifier does not match the code_challenge supplied in the authorization request.' },
  700016: {
    error: 'unauthorized_client',
    text:
      "Application with identifier '{0}' was not found in the directory '{1}'. This can happen if the application has not been " +
      'installed by the administrator of the tenant or consented to by any user in the tenant. You may have sent your ' +
      'authentication request to the wrong tenant.',
  },
  700027: { error: 'invalid_client', status: 401, text: 'Client assertion failed signature validation.' },
  70043: {
    error: 'invalid_grant',
    text:
      'The refresh token has expired or is invalid due to sign-in frequency checks by conditional access. The token was issued on ' +
      '{0} and the maximum allowed lifetime for this request is {1}.',
  },
  700082: {
    error: 'invalid_grant',
    text: 'The refresh token has expired due to inactivity. The token was issued on {0} and was inactive for 90.00:00:00.',
  },
  7000218: {
    error: 'invalid_client',
    status: 401,
    text: "The request body must contain the following parameter: 'client_assertion' or 'client_secret'.",
  },
  1002012: {
    error: 'invalid_scope',
    text:
      'The provided value for scope {0} is not valid. Client credential flows must have a scope value with /.default suffixed to ' +
      'the resource identifier (application ID URI).',
  },
  7000215: {
    error: 'invalid_client',
    status: 401,
    text:
      'Invalid client secret provided. Ensure the secret being sent in the request is the client secret value, not the client ' +
      "secret ID, for a secret added to app '{0}'.",
  },
  9002325: { error: 'invalid_request', text: 'Proof Key for Code Exchange is required for cross-origin authorization code redemption.' },
};

/** `AADSTS<code>: <text>` with `{0}`, `{1}` filled in. */
export function aadstsMessage(code: number, ...args: string[]): string {
  const entry = catalogue[code];
  const text = (entry?.text ?? 'An error occurred.').replace(/\{(\d)\}/g, (_, i: string) => args[Number(i)] ?? '');
  return `AADSTS${code}: ${text}`;
}

export function aadstsErrorName(code: number): string {
  return catalogue[code]?.error ?? 'invalid_request';
}

export function aadstsBody(code: number, ...args: string[]): Record<string, unknown> {
  const traceId = randomUUID();
  const correlationId = randomUUID();
  const timestamp = new Date()
    .toISOString()
    .replace('T', ' ')
    .replace(/\.\d+Z$/, 'Z');
  const entry = catalogue[code];
  return {
    error: aadstsErrorName(code),
    error_description: `${aadstsMessage(code, ...args)} Trace ID: ${traceId} Correlation ID: ${correlationId} Timestamp: ${timestamp}`,
    error_codes: [code],
    timestamp,
    trace_id: traceId,
    correlation_id: correlationId,
    error_uri: `https://login.microsoftonline.com/error?code=${code}`,
    ...(entry?.suberror ? { suberror: entry.suberror } : {}),
  };
}

export function sendAadstsError(res: ServerResponse, code: number, ...args: string[]): void {
  sendJson(res, catalogue[code]?.status ?? 400, aadstsBody(code, ...args), { 'Cache-Control': 'no-store, no-cache', Pragma: 'no-cache' });
}
