import type { AuthenticationResult, DeviceCodeRequest, PublicClientApplication } from '@azure/msal-node';

type DeviceCodeResponse = Parameters<DeviceCodeRequest['deviceCodeCallback']>[0];
import { randomUUID } from 'node:crypto';
import { AppError } from '../../../shared/errors.ts';
import type { EntraHttpClient } from './entra-http-client.ts';

/**
 * Device-code sign-in: Entra gives a code and a URL the user opens on any device; MSAL polls the
 * token endpoint until the user finishes. Returns once the code is known; `result` settles when
 * the user finishes, the code expires, or the user cancels (MSAL stops at its next poll).
 */
export interface DeviceCodeSignIn {
  userCode: string;
  verificationUri: string;
  /** Entra's own instruction sentence. */
  message: string;
  expiresAt: string;
  result: Promise<AuthenticationResult>;
  cancel(): void;
}

/** `http` is the applications' client: it kept Entra's error, which MSAL's poller drops. */
export function startDeviceCodeSignIn(app: PublicClientApplication, scopes: string[], http?: EntraHttpClient): Promise<DeviceCodeSignIn> {
  const correlationId = randomUUID();
  return new Promise<DeviceCodeSignIn>((resolveStarted, rejectStarted) => {
    let started = false;
    let cancelResult: ((error: AppError) => void) | undefined;
    const request: DeviceCodeRequest = {
      scopes,
      correlationId,
      deviceCodeCallback: (response: DeviceCodeResponse) => {
        // MSAL passes the device-code endpoint's answer on unchecked: an error (unknown client,
        // tenant not found) arrives as a response with no code, which must stop the flow here.
        if (!response.userCode || !response.deviceCode) {
          request.cancel = true;
          const entra = http?.lastError(correlationId);
          throw entra
            ? { errorCode: entra.error, errorMessage: entra.error_description ?? '' }
            : new AppError(
                'sign_in_required',
                'Entra ID did not return a device code. Check the cloud profile, tenant and client ID in Settings.',
              );
        }
        started = true;
        resolveStarted({
          userCode: response.userCode,
          verificationUri: response.verificationUri,
          message: response.message,
          expiresAt: new Date(Date.now() + response.expiresIn * 1000).toISOString(),
          result: settled,
          cancel: () => {
            request.cancel = true; // MSAL reads this on its next poll
            cancelResult?.(new AppError('cancelled', 'Sign-in cancelled.'));
          },
        });
      },
    };
    const polled = app.acquireTokenByDeviceCode(request).then(
      (result) => {
        if (!result) throw new AppError('sign_in_required', 'Entra ID returned no token for the device code. Start the sign-in again.');
        return result;
      },
      (error: unknown) => {
        const entra = http?.lastError(correlationId);
        throw entra ? { errorCode: entra.error, errorMessage: entra.error_description ?? '' } : error;
      },
    );
    const cancelled = new Promise<never>((_, reject) => (cancelResult = reject));
    const settled = Promise.race([polled, cancelled]);
    settled.catch(() => undefined);
    // A failure before any code arrived (tenant unknown, network down) fails the start itself.
    polled.catch((error: unknown) => {
      if (!started) rejectStarted(error);
    });
  });
}
