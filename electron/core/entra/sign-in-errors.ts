import { AppError } from '../../../shared/errors.ts';
import { AuthorizeError } from './loopback-listener.ts';

/**
 * Turns what MSAL or Entra said into a message a developer can act on. Entra's AADSTS codes are
 * the stable part (https://learn.microsoft.com/entra/identity-platform/reference-error-codes);
 * MSAL wraps them as `Error(s): 50076 - ... Description: AADSTS50076: ...`. Nothing from the
 * response is quoted except the code and the trace id, since descriptions may carry user names.
 */

export interface SignInContext {
  /** Who or what was signing in, as the user named it (user name, app name): safe to show. */
  who?: string;
  tenant?: string;
  clientId?: string;
  authorityHost?: string;
}

type Wording = (c: SignInContext) => { code: AppError['code']; message: string };

const signIn = (message: string) => ({ code: 'sign_in_required' as const, message });
const tenantOf = (c: SignInContext) => (c.tenant && !['organizations', 'common'].includes(c.tenant) ? ` in tenant ${c.tenant}` : '');
const whoOf = (c: SignInContext) => c.who ?? 'this identity';
const atHost = (c: SignInContext) => (c.authorityHost ? ` at ${c.authorityHost}` : '');

const byAadsts: Record<number, Wording> = {
  50076: (c) =>
    signIn(
      `${whoOf(c)} must complete multi-factor authentication${tenantOf(c)}. Use interactive sign-in (the browser), complete the ` +
        `second factor there, and try again.`,
    ),
  50079: (c) =>
    signIn(
      `${whoOf(c)} must register for multi-factor authentication${tenantOf(c)}. Use interactive sign-in and follow the ` +
        `registration steps in the browser.`,
    ),
  50074: (c) =>
    signIn(`${whoOf(c)} must complete multi-factor authentication. Use interactive sign-in and complete the second factor in the browser.`),
  53003: (c) =>
    signIn(
      `A Conditional Access policy${tenantOf(c)} blocked this sign-in. Sign in from a device or network the policy allows, or ` +
        `ask the tenant's admin which policy applies.`,
    ),
  53000: (c) =>
    signIn(
      `A Conditional Access policy${tenantOf(c)} requires a compliant or managed device. Sign in from such a device, or ask the ` +
        `tenant's admin.`,
    ),
  65001: (c) =>
    signIn(
      (
        `The app ${c.clientId ?? ''} has no consent${tenantOf(c)} for what was asked. Sign in interactively and accept the ` +
        `consent prompt, or ask an admin to grant consent for the tenant.`
      ).replace('  ', ' '),
    ),
  // Entra gives a Microsoft-owned app (the Azure CLI's, this app's default) tokens only for the services it is pre-authorized for; it
  // is refused ACS (Azure/azure-cli#23485, #26271). No sign-in can change that: another app can.
  65002: (c) => ({
    code: 'client_not_preauthorized',
    message:
      `The sign-in app${c.clientId ? ` ${c.clientId}` : ''} cannot get tokens for this service: Entra ID gives Microsoft's own ` +
      `apps, such as the default (the Azure CLI's), only the services they are pre-authorized for, so signing in again does not ` +
      `help. Register your own app in one step (Settings → Clouds → "Register my app", or \`azcred app register\`) and sign in with ` +
      `it, or use a service principal.`,
  }),
  65004: () => signIn('Consent was declined in the browser, so no token was issued. Sign in again and accept the consent prompt.'),
  70043: (c) => signIn(`The sign-in of ${whoOf(c)} expired under the tenant's session policy. Sign in again.`),
  700082: (c) => signIn(`The sign-in of ${whoOf(c)} expired after 90 days without use. Sign in again.`),
  700084: (c) => signIn(`The sign-in of ${whoOf(c)} expired. Sign in again.`),
  50173: (c) => signIn(`The sign-in of ${whoOf(c)} is no longer valid (the password changed or sessions were revoked). Sign in again.`),
  70008: (c) => signIn(`The sign-in of ${whoOf(c)} expired or was revoked. Sign in again.`),
  700016: (c) =>
    signIn(
      `The client ID ${c.clientId ?? ''} is not known${tenantOf(c) || ' in this tenant'}. Check the public client ID of the ` +
        `cloud profile in Settings, or register an app in the tenant (docs/sign-in.md, "Using your own app registration").`,
    ),
  90002: (c) => signIn(`The tenant ${c.tenant ?? ''} was not found. Check the tenant ID or domain (for example contoso.onmicrosoft.com).`),
  50020: (c) =>
    signIn(`${whoOf(c)} is not a member of the tenant${tenantOf(c)}. Pick a tenant the account belongs to, or ask to be invited.`),
  50126: () => signIn('The user name or password is wrong. Sign in again.'),
  50034: () => signIn('That user account does not exist in the tenant. Check the user name, or pick another tenant.'),
  50053: () => signIn('The account is locked after too many failed sign-ins. Wait a while, or ask the tenant admin to unlock it.'),
  50057: () => signIn('The account is disabled in the tenant. Ask the tenant admin.'),
  50011: (c) =>
    signIn(
      `The app registration ${c.clientId ?? ''} does not accept this app's redirect URI (http://localhost). In the app ` +
        `registration, add a "Mobile and desktop applications" platform with the redirect URI http://localhost.`,
    ),
  7000215: () =>
    signIn(
      'The client secret is wrong or expired. Create a new secret under the app registration\'s "Certificates & secrets", then ' +
        'add the service principal here again with it (remove the old entry).',
    ),
  7000222: () =>
    signIn(
      'The client secret has expired. Create a new secret under the app registration\'s "Certificates & secrets", then add the ' +
        'service principal here again with it (remove the old entry).',
    ),
  700027: () =>
    signIn(
      "The certificate is not registered on the app, or its assertion was rejected. Upload the certificate's public part to " +
        'the app registration ("Certificates & secrets") and check the client ID.',
    ),
  7000218: (c) =>
    signIn(
      `The app ${c.clientId ?? ''} does not allow public client flows, so device-code sign-in is refused. In the app ` +
        `registration under Authentication, turn on "Allow public client flows", or use interactive sign-in.`,
    ),
  700024: () => signIn("The client assertion is outside its valid time range. Check this computer's clock."),
  500011: () =>
    signIn('The resource asked for is not registered in the tenant. Check the scope (for example https://management.azure.com/.default).'),
  70011: () => signIn('The scope asked for is not valid. Check the scope: it should end in /.default or name a delegated permission.'),
};

