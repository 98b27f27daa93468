import { createServer, type IncomingMessage, type RequestListener, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { AppError } from '../../../shared/errors.ts';

/**
 * The loopback redirect target of an interactive sign-in (auth code + PKCE, RFC 8252 §7.3).
 * MSAL Node 7 no longer accepts a custom loopback client and its own has no timeout, so the app
 * runs this one and redeems the code through MSAL itself: it binds 127.0.0.1 and [::1] on one
 * port, answers only `/`, accepts only a response carrying the state it was started with, gives
 * up after a timeout or on cancel, and closes in every case (the port is free again once `closed`
 * resolves).
 *
 * Both families, because the redirect URI names `localhost` and browsers try [::1] first: a
 * listener on 127.0.0.1 alone leaves [::1]:port to whoever binds it, and that user receives the
 * redirect (PKCE stops them redeeming the code, but the sign-in is hijacked or blocked).
 */

export interface AuthorizationResponse {
  code: string;
  /** Entra's `client_info` (uid/utid), which MSAL uses to name the account. */
  clientInfo: string | undefined;
}

export interface LoopbackListener {
  /** `http://localhost:<port>/`: what the authorize request names as its redirect URI. */
  redirectUri: string;
  port: number;
  /** The browser's answer: the code, or an AppError (Entra's error, timed out, cancelled). */
  response: Promise<AuthorizationResponse>;
  /** Stops waiting: `response` rejects with `cancelled`. */
  cancel(): void;
  /** Resolves once both sockets are closed. */
  closed: Promise<void>;
}

export interface LoopbackOptions {
  /** The `state` sent in the authorize request. */
  expectedState: string;
  timeoutMs?: number;
  /** Page shown in the browser tab once the app has the code. */
  successHtml?: string;
  /** The port to try on each attempt (0: the OS picks one free on 127.0.0.1); tests pick it themselves. */
  choosePort?: (attempt: number) => number;
}

export const defaultSignInTimeoutMs = 5 * 60_000;
const maxBodyBytes = 64 * 1024;
/** Ports tried before giving up when [::1] is taken on each one (a squatter, or chance). */
const maxPortAttempts = 10;

const page = (title: string, text: string): string =>
  `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${title}</title></head><body ` +
  `style="font-family:system-ui,sans-serif;max-width:36rem;margin:4rem auto;padding:0 1rem"><h1 ` +
  `style="font-size:1.4rem">${title}</h1><p>${text}</p></body></html>`;

const defaultSuccess = page('Signed in', 'Azure Credential Manager has your sign-in. You can close this tab and return to the app.');

export async function startLoopbackListener(options: LoopbackOptions): Promise<LoopbackListener> {
  let settle!: { resolve: (r: AuthorizationResponse) => void; reject: (e: AppError) => void };
  const response = new Promise<AuthorizationResponse>((resolve, reject) => (settle = { resolve, reject }));
  // The caller may cancel before awaiting; a rejection with no handler yet must not crash the process.
  response.catch(() => undefined);
  let done = false;

  const onRequest: RequestListener = (req, res) => {
    void handle(req, res).catch(() => reply(res, 400, page('Sign-in failed', 'The sign-in response could not be read.')));
  };
  const { servers, port } = await listenOnLoopback(onRequest, options.choosePort ?? (() => 0));
  const closed = Promise.all(servers.map((server) => new Promise<void>((resolve) => server.once('close', () => resolve())))).then(
    () => undefined,
  );

  const finish = (outcome: { ok: AuthorizationResponse } | { error: AppError }): void => {
    if (done) return;
    done = true;
    clearTimeout(timer);
    if ('ok' in outcome) settle.resolve(outcome.ok);
    else settle.reject(outcome.error);
    for (const server of servers) server.close();
    // Keep-alive sockets would hold the port open after close(); the answer page is already sent.
    setImmediate(() => servers.forEach((server) => server.closeAllConnections()));
  };

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://localhost');
    if (url.pathname !== '/' || (req.method !== 'GET' && req.method !== 'POST')) return reply(res, 404, page('Not found', 'Nothing here.'));
    const fields = req.method === 'POST' ? await readForm(req) : url.searchParams;
    const code = fields.get('code');
    const error = fields.get('error');
    // Favicon probes and reloads of the finished page carry neither.
    if (!code && !error) return reply(res, 200, done ? defaultSuccess : page('Waiting for sign-in', 'Finish signing in in the other tab.'));
    if (done || fields.get('state') !== options.expectedState) {
      return reply(
        res,
        400,
        page(
          'Sign-in not accepted',
          'This answer does not belong to the sign-in the app is waiting for. Start the sign-in again from the app.',
        ),
      );
    }
    if (error) {
      reply(res, 200, page('Sign-in failed', 'Return to the app to see what went wrong.'));
      return finish({ error: entraError(error, fields.get('error_description') ?? '') });
    }
    reply(res, 200, options.successHtml ?? defaultSuccess);
    finish({ ok: { code: code ?? '', clientInfo: fields.get('client_info') ?? undefined } });
  }

  const timeoutMs = options.timeoutMs ?? defaultSignInTimeoutMs;
  const minutes = Math.max(1, Math.round(timeoutMs / 60_000));
  const timer = setTimeout(
    () =>
      finish({
        error: new AppError(
          'cancelled',
          `The sign-in timed out: nothing came back from the browser within ${minutes} minute${minutes === 1 ? '' : 's'}. Start ` +
            `it again and finish it in the browser tab it opens.`,
        ),
      }),
    timeoutMs,
  );
  timer.unref();

  return {
    redirectUri: `http://localhost:${port}/`,
    port,
    response,
    cancel: () => finish({ error: new AppError('cancelled', 'Sign-in cancelled.') }),
    closed,
  };
}

