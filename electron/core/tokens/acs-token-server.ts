import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { ActivityEntryInput, ActivityRecipient } from '../../../shared/activity.ts';
import { AppError, type ErrorCode } from '../../../shared/errors.ts';
import { acsScopes, isAcsScope, type AcsScope } from '../../../shared/tokens.ts';

/**
 * `azcred serve acs`: the small backend every ACS prototype writes first, on 127.0.0.1. It answers
 * the routes the official sample apps call, in the shapes their own servers send:
 *
 * - `GET|POST /token[?scope=chat,voip]` → a new ACS identity and its token,
 *   `{ token, expiresOn, user: { communicationUserId } }` (Azure-Samples/communication-services-web-calling-hero
 *   and communication-services-web-chat-hero, Server/src/routes/issueToken.ts: the identity SDK's
 *   createUserAndToken sent as JSON; the scope comes from the query on GET, from the body on POST);
 * - `POST /refreshToken/{communicationUserId}` → a fresh token for that identity,
 *   `{ user: { communicationUserId }, token, expiresOn }` (Server/src/routes/refreshToken.ts in both);
 * - `GET /getEndpointUrl` → the resource's endpoint as text (Server/src/routes/getEndpointUrl.ts).
 *
 * The samples' pages call these same-origin through their dev server's proxy, and their
 * tokenRefresher (Chat/src/app/utils/credential.ts) reads `.token` of the refresh answer.
 *
 * Unlike the samples (`cors()`, any origin), a browser page of another origin is refused, and CORS
 * headers go only to the allowed one: any page the user opens could otherwise mint tokens here. A
 * Host other than this server's or the allowed origin's is refused too, so a DNS-rebound page
 * cannot reach it without an Origin. A local process that sends no Origin is served: that is what
 * a prototype's own backend or test does, and any local process could read the key's tokens anyway.
 */

export interface ServedToken {
  token: string;
  /** ISO time. */
  expiresOn: string;
  communicationUserId: string;
  /** The kept token's id, for the access log. */
  tokenId: string;
}

/** Where tokens come from: the front door mints them through the core (the stored key or an Entra identity). */
export interface AcsTokenMinter {
  /** A new ACS identity, remembered under `label`, with a token for `scopes`. */
  forNewUser(scopes: AcsScope[], label: string): Promise<ServedToken>;
  /** A token for an identity the app remembers for this resource; `not_found` for any other. */
  forUser(communicationUserId: string, scopes: AcsScope[]): Promise<ServedToken>;
}

export interface AcsTokenServerOptions {
  /** 0 picks a free port. */
  port: number;
  /** `scheme://host[:port]`, as a browser sends it in `Origin`. */
  allowedOrigin: string;
  /** The scopes served when a request names none, and the most a request may ask for. */
  scopes: AcsScope[];
  /** The resource's endpoint, for `/getEndpointUrl`. */
  endpoint: string;
  account: { id: string; name: string };
  /** The Entra identity that pays, when not the access key. */
  identity?: { id: string; name: string } | undefined;
  sessionId: string;
  minter: AcsTokenMinter;
  activity: { record(entry: ActivityEntryInput, to?: Partial<Pick<ActivityRecipient, 'program'>>): Promise<unknown> };
  /** One line about each token served or refused, for the terminal (never a token). */
  report(line: string): void;
}

export interface RunningAcsTokenServer {
  /** `http://127.0.0.1:PORT`. */
  url: string;
  port: number;
  /** Stops listening, ends open connections and records the end; safe to call twice. */
  close(): Promise<void>;
}

const host = '127.0.0.1';
/** A page that sends no Origin (a same-origin GET through the sample's proxy, a script, a test) is named so in the log. */
const noOrigin = 'a local process (no Origin header)';

/** The Origin form of a URL the user gave (`http://localhost:3000/` → `http://localhost:3000`), or an error saying what is wrong. */
export function originOf(text: string): string {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new AppError('invalid_input', `--allow-origin takes a page's origin such as http://localhost:3000, not "${text}".`);
  }
  if (!['http:', 'https:'].includes(url.protocol) || url.username || url.password || (url.pathname !== '/' && url.pathname !== ''))
    throw new AppError(
      'invalid_input',
      `--allow-origin takes an origin alone (scheme, host and port) such as http://localhost:3000, not "${text}".`,
    );
  if (url.search || url.hash) throw new AppError('invalid_input', `--allow-origin takes no query or fragment: give ${url.origin}.`);
  return url.origin;
}

