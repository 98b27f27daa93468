import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { sessionSecretHeader, signedOutPath, signOutPath } from '../../shared/browser-session.ts';
import { contentSecurityPolicy } from '../core/platform/content-security-policy.ts';
import { dispatch } from '../core/api.ts';
import type { Core } from '../core/core.ts';
import { eventsPath } from '../../shared/events.ts';
import { BrowserSessions, type SessionCheck } from './browser-sessions.ts';
import { EventStreams } from './event-stream.ts';
import { freshLinkHint, launchPageHtml, launchPagePolicy, launchPageScript, signedOutPageHtml } from './launch-page.ts';
import { LaunchTokens } from './launch-tokens.ts';
import { readCookie, RequestGuards } from './request-guards.ts';
import { readStaticFile } from '../core/platform/static-files.ts';

export interface WebServerOptions {
  core: Core;
  /** The built renderer; defaults to this checkout's dist/renderer. */
  staticDir?: string;
  /** 0 (the default) picks a free port. */
  port?: number;
  /** How long a launch link works if unused (default a minute). */
  launchLinkMs?: number;
  /** How long a browser may sit idle before its session ends (default 4 hours). */
  sessionIdleMs?: number;
  /** How often an event stream gets its heartbeat and its session is checked (default 15 s). */
  eventHeartbeatMs?: number;
}

/** A launch link: it works once, until `expiresAt`; `spent` resolves when it no longer works. */
export interface LaunchLink {
  url: string;
  expiresAt: number;
  spent: Promise<void>;
}

export interface WebServer {
  /** The app's address, without credentials. */
  url: string;
  port: number;
  /** A fresh single-use launch link (its token in the fragment); it ends any link handed out before. */
  newLaunchLink(): LaunchLink;
  close(): Promise<void>;
}

/** Where `npm run build:renderer` puts the renderer in this checkout. */
export const builtRendererDir = fileURLToPath(new URL('../../dist/renderer', import.meta.url));

const maxBodyBytes = 1024 * 1024;
const inFlightGraceMs = 5_000;
export const defaultLaunchLinkMs = 60_000;
export const defaultSessionIdleMs = 4 * 60 * 60_000;

/**
 * One user's browser needs a handful of connections; the cap and the short header timeout keep a
 * flood of half-open sockets from holding the host (Node's own header timeout is 60 s, checked every 30 s).
 */
export const connectionLimits = {
  maxConnections: 64,
  headersTimeout: 5_000,
  requestTimeout: 30_000,
  connectionsCheckingInterval: 1_000,
} as const;

/** Powerful features the app never uses, denied to it and to anything that might get into it. */
export const permissionsPolicy = [
  'accelerometer',
  'autoplay',
  'bluetooth',
  'camera',
  'display-capture',
  'encrypted-media',
  'geolocation',
  'gyroscope',
  'hid',
  'idle-detection',
  'magnetometer',
  'microphone',
  'midi',
  'payment',
  'publickey-credentials-get',
  'screen-wake-lock',
  'serial',
  'usb',
  'xr-spatial-tracking',
]
  .map((feature) => `${feature}=()`)
  .join(', ');

const securityHeaders = {
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'X-Frame-Options': 'DENY',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
  'Permissions-Policy': permissionsPolicy,
};

/**
 * Browser mode: the contract over HTTP on 127.0.0.1, for machines where Electron cannot run. A
 * launch link carries a single-use, short-lived token (256 random bits) in its fragment; the page
 * at /auth trades it for an HttpOnly, SameSite=Strict session cookie and a session secret it keeps
 * in sessionStorage. Every /api/ call needs both, so a cookie replayed from another port on
 * 127.0.0.1 is refused. Every request passes the Host/Origin guards first; there are no CORS
 * headers, so no other origin can read a response.
 */