/** The AADSTS number in an MSAL or Entra message, if any. */
export function aadstsCode(text: string): number | undefined {
  const match = /AADSTS(\d{5,7})/.exec(text);
  return match ? Number(match[1]) : undefined;
}

function traceId(text: string): string {
  const match = /Trace ID: ([0-9a-f-]{36})/i.exec(text);
  return match ? ` (Entra trace ID ${match[1]})` : '';
}

/** Any failure of a sign-in or token acquisition, as an AppError. */
export function signInError(error: unknown, context: SignInContext = {}): AppError {
  if (error instanceof AuthorizeError)
    return (
      fromAadsts(`${error.error} ${error.description}`, context) ??
      new AppError(
        'sign_in_required',
        `Entra ID refused the sign-in (${error.error}). Try again; if it repeats, check the cloud profile and tenant.`,
      )
    );
  if (error instanceof AppError) return error;
  const e = (error ?? {}) as { errorCode?: unknown; errorMessage?: unknown; subError?: unknown; message?: unknown; status?: unknown };
  const errorCode = typeof e.errorCode === 'string' ? e.errorCode : '';
  const text = [e.errorMessage, e.message].filter((t) => typeof t === 'string').join(' ');
  const outage = entraOutage(typeof e.status === 'number' ? e.status : undefined, errorCode, text, context);
  if (outage) return outage;
  const known = fromAadsts(text, context);
  if (known) return known;
  switch (errorCode) {
    case 'network_error':
    case 'no_network_connectivity':
    case 'endpoints_resolution_error':
      return new AppError(
        'network',
        `Cannot reach Entra ID${atHost(context)}, or it did not answer in time. Check the network connection or proxy, and the ` +
          `cloud profile's authority host, then try again.`,
      );
    case 'authorization_pending':
    case 'expired_token':
    case 'code_expired':
      return new AppError(
        'sign_in_required',
        'The device code expired before the sign-in was finished. Start the sign-in again and enter the new code.',
      );
    case 'authorization_declined':
    case 'access_denied':
      return new AppError('cancelled', 'The sign-in was declined in the browser.');
    case 'user_cancelled':
      return new AppError('cancelled', 'Sign-in cancelled.');
    case 'no_tokens_found':
    case 'interaction_required':
    case 'login_required':
    case 'consent_required':
    case 'refresh_token_expired':
    case 'bad_token':
      return new AppError('sign_in_required', `The sign-in of ${whoOf(context)} needs you again. Sign in again to continue.`);
    case 'invalid_client':
      return new AppError(
        'sign_in_required',
        'Entra ID did not accept the app credentials (client secret or certificate). Check them and the client ID.',
      );
    default:
      return new AppError(
        'sign_in_required',
        `The sign-in failed${errorCode ? ` (${errorCode.slice(0, 60)})` : ''}${traceId(text)}. Try again; if it repeats, check ` +
          `the cloud profile, tenant and client ID in Settings.`,
      );
  }
}

/**
 * Entra throttling (HTTP 429; AADSTS90055, 50196) or an outage (HTTP 5xx; temporarily_unavailable,
 * AADSTS90033): the user's credentials are fine, so the words say to wait, not to sign in again.
 */
function entraOutage(status: number | undefined, errorCode: string, text: string, context: SignInContext): AppError | undefined {
  const aadsts = aadstsCode(text);
  const http = status ? ` (HTTP ${status})` : '';
  if (status === 429 || aadsts === 90055 || aadsts === 50196) {
    return new AppError(
      'azure_throttled',
      `Entra ID asked the app to slow down${http}: too many sign-in requests. Wait a minute, then try again.${traceId(text)}`,
    );
  }
  if (
    (status !== undefined && status >= 500) ||
    errorCode === 'temporarily_unavailable' ||
    errorCode === 'server_error' ||
    aadsts === 90033
  ) {
    return new AppError(
      'azure_unavailable',
      `Entra ID${atHost(context)} is temporarily unavailable${http}. Try again in a few minutes; if it lasts, check ` +
        `https://azure.status.microsoft or the cloud profile's authority host.${traceId(text)}`,
    );
  }
  return undefined;
}

function fromAadsts(text: string, context: SignInContext): AppError | undefined {
  const code = aadstsCode(text);
  const wording = code === undefined ? undefined : byAadsts[code];
  if (!wording)
    return code === undefined
      ? undefined
      : new AppError(
          'sign_in_required',
          `Entra ID refused the sign-in with AADSTS${code}${traceId(text)}. Look the code up at ` +
            `https://login.microsoftonline.com/error?code=${code} and try again.`,
        );
  const { code: errorCode, message } = wording(context);
  return new AppError(errorCode, `${message} (AADSTS${code})`);
}
