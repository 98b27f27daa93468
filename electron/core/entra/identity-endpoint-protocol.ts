import { createHash, timingSafeEqual } from 'node:crypto';

/**
 * The App Service managed-identity protocol, as the official SDKs speak it: what a request asks for
 * and what the answers look like. Pure functions; identity-endpoint.ts serves them.
 *
 * Sources (read, not copied):
 * - MSAL Node, AzureAD/microsoft-authentication-library-for-js lib/msal-node/src/client/ManagedIdentitySources/AppService.ts:
 *   `GET {IDENTITY_ENDPOINT}?api-version=2019-08-01&resource=R` with header `X-IDENTITY-HEADER`, a user-assigned identity as
 *   `client_id`, `object_id` or `mi_res_id` (BaseManagedIdentitySource.ts); the answer's `expires_on` is seconds (a number or a
 *   string of digits) or an ISO 8601 date, and an error's words are read from `message` (App Service) or `error_description`
 *   (response/ManagedIdentityTokenResponse.ts). @azure/identity 4.x hands its ManagedIdentityCredential to this code.
 * - @azure/identity before MSAL, Azure/azure-sdk-for-js sdk/identity/identity/src/credentials/managedIdentityCredential/
 *   appServiceMsi2019.ts and appServiceMsi2017.ts: the 2017-09-01 form reads `MSI_ENDPOINT` and `MSI_SECRET`, sends the secret
 *   as header `secret` and a client id as `clientid`, and parses `expires_on` with Date.parse (App Service sends
 *   "06/20/2019 02:57:58 +00:00" there); utils.ts strips `/.default` from the scope to make the resource.
 */

export type ProtocolForm = '2019-08-01' | '2017-09-01';

/** Which identity a request names, when it names one. */
export type IdentityPick = { by: 'client_id' | 'object_id'; value: string } | undefined;

export type TokenRequest =
  { ok: true; form: ProtocolForm; resource: string; pick: IdentityPick } | { ok: false; status: number; error: string; message: string };

/** The endpoint's one path, as App Service's own is `/msi/token/`. */
export const endpointPath = '/msi/token';

/** Each form's header, as the SDKs spell it (Node hands them to us in lower case). */
const secretHeaderOf: Record<ProtocolForm, string> = { '2019-08-01': 'X-IDENTITY-HEADER', '2017-09-01': 'secret' };

/** Reads one request: the path, method, api-version, the header secret (compared in constant time), the resource and the identity asked for. */
export function readTokenRequest(
  method: string | undefined,
  rawUrl: string | undefined,
  headers: Record<string, string | string[] | undefined>,
  secret: string,
): TokenRequest {
  const url = new URL(rawUrl ?? '/', 'http://127.0.0.1');
  if (url.pathname.replace(/\/+$/, '') !== endpointPath)
    return refuse(404, 'not_found', `Nothing here: the managed identity endpoint is ${endpointPath}.`);
  if (method !== 'GET') return refuse(405, 'invalid_request', 'The managed identity endpoint answers GET only.');
  const version = url.searchParams.get('api-version');
  if (version !== '2019-08-01' && version !== '2017-09-01')
    return refuse(400, 'invalid_request', `api-version ${version ?? '(none)'} is not supported: use 2019-08-01 (or 2017-09-01).`);
  const headerName = secretHeaderOf[version];
  const given = headers[headerName.toLowerCase()];
  if (typeof given !== 'string' || !sameSecret(given, secret))
    return refuse(
      401,
      'unauthorized_client',
      `The ${headerName} header is ${typeof given === 'string' ? 'wrong' : 'missing'}: send the value of ` +
        `${version === '2019-08-01' ? 'IDENTITY_HEADER' : 'MSI_SECRET'} from this program's environment.`,
    );
  const resource = url.searchParams.get('resource')?.trim();
  if (!resource)
    return refuse(400, 'invalid_request', 'The resource query parameter is required, for example resource=https://management.azure.com.');
  if (resource.length > 400)
    return refuse(400, 'invalid_request', 'The resource is longer than any Azure resource URI (400 characters at most).');
  if (url.searchParams.get('mi_res_id') || url.searchParams.get('msi_res_id'))
    return refuse(
      400,
      'invalid_request',
      'Identities under azcred run have no Azure resource id: name one by client_id or object_id instead.',
    );
  const clientId = url.searchParams.get(version === '2019-08-01' ? 'client_id' : 'clientid') ?? undefined;
  const objectId = url.searchParams.get('object_id') ?? undefined;
  if (clientId && objectId) return refuse(400, 'invalid_request', 'Name the identity by client_id or object_id, not both.');
  const pick: IdentityPick = clientId ? { by: 'client_id', value: clientId } : objectId ? { by: 'object_id', value: objectId } : undefined;
  return { ok: true, form: version, resource, pick };
}

/** The scope for a resource, as azure-cli's resource_to_scopes makes it: `/.default` appended, so `https://x/` keeps its audience. */
export function scopeForResource(resource: string): string {
  return `${resource}/.default`;
}

/** Whether two resources are the same for `--allow`: case and trailing slashes aside. */
export function sameResource(a: string, b: string): boolean {
  const plain = (r: string) => r.trim().replace(/\/+$/, '').toLowerCase();
  return plain(a) === plain(b);
}

/** The success body of each form: 2019 sends `expires_on` as seconds (a string, as App Service does), 2017 as App Service's date text. */
export function tokenBody(
  form: ProtocolForm,
  token: { accessToken: string; expiresOn: string },
  resource: string,
  clientId: string,
): Record<string, string> {
  const expires = new Date(token.expiresOn);
  const expiresOn = form === '2019-08-01' ? String(Math.floor(expires.getTime() / 1000)) : appServiceDate(expires);
  return { access_token: token.accessToken, expires_on: expiresOn, resource, token_type: 'Bearer', client_id: clientId };
}

/** An error body both readers understand: App Service's `statusCode`/`message`, and OAuth's `error`/`error_description`. */
export function errorBody(status: number, error: string, message: string): Record<string, string | number> {
  return { statusCode: status, message, error, error_description: message };
}

/** "12/07/2026 15:04:05 +00:00", the 2017-09-01 form's expires_on. */
function appServiceDate(date: Date): string {
  const two = (n: number) => String(n).padStart(2, '0');
  return (
    `${two(date.getUTCMonth() + 1)}/${two(date.getUTCDate())}/${date.getUTCFullYear()} ` +
    `${two(date.getUTCHours())}:${two(date.getUTCMinutes())}:${two(date.getUTCSeconds())} +00:00`
  );
}

/** Constant-time comparison of the header with the run's secret (hashed first, so the lengths match). */
function sameSecret(given: string, secret: string): boolean {
  const digest = (s: string) => createHash('sha256').update(s).digest();
  return timingSafeEqual(digest(given), digest(secret));
}

function refuse(status: number, error: string, message: string): TokenRequest {
  return { ok: false, status, error, message };
}
