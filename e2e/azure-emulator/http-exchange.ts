import type { IncomingMessage, ServerResponse } from 'node:http';

/** One request as a service handler sees it: body read, path normalised, query parsed. */
export interface Exchange {
  req: IncomingMessage;
  res: ServerResponse;
  method: string;
  /** The request target exactly as sent (HMAC signs it this way). */
  rawTarget: string;
  /** Path with runs of `/` collapsed (the ARM SDK may send `//`), still percent-encoded. */
  path: string;
  query: URLSearchParams;
  body: Buffer;
  header(name: string): string | undefined;
}

export async function readExchange(req: IncomingMessage, res: ServerResponse): Promise<Exchange> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const rawTarget = req.url ?? '/';
  const url = new URL(rawTarget.replace(/^\/+/, '/'), 'https://emulator.invalid');
  return {
    req,
    res,
    method: (req.method ?? 'GET').toUpperCase(),
    rawTarget,
    path: url.pathname.replace(/\/{2,}/g, '/'),
    query: url.searchParams,
    body: Buffer.concat(chunks),
    header: (name) => {
      const value = req.headers[name.toLowerCase()];
      return Array.isArray(value) ? value.join(', ') : value;
    },
  };
}

/** Header names keep the case given here: Node writes them as set, and clients may compare them. */
export type Headers = Record<string, string>;

export function sendJson(res: ServerResponse, status: number, body: unknown, headers: Headers = {}): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': String(Buffer.byteLength(text)),
    ...headers,
  });
  res.end(text);
}

export function sendEmpty(res: ServerResponse, status: number, headers: Headers = {}): void {
  res.writeHead(status, { 'Content-Length': '0', ...headers });
  res.end();
}

export function sendHtml(res: ServerResponse, status: number, html: string, headers: Headers = {}): void {
  res.writeHead(status, {
    'Content-Type': 'text/html; charset=utf-8',
    'Content-Length': String(Buffer.byteLength(html)),
    'Cache-Control': 'no-store',
    'Content-Security-Policy': "default-src 'none'; style-src 'unsafe-inline'; form-action 'self' http://localhost:* http://127.0.0.1:*",
    'X-Frame-Options': 'DENY',
    ...headers,
  });
  res.end(html);
}

export function redirect(res: ServerResponse, location: string, headers: Headers = {}): void {
  res.writeHead(302, { Location: location, 'Content-Length': '0', 'Cache-Control': 'no-store', ...headers });
  res.end();
}

export function readForm(exchange: Exchange): URLSearchParams {
  return new URLSearchParams(exchange.body.toString('utf8'));
}

/** The JSON body, `undefined` when empty; throws SyntaxError on malformed JSON. */
export function readJson(exchange: Exchange): unknown {
  if (exchange.body.length === 0) return undefined;
  return JSON.parse(exchange.body.toString('utf8'));
}

export function bearerToken(exchange: Exchange): string | undefined {
  return /^Bearer\s+(\S+)$/i.exec(exchange.header('authorization') ?? '')?.[1];
}

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