export async function startWebServer(options: WebServerOptions): Promise<WebServer> {
  const launchTokens = new LaunchTokens(options.launchLinkMs ?? defaultLaunchLinkMs);
  const sessions = new BrowserSessions(options.sessionIdleMs ?? defaultSessionIdleMs);
  const streams = new EventStreams(
    (listener) => options.core.events.subscribe(listener),
    (cookie) => sessions.check(cookie) === 'ok',
    options.eventHeartbeatMs,
  );
  const staticDir = path.resolve(options.staticDir ?? builtRendererDir);
  const { maxConnections, ...timeouts } = connectionLimits;
  const server = createServer(timeouts);
  server.maxConnections = maxConnections;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  const guards = new RequestGuards(port);
  const cookieName = `azcred_session_${port}`; // cookies ignore ports: one name per server keeps two apart
  // Attached in the same tick as `listening` resolves, before any request can have been parsed.
  // Requests still being handled; close() lets them finish, so a write the core began is never cut
  // off half-way by the host going away (the data folder may be removed right after).
  const inFlight = new Set<Promise<void>>();
  server.on('request', (req: IncomingMessage, res: ServerResponse) => {
    const handling = handle(req, res)
      .catch(() => {
        if (!res.headersSent) send(res, 500, 'text/plain; charset=utf-8', 'Internal error');
        else res.destroy();
      })
      .finally(() => inFlight.delete(handling));
    inFlight.add(handling);
  });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const isApi = url.pathname.startsWith('/api/') || url.pathname === signOutPath;
    const isRead = req.method === 'GET' || req.method === 'HEAD';
    const page = isRead ? sessionlessPages[url.pathname] : undefined;
    // The launcher file (a file: page) navigates to /auth, which browsers mark cross-site.
    const refusal = guards.refusal(req, { requireOrigin: !isRead, fromAnySite: page !== undefined });
    if (refusal) return refuse(res, 403, refusal, isApi);
    if (page) return sendPage(res, req.method ?? 'GET', page);
    if (url.pathname === '/auth' && req.method === 'POST') return signIn(req, res);

    const cookie = readCookie(req, cookieName);
    const check = sessions.check(cookie, isApi ? String(req.headers[sessionSecretHeader.toLowerCase()] ?? '') : undefined);
    if (check !== 'ok') return refuse(res, 401, whyNoSession[check], isApi);

    if (url.pathname === signOutPath) {
      if (req.method !== 'POST') return refuse(res, 405, 'use POST', true);
      if (cookie) {
        sessions.end(cookie);
        streams.endSession(cookie);
      }
      res.writeHead(200, {
        ...securityHeaders,
        'Content-Type': 'application/json; charset=utf-8',
        'Cache-Control': 'no-store',
        'Set-Cookie': `${cookieName}=; Path=/; HttpOnly; SameSite=Strict; Max-Age=0`,
      });
      res.end(JSON.stringify({ ok: true, value: null }));
      return;
    }

    // A passed check means a cookie was sent.
    if (url.pathname === eventsPath && cookie) {
      if (req.method !== 'GET') return refuse(res, 405, 'use GET', true);
      return streams.open(cookie, res, securityHeaders);
    }

    if (isApi) {
      if (req.method !== 'POST') return refuse(res, 405, 'use POST', true);
      const input = await readJsonBody(req, res);
      if (!input) return;
      const method = methodFromPath(url.pathname.slice('/api/'.length));
      return sendJson(res, 200, await dispatch(options.core, method, input.value));
    }

    if (req.method !== 'GET' && req.method !== 'HEAD') return refuse(res, 405, 'method not allowed', false);
    const file = await readStaticFile(staticDir, url.pathname);
    if (!file) return refuse(res, 404, 'not found', false);
    res.writeHead(200, {
      ...securityHeaders,
      'Content-Type': file.contentType,
      'Content-Security-Policy': contentSecurityPolicy('browser'),
      'Cache-Control': file.immutable ? 'private, max-age=31536000, immutable' : 'no-store',
    });
    res.end(req.method === 'HEAD' ? undefined : file.body);
  }

  /** POST /auth {token}: a launch token, once, for the cookie and the session secret. */
  async function signIn(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const input = await readJsonBody(req, res);
    if (!input) return;
    const offered = (input.value as { token?: unknown } | undefined)?.token;
    if (typeof offered !== 'string' || !launchTokens.redeem(offered))
      return refuse(res, 401, 'the launch link has been used already or has expired', true);
    const session = sessions.create();
    res.writeHead(200, {
      ...securityHeaders,
      'Content-Type': 'application/json; charset=utf-8',
      'Set-Cookie': `${cookieName}=${session.cookie}; Path=/; HttpOnly; SameSite=Strict`,
      'Cache-Control': 'no-store',
    });
    res.end(JSON.stringify({ secret: session.secret }));
  }

  const url = `http://127.0.0.1:${port}/`;
  return {
    url,
    port,
    newLaunchLink: () => {
      const token = launchTokens.mint();
      return { url: `${url}auth#token=${token.value}`, expiresAt: token.expiresAt, spent: token.spent };
    },
    close: async () => {
      launchTokens.revoke();
      streams.close();
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeIdleConnections();
      // Bounded: a call that waits on the user (a sign-in) is ended by core.close(), not waited for.
      await Promise.race([Promise.allSettled([...inFlight]), new Promise((resolve) => setTimeout(resolve, inFlightGraceMs).unref())]);
      server.closeAllConnections();
      await closed;
    },
  };
}