/**
 * Listens on 127.0.0.1:P and [::1]:P with the same handler. When [::1]:P is taken, both are let go
 * and another P is tried, a bounded number of times. A machine without IPv6 (no ::1 to bind) gets
 * 127.0.0.1 alone: nobody can listen on [::1] there either, and browsers fall back to 127.0.0.1.
 */
async function listenOnLoopback(
  onRequest: RequestListener,
  choosePort: (attempt: number) => number,
): Promise<{ servers: Server[]; port: number }> {
  for (let attempt = 0; attempt < maxPortAttempts; attempt++) {
    const ipv4 = createServer(onRequest);
    let port: number;
    try {
      port = await listen(ipv4, choosePort(attempt), '127.0.0.1');
    } catch (error) {
      if (errnoCode(error) === 'EADDRINUSE') continue; // a chosen port that is taken on 127.0.0.1
      throw error;
    }
    const ipv6 = createServer(onRequest);
    try {
      await listen(ipv6, port, '::1');
      return { servers: [ipv4, ipv6], port };
    } catch (error) {
      const code = errnoCode(error);
      if (code === 'EADDRNOTAVAIL' || code === 'EAFNOSUPPORT') return { servers: [ipv4], port };
      await new Promise<void>((resolve) => ipv4.close(() => resolve()));
      if (code !== 'EADDRINUSE') throw error;
    }
  }
  throw new AppError(
    'network',
    `The sign-in could not listen for the browser's answer: another program holds [::1] on each of ${maxPortAttempts} ports ` +
      `tried. Try again, or sign in with a device code instead.`,
  );
}

function listen(server: Server, port: number, host: string): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve((server.address() as AddressInfo).port);
    });
  });
}

function errnoCode(error: unknown): string | undefined {
  return (error as NodeJS.ErrnoException | undefined)?.code;
}

/** An error Entra sent back to the redirect URI: carried with its AADSTS text so sign-in-errors.ts can word it. */
export class AuthorizeError extends AppError {
  readonly error: string;
  readonly description: string;
  constructor(error: string, description: string) {
    super('sign_in_required', `Entra ID refused the sign-in (${error}).`);
    this.name = 'AuthorizeError';
    this.error = error;
    this.description = description;
  }
}

function entraError(error: string, description: string): AppError {
  if (error === 'access_denied' && !/AADSTS/.test(description))
    return new AppError('cancelled', 'The sign-in was cancelled in the browser.');
  return new AuthorizeError(error.slice(0, 100), description.slice(0, 2000));
}

function reply(res: ServerResponse, status: number, html: string): void {
  if (res.headersSent) return;
  res.writeHead(status, {
    'Content-Type': 'text/html; charset=utf-8',
    'Cache-Control': 'no-store',
    'Content-Security-Policy': "default-src 'none'; style-src 'unsafe-inline'",
    'Referrer-Policy': 'no-referrer',
    Connection: 'close',
  });
  res.end(html);
}

async function readForm(req: IncomingMessage): Promise<URLSearchParams> {
  if ((req.headers['content-type'] ?? '').split(';')[0]?.trim() !== 'application/x-www-form-urlencoded') return new URLSearchParams();
  let size = 0;
  const chunks: Buffer[] = [];
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > maxBodyBytes) throw new Error('body too large');
    chunks.push(chunk);
  }
  return new URLSearchParams(Buffer.concat(chunks).toString('utf8'));
}
