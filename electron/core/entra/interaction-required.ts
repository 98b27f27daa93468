import { AppError } from '../../../shared/errors.ts';

/**
 * Whether a silent token call failed for a reason only the user can fix in the browser: MSAL's
 * InteractionRequiredAuthError (MFA, consent, Conditional Access, no refresh token), our own
 * "no longer in the token cache", or Entra refusing the refresh token itself with OAuth's
 * `invalid_grant` (expired, revoked: RFC 6749 §5.2), which MSAL Node passes on as a ServerError
 * unless Entra adds a sub-error. A network failure, throttling or an outage is not one: a browser
 * would not fix it.
 */
export function needsInteraction(error: unknown): boolean {
  if (error instanceof AppError) return error.code === 'sign_in_required';
  const e = (error ?? {}) as { name?: unknown; errorCode?: unknown };
  return e.name === 'InteractionRequiredAuthError' || e.errorCode === 'invalid_grant';
}
