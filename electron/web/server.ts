import { createHash, randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { contentSecurityPolicy } from '../content-security-policy.ts';
import { dispatch } from '../core/api.ts';
import type { Core } from '../core/core.ts';
import { readCookie, RequestGuards, secretsEqual } from './request-guards.ts';
import { readStaticFile } from './static-files.ts';

export interface WebServerOptions {
  core: Core;
  /** The built renderer; defaults to this checkout's dist/renderer. */
  staticDir?: string;
  /** 0 (the default) picks a free port. */
  port?: number;
}

export interface WebServer {
  /** The app's address, without credentials. */
  url: string;
  /** The one-time address that carries the launch token; it is traded for a session cookie. */
  launchUrl: string;
  port: number;
  close(): Promise<void>;
}

/** Where `npm run build:renderer` puts the renderer in this checkout. */
export const builtRendererDir = fileURLToPath(new URL('../../dist/renderer', import.meta.url));

const maxBodyBytes = 1024 * 1024;
const inFlightGraceMs = 5_000;

const securityHeaders = {
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'X-Frame-Options': 'DENY',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
};

/**
 * Browser mode: the contract over HTTP on 127.0.0.1, for machines where Electron cannot run. The
 * launch token (256 random bits) is printed once; the browser trades it at /auth for an HttpOnly,
 * SameSite=Strict session cookie. Every request passes the Host/Origin guards first; there are no
 * CORS headers, so no other origin can read a response.
 */
export async function startWebServer(options: WebServerOptions): Promise<WebServer> {
  const launchToken = randomBytes(32).toString('base64url');
  const sessions = new Set<string>();
  const hash = (value: string) => createHash('sha256').update(value).digest('hex');
  const staticDir = path.resolve(options.staticDir ?? builtRendererDir);
  const server = createServer();
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
    const isApi = url.pathname.startsWith('/api/');
    const refusal = guards.refusal(req, { requireOrigin: req.method !== 'GET' && req.method !== 'HEAD' });
    if (refusal) return refuse(res, 403, refusal, isApi);

    if (url.pathname === '/auth' && req.method === 'GET') {
      const offered = url.searchParams.get('token') ?? '';
      if (!secretsEqual(offered, launchToken)) return refuse(res, 401, 'the launch link is not valid', false);
      const session = randomBytes(32).toString('base64url');
      sessions.add(hash(session));
      res.writeHead(303, {
        ...securityHeaders,
        Location: '/',
        'Set-Cookie': `${cookieName}=${session}; Path=/; HttpOnly; SameSite=Strict`,
        'Cache-Control': 'no-store',
      });
      res.end();
      return;
    }

    const session = readCookie(req, cookieName);
    if (!session || !sessions.has(hash(session))) return refuse(res, 401, 'not signed in to this browser-mode session', isApi);

    if (isApi) {
      if (req.method !== 'POST') return refuse(res, 405, 'use POST', true);
      if (!/^application\/json\b/i.test(req.headers['content-type'] ?? '')) return refuse(res, 415, 'expected application/json', true);
      const body = await readBody(req);
      if (body === undefined) return refuse(res, 413, 'request too large', true);
      let input: unknown;
      try {
        input = body.length ? JSON.parse(body) : undefined;
      } catch {
        return sendJson(res, 400, { ok: false, error: { code: 'invalid_input', message: 'The request body is not valid JSON.' } });
      }
      const method = methodFromPath(url.pathname.slice('/api/'.length));
      return sendJson(res, 200, await dispatch(options.core, method, input));
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

  const url = `http://127.0.0.1:${port}/`;
  return {
    url,
    launchUrl: `${url}auth?token=${launchToken}`,
    port,
    close: async () => {
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeIdleConnections();
      // Bounded: a call that waits on the user (a sign-in) is ended by core.close(), not waited for.
      await Promise.race([Promise.allSettled([...inFlight]), new Promise((resolve) => setTimeout(resolve, inFlightGraceMs).unref())]);
      server.closeAllConnections();
      await closed;
    },
  };
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
  const hint = status === 401 ? ' Open the link that `npm start` printed in the terminal.' : '';
  send(res, status, 'text/plain; charset=utf-8', `Refused: ${reason}.${hint}\n`);
}
