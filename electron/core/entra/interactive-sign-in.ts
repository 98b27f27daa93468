import { randomBytes } from 'node:crypto';
import type { AuthenticationResult, PublicClientApplication } from '@azure/msal-node';
import { startLoopbackListener, type LoopbackListener } from './loopback-listener.ts';
import { loadMsal } from './msal-apps.ts';

/**
 * Interactive sign-in: authorization code with PKCE (S256) in the user's browser, the answer
 * caught by our loopback listener and redeemed by MSAL (which then caches the account and its
 * refresh token). Returns as soon as the browser can be sent to Entra; `result` settles when the
 * user finishes, cancels, or the listener times out.
 */
export interface InteractiveSignIn {
  /** The Entra authorize URL to open in the browser. */
  authUrl: string;
  result: Promise<AuthenticationResult>;
  cancel(): void;
  /** The listener's port (tests assert it is closed afterwards). */
  port: number;
  closed: Promise<void>;
}

export interface InteractiveOptions {
  scopes: string[];
  loginHint?: string;
  /** `select_account` (lets the user pick or add an account) is the default when no login hint is given. */
  prompt?: 'select_account' | 'login' | 'consent';
  timeoutMs?: number;
}

export async function startInteractiveSignIn(app: PublicClientApplication, options: InteractiveOptions): Promise<InteractiveSignIn> {
  const { CryptoProvider } = await loadMsal();
  const { verifier, challenge } = await new CryptoProvider().generatePkceCodes();
  const state = randomBytes(24).toString('base64url');
  const listener: LoopbackListener = await startLoopbackListener(
    options.timeoutMs === undefined ? { expectedState: state } : { expectedState: state, timeoutMs: options.timeoutMs },
  );
  try {
    const authUrl = await app.getAuthCodeUrl({
      scopes: options.scopes,
      redirectUri: listener.redirectUri,
      codeChallenge: challenge,
      codeChallengeMethod: 'S256',
      state,
      responseMode: 'form_post',
      // MSAL drops the login hint under select_account (Entra refuses both: msal-common Authorize.ts), so a hint goes without a prompt.
      ...(options.loginHint ? { loginHint: options.loginHint } : { prompt: 'select_account' }),
      ...(options.prompt ? { prompt: options.prompt } : {}),
    });
    const result = listener.response.then((answer) =>
      app.acquireTokenByCode({
        code: answer.code,
        codeVerifier: verifier,
        redirectUri: listener.redirectUri,
        scopes: options.scopes,
        ...(answer.clientInfo ? { clientInfo: answer.clientInfo } : {}),
      }),
    );
    result.catch(() => undefined);
    return { authUrl, result, cancel: () => listener.cancel(), port: listener.port, closed: listener.closed };
  } catch (error) {
    listener.cancel();
    throw error;
  }
}