/** Pages served to anyone who passes the Host/Origin guards: they hold nothing secret. */
const sessionlessPages: Record<string, { type: string; body: string }> = {
  '/auth': { type: 'text/html; charset=utf-8', body: launchPageHtml },
  '/auth.js': { type: 'text/javascript; charset=utf-8', body: launchPageScript },
  [signedOutPath]: { type: 'text/html; charset=utf-8', body: signedOutPageHtml },
};

const whyNoSession: Record<Exclude<SessionCheck, 'ok'>, string> = {
  'no-session': 'not signed in to this browser-mode session',
  expired: 'this browser-mode session ended after being idle',
  'no-secret': "the call does not carry this page's session secret",
};

function sendPage(res: ServerResponse, method: string, page: { type: string; body: string }): void {
  res.writeHead(200, {
    ...securityHeaders,
    'Content-Type': page.type,
    'Content-Security-Policy': launchPagePolicy,
    'Cache-Control': 'no-store',
  });
  res.end(method === 'HEAD' ? undefined : page.body);
}

/**
 * A JSON request body, parsed; when it is not one, the refusal is sent and undefined returned.
 * An empty body is `{ value: undefined }`.
 */
async function readJsonBody(req: IncomingMessage, res: ServerResponse): Promise<{ value: unknown } | undefined> {
  if (!/^application\/json\b/i.test(req.headers['content-type'] ?? '')) return void refuse(res, 415, 'expected application/json', true);
  const body = await readBody(req);
  if (body === undefined) return void refuse(res, 413, 'request too large', true);
  try {
    return { value: body.length ? JSON.parse(body) : undefined };
  } catch {
    return void sendJson(res, 400, { ok: false, error: { code: 'invalid_input', message: 'The request body is not valid JSON.' } });
  }
}

/**
 * The body as text, or undefined when it is over the limit. An over-long body is read to its end
 * and dropped, so the caller gets its 413 instead of a connection cut mid-upload; one far over
 * the limit (8 times) is cut off.
 */
function readBody(req: IncomingMessage): Promise<string | undefined> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= maxBodyBytes) chunks.push(chunk);
      else if (size > 8 * maxBodyBytes) {
        resolve(undefined);
        req.destroy();
      }
    });
    req.on('end', () => resolve(size > maxBodyBytes ? undefined : Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

/** The method a path names; a malformed %-escape names none, so it is passed on as sent (an unknown method). */
function methodFromPath(encoded: string): string {
  try {
    return decodeURIComponent(encoded);
  } catch {
    return encoded;
  }
}

function sendJson(res: ServerResponse, status: number, value: unknown): void {
  send(res, status, 'application/json; charset=utf-8', JSON.stringify(value));
}

function send(res: ServerResponse, status: number, contentType: string, body: string): void {
  res.writeHead(status, { ...securityHeaders, 'Content-Type': contentType, 'Cache-Control': 'no-store' });
  res.end(body);
}

function refuse(res: ServerResponse, status: number, reason: string, asJson: boolean): void {
  if (asJson) {
    const code = status === 401 || status === 403 ? 'forbidden' : 'invalid_input';
    return sendJson(res, status, { ok: false, error: { code, message: `Refused: ${reason}.` } });
  }
  const hint = status === 401 ? ` ${freshLinkHint}` : '';
  send(res, status, 'text/plain; charset=utf-8', `Refused: ${reason}.${hint}\n`);
}
