import { describe, expect, it } from 'vitest';
import { AppError } from '../../../shared/errors.ts';
import { AuthorizeError } from './loopback-listener.ts';
import { aadstsCode, signInError } from './sign-in-errors.ts';

/** How MSAL Node 7 reformats a token-endpoint error. */
const msalServerError = (code: number, errorCode = 'invalid_grant') => ({
  errorCode,
  errorMessage:
    `Error(s): ${code} - Timestamp: 2026-11-21 10:00:00Z - Description: AADSTS${code}: Something about ` +
    `adele.vance@contoso.onmicrosoft.com. Trace ID: 0b5a1d3e-1111-2222-3333-444455556666 Correlation ID: x - Correlation ID: x - ` +
    `Trace ID: 0b5a1d3e-1111-2222-3333-444455556666`,
});

describe('sign-in errors in words a developer can act on', () => {
  it.each([
    [50076, 'sign_in_required', /multi-factor authentication.*interactive sign-in/],
    [53003, 'sign_in_required', /Conditional Access policy in tenant contoso blocked/],
    [65001, 'sign_in_required', /no consent.*accept the consent prompt/],
    [65002, 'client_not_preauthorized', /sign-in app 04b07795.* cannot get tokens for this service.*Register my app.*service principal/],
    [70043, 'sign_in_required', /expired under the tenant's session policy\. Sign in again/],
    [700082, 'sign_in_required', /expired after 90 days without use\. Sign in again/],
    [700016, 'sign_in_required', /client ID 04b07795.* is not known in tenant contoso.*Settings/],
    [7000215, 'sign_in_required', /client secret is wrong or expired/],
  ])('AADSTS%i → %s', (code, errorCode, message) => {
    const error = signInError(msalServerError(code), { tenant: 'contoso', clientId: '04b07795-8ddb-461a-bbee-02f9e1bf7b46', who: 'Adele' });
    expect(error).toBeInstanceOf(AppError);
    expect(error.code).toBe(errorCode);
    expect(error.message).toMatch(message);
    expect(error.message).toContain(`(AADSTS${code})`);
    // The description may hold a user name or more: only the code is carried over.
    expect(error.message).not.toContain('Something about');
  });

  it('words an unknown AADSTS code with a link to look it up', () => {
    expect(signInError(msalServerError(9999999)).message).toMatch(/AADSTS9999999 .*login\.microsoftonline\.com\/error\?code=9999999/);
  });

  it('says the network is down and names the authority host', () => {
    const error = signInError(
      { errorCode: 'network_error', errorMessage: 'Network request failed: fetch failed' },
      { authorityHost: 'https://login.microsoftonline.com' },
    );
    expect(error).toMatchObject({ code: 'network', message: expect.stringContaining('https://login.microsoftonline.com') });
  });

  it('reads an error sent to the redirect URI, and treats a plain access_denied as a cancel', () => {
    expect(signInError(new AuthorizeError('interaction_required', 'AADSTS53003: blocked'))).toMatchObject({
      message: expect.stringContaining('Conditional Access'),
    });
    expect(signInError(new AuthorizeError('access_denied', 'AADSTS65004: User declined to consent'))).toMatchObject({
      message: expect.stringContaining('Consent was declined'),
    });
  });

  it('asks for a new sign-in when MSAL needs interaction, and keeps an AppError as it is', () => {
    expect(signInError({ errorCode: 'no_tokens_found', errorMessage: '' }, { who: 'Adele' }).message).toBe(
      'The sign-in of Adele needs you again. Sign in again to continue.',
    );
    const own = new AppError('cancelled', 'Sign-in cancelled.');
    expect(signInError(own)).toBe(own);
  });

  it('finds the AADSTS code in MSAL text', () => {
    expect(aadstsCode('Description: AADSTS700082: The refresh token has expired')).toBe(700082);
    expect(aadstsCode('nothing here')).toBeUndefined();
  });
});