/** Listens on 127.0.0.1; a port in use is the command line's mistake, reported before anything is recorded. */
export async function startAcsTokenServer(options: AcsTokenServerOptions): Promise<RunningAcsTokenServer> {
  const server = createServer((req, res) => void answer(options, req, res, allowedHosts));
  const allowedHosts = new Set<string>();
  await new Promise<void>((resolve, reject) => {
    server.once('error', (error: NodeJS.ErrnoException) =>
      reject(
        error.code === 'EADDRINUSE'
          ? new AppError(
              'invalid_input',
              `Port ${options.port} on ${host} is in use: stop what listens there, or give --port with another.`,
            )
          : error.code === 'EACCES'
            ? new AppError('invalid_input', `Port ${options.port} needs privileges: give --port 1024 or above.`)
            : error,
      ),
    );
    server.listen({ port: options.port, host, exclusive: true }, resolve);
  });
  const port = (server.address() as AddressInfo).port;
  for (const name of [`${host}:${port}`, `localhost:${port}`, new URL(options.allowedOrigin).host]) allowedHosts.add(name);
  const closeServer = () =>
    new Promise<void>((resolve) => {
      server.close(() => resolve());
      server.closeAllConnections();
    });
  // No token leaves before the start is on record: a log that cannot be written stops the server.
  await options.activity
    .record({
      action: 'server-start',
      kind: 'acs-token-server',
      what: `ACS token server on ${host}:${port} for ${options.allowedOrigin} (${options.scopes.join(', ')})`,
      account: options.account,
      ...(options.identity ? { identity: options.identity } : {}),
      sessionId: options.sessionId,
    })
    .catch(async (error: unknown) => {
      await closeServer();
      throw error;
    });
  let closing: Promise<void> | undefined;
  return {
    url: `http://${host}:${port}`,
    port,
    close: () =>
      (closing ??= (async () => {
        await closeServer();
        await options.activity.record({
          action: 'server-end',
          kind: 'acs-token-server',
          what: `ACS token server on ${host}:${port} stopped`,
          account: options.account,
          ...(options.identity ? { identity: options.identity } : {}),
          sessionId: options.sessionId,
        });
      })()),
  };
}

