import { z } from 'zod';
import type { ArrSession, EmulatorContext } from './emulator-context.ts';
import { bearerToken, readJson, sendEmpty, sendJson } from './http-exchange.ts';
import type { Exchange } from './http-exchange.ts';
import { verifyJwt } from './jwt.ts';
import { accountRegion } from './mixed-reality-sts.ts';

/**
 * Remote Rendering sessions (AZURE-PROTOCOLS.md §1, session API): enough of the service to prove an
 * STS token works — it must be signed by the STS, unexpired, and for the account in the path.
 */

const apiVersions = new Set(['2021-01-01', '2021-01-01-preview']);
const sessionIdPattern = /^[A-Za-z0-9][A-Za-z0-9_-]{0,255}$/;
const createBody = z.object({ maxLeaseTimeMinutes: z.number().int().min(1).max(1440), size: z.string().regex(/^(standard|premium)$/i) });
const updateBody = z.object({ maxLeaseTimeMinutes: z.number().int().min(1).max(1440) });

export function handleArr(context: EmulatorContext, exchange: Exchange): void {
  const match = /^\/accounts\/([^/]+)\/sessions(?:\/([^/:]+))?(\/:stop)?\/?$/i.exec(exchange.path);
  if (!match) return fail(exchange, 404, 'NotFound', `No Remote Rendering endpoint ${exchange.method} ${exchange.path}`);
  const version = exchange.query.get('api-version');
  if (!version || !apiVersions.has(version))
    return fail(exchange, 400, 'BadRequest', `Supply a supported api-version (${[...apiVersions].join(', ')}).`);
  const accountId = decodeURIComponent(match[1] ?? '').toLowerCase();
  const token = verifyJwt(bearerToken(exchange) ?? '', context.keys.sts.publicKey);
  if (!token.ok || String(token.claims['aid']).toLowerCase() !== accountId) {
    return sendEmpty(exchange.res, 401, { 'WWW-Authenticate': 'Bearer error="invalid_token"' });
  }
  const sessionId = match[2] === undefined ? undefined : decodeURIComponent(match[2]);
  const stop = match[3] !== undefined;
  const sessions = context.arr.sessions;
  const key = `${accountId}/${sessionId ?? ''}`;
  const existing = sessions.get(key);
  const region = String(token.claims['apr'] ?? accountRegionFor(context, accountId));

  if (sessionId === undefined) {
    if (exchange.method !== 'GET') return fail(exchange, 405, 'MethodNotAllowed', 'Sessions are listed with GET.');
    const active = [...sessions.values()].filter((s) => s.accountId === accountId && status(s) !== 'Stopped' && status(s) !== 'Expired');
    return sendJson(exchange.res, 200, { sessions: active.map((s) => view(s, region)) });
  }
  if (!sessionIdPattern.test(sessionId))
    return fail(exchange, 400, 'BadRequest', 'A session id is letters, digits, - and _ (at most 256).');
  if (exchange.method === 'PUT' && !stop) {
    if (existing && status(existing) !== 'Stopped') return fail(exchange, 409, 'Conflict', `Session '${sessionId}' already exists.`);
    const body = parse(exchange, createBody);
    if (!body) return;
    const session: ArrSession = {
      id: sessionId,
      accountId,
      size: capitalise(body.size),
      maxLeaseTimeMinutes: body.maxLeaseTimeMinutes,
      createdAt: Date.now(),
      stopped: false,
    };
    sessions.set(key, session);
    return sendJson(exchange.res, 201, view(session, region));
  }
  if (!existing) return fail(exchange, 404, 'NotFound', `Session '${sessionId}' was not found.`);
  if (exchange.method === 'GET' && !stop) return sendJson(exchange.res, 200, view(existing, region));
  if (exchange.method === 'PATCH' && !stop) {
    const body = parse(exchange, updateBody);
    if (!body) return;
    existing.maxLeaseTimeMinutes = body.maxLeaseTimeMinutes;
    return sendJson(exchange.res, 200, view(existing, region));
  }
  if (exchange.method === 'POST' && stop) {
    existing.stopped = true;
    return sendEmpty(exchange.res, 204);
  }
  fail(exchange, 405, 'MethodNotAllowed', `${exchange.method} is not supported here.`);
}

function status(session: ArrSession): 'Ready' | 'Stopped' | 'Expired' {
  if (session.stopped) return 'Stopped';
  return Date.now() > session.createdAt + session.maxLeaseTimeMinutes * 60_000 ? 'Expired' : 'Ready';
}

function view(session: ArrSession, region: string): Record<string, unknown> {
  return {
    id: session.id,
    arrInspectorPort: 35000,
    handshakePort: 35001,
    elapsedTimeMinutes: Math.floor((Date.now() - session.createdAt) / 60_000),
    hostname: `${session.id.toLowerCase()}.${region}.arr.emulator.invalid`,
    maxLeaseTimeMinutes: session.maxLeaseTimeMinutes,
    size: session.size,
    status: status(session),
    creationTime: new Date(session.createdAt).toISOString(),
  };
}

function parse<T>(exchange: Exchange, schema: z.ZodType<T>): T | undefined {
  let json: unknown;
  try {
    json = readJson(exchange);
  } catch {
    fail(exchange, 400, 'BadRequest', 'The body is not valid JSON.');
    return undefined;
  }
  const result = schema.safeParse(json);
  if (result.success) return result.data;
  fail(exchange, 400, 'BadRequest', result.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; '));
  return undefined;
}

function accountRegionFor(context: EmulatorContext, accountId: string): string {
  const account = context.scenario.remoteRenderingAccounts.find((a) => a.accountId === accountId);
  return account ? accountRegion(account) : 'unknown';
}

function capitalise(size: string): string {
  return size.toLowerCase() === 'premium' ? 'Premium' : 'Standard';
}

function fail(exchange: Exchange, status: number, code: string, message: string): void {
  sendJson(exchange.res, status, { error: { code, message } });
}