async function answer(options: AcsTokenServerOptions, req: IncomingMessage, res: ServerResponse, allowedHosts: Set<string>): Promise<void> {
  const origin = req.headers.origin;
  const url = new URL(req.url ?? '/', 'http://127.0.0.1');
  const route = `${req.method ?? ''} ${url.pathname}`;
  try {
    if (!allowedHosts.has((req.headers.host ?? '').toLowerCase()))
      return sendError(res, 403, 'HostNotAllowed', `This token server answers requests for ${[...allowedHosts].join(' or ')} only.`);
    if (origin !== undefined && origin !== options.allowedOrigin) {
      options.report(`refused ${route} from ${origin}: not the allowed origin`);
      return sendError(
        res,
        403,
        'OriginNotAllowed',
        `This token server answers pages from ${options.allowedOrigin} only, not ${origin}: restart it with --allow-origin ${origin} to serve that page.`,
      );
    }
    if (origin !== undefined) {
      res.setHeader('Access-Control-Allow-Origin', origin);
      res.setHeader('Vary', 'Origin');
    }
    if (req.method === 'OPTIONS') {
      res.setHeader('Access-Control-Allow-Methods', 'GET, POST, OPTIONS');
      res.setHeader('Access-Control-Allow-Headers', 'Content-Type');
      res.setHeader('Access-Control-Max-Age', '600');
      res.writeHead(204).end();
      return;
    }
    const body = await readBody(req);
    if (url.pathname === '/token' || url.pathname === '/token/') {
      if (req.method !== 'GET' && req.method !== 'POST') return sendError(res, 405, 'MethodNotAllowed', 'Use GET or POST /token.');
      const scopes = scopesAsked(
        options,
        req.method === 'POST'
          ? (bodyScope(body, req.headers['content-type']) ?? url.searchParams.get('scope'))
          : url.searchParams.get('scope'),
      );
      const label = `azcred serve · ${origin ?? 'local process'} · ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC`;
      const served = await options.minter.forNewUser(scopes, label.slice(0, 80));
      await recordServed(options, served, scopes, origin, 'new identity');
      return sendJson(res, 200, {
        token: served.token,
        expiresOn: served.expiresOn,
        user: { communicationUserId: served.communicationUserId },
      });
    }
    const refresh = /^\/refreshToken\/([^/]+)\/?$/.exec(url.pathname);
    if (refresh) {
      if (req.method !== 'POST' && req.method !== 'GET') return sendError(res, 405, 'MethodNotAllowed', 'Use POST /refreshToken/{id}.');
      const userId = decodeURIComponent(refresh[1] ?? '');
      const scopes = scopesAsked(options, url.searchParams.get('scope'));
      const served = await options.minter.forUser(userId, scopes);
      await recordServed(options, served, scopes, origin, 'refresh');
      return sendJson(res, 200, {
        user: { communicationUserId: served.communicationUserId },
        token: served.token,
        expiresOn: served.expiresOn,
      });
    }
    if (url.pathname === '/getEndpointUrl' || url.pathname === '/getEndpointUrl/') {
      const endpoint = new URL(options.endpoint);
      res
        .writeHead(200, { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' })
        .end(`${endpoint.protocol}//${endpoint.host}`);
      return;
    }
    sendError(res, 404, 'NotFound', `No route ${route}: this server answers /token, /refreshToken/{id} and /getEndpointUrl.`);
  } catch (error) {
    const failure =
      error instanceof AppError ? error : new AppError('internal', 'The token server failed on this request; see the terminal.');
    const status = statusFor(failure.code);
    options.report(`${route} failed (${status}): ${failure.message}`);
    const retryAfter = failure.code === 'azure_throttled' ? { 'Retry-After': '15' } : {};
    sendError(res, status, codeFor(failure.code), failure.message, retryAfter);
  }
}

/** The scopes a request names (comma-separated, as the samples send `scope`), within the server's; none named → the server's. */
function scopesAsked(options: AcsTokenServerOptions, asked: string | null | undefined): AcsScope[] {
  const named = (asked ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  if (named.length === 0) return options.scopes;
  const unknown = named.filter((s) => !isAcsScope(s));
  if (unknown.length > 0)
    throw new AppError('invalid_input', `Unknown scope ${unknown.join(', ')}: the scopes are ${acsScopes.join(', ')}.`);
  const outside = named.filter((s) => !(options.scopes as string[]).includes(s));
  if (outside.length > 0)
    throw new AppError(
      'forbidden',
      `This token server hands out ${options.scopes.join(', ')} only: restart it with --scopes ${[...new Set([...options.scopes, ...outside])].join(',')} to allow ${outside.join(', ')}.`,
    );
  return [...new Set(named)] as AcsScope[];
}

async function recordServed(
  options: AcsTokenServerOptions,
  served: ServedToken,
  scopes: AcsScope[],
  origin: string | undefined,
  why: string,
): Promise<void> {
  await options.activity.record(
    {
      action: 'serve',
      kind: 'acs-user',
      what: `ACS user token (${scopes.join(', ')}, ${why}) for ${served.communicationUserId} on ${options.account.name}`,
      account: options.account,
      ...(options.identity ? { identity: options.identity } : {}),
      tokenId: served.tokenId,
      sessionId: options.sessionId,
    },
    { program: origin ?? noOrigin },
  );
  options.report(
    `served ${scopes.join(', ')} (${why}) for ${served.communicationUserId} to ${origin ?? noOrigin}, until ${served.expiresOn}`,
  );
}

/** The scope from a POST body: JSON `{ "scope": "chat" }` or a form, as express.json and express.urlencoded read it. */
function bodyScope(body: string, contentType: string | undefined): string | undefined {
  if (!body) return undefined;
  if (contentType?.includes('application/x-www-form-urlencoded')) return new URLSearchParams(body).get('scope') ?? undefined;
  try {
    const parsed: unknown = JSON.parse(body);
    const scope = typeof parsed === 'object' && parsed !== null ? (parsed as Record<string, unknown>)['scope'] : undefined;
    return typeof scope === 'string' ? scope : undefined;
  } catch {
    throw new AppError('invalid_input', 'The request body is not JSON: send {"scope":"chat,voip"}, or the scope in the query.');
  }
}

const bodyLimit = 16 * 1024;

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    let size = 0;
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > bodyLimit) {
        reject(new AppError('invalid_input', 'The request body is larger than a token request can be.'));
        req.destroy();
      } else chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

/** What the page gets for a core error: its own mistakes as 4xx, Azure's refusals and outages as 5xx, throttling as 429. */
function statusFor(code: ErrorCode): number {
  switch (code) {
    case 'invalid_input':
      return 400;
    case 'forbidden':
      return 403;
    case 'not_found':
      return 404;
    case 'azure_throttled':
      return 429;
    case 'azure_unavailable':
    case 'vault_unavailable':
      return 503;
    case 'azure_unauthorized':
    case 'azure_forbidden':
    case 'azure_bad_request':
    case 'network':
    case 'sign_in_required':
    case 'client_not_preauthorized':
      return 502;
    default:
      return 500;
  }
}

/** ACS-style error codes, as the samples' pages see the service's. */
function codeFor(code: ErrorCode): string {
  return code
    .split('_')
    .map((part) => part.charAt(0).toUpperCase() + part.slice(1))
    .join('');
}

function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  res
    .writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store', ...headers })
    .end(JSON.stringify(body));
}

function sendError(res: ServerResponse, status: number, code: string, message: string, headers: Record<string, string> = {}): void {
  sendJson(res, status, { error: { code, message } }, headers);
}
