import { request } from 'node:http';
import { sessionSecretHeader } from '../../../shared/browser-session.ts';
import type { WebServer } from '../server.ts';

/** An HTTP answer as a test reads it. */
export interface Answer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  text: string;
}

/**
 * One request on a connection of its own (no keep-alive reuse racing the server's idle timeout),
 * with exactly the headers given: what a browser sends, forged or not.
 */
export function send(url: URL, method: string, headers: Record<string, string>, body?: string | Buffer): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = request(url, { method, headers, agent: false }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, text: Buffer.concat(chunks).toString('utf8') }));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end(body);
  });
}

/** What the page sends with each /api/ call once signed in: Host, Origin, the session cookie and the session secret. */
export type SignedIn = Record<'Host' | 'Origin' | 'Cookie' | typeof sessionSecretHeader, string>;

/** The token a launch link carries in its fragment. */
export function tokenOf(link: string): string {
  return new URLSearchParams(new URL(link).hash.slice(1)).get('token') ?? '';
}

/** POSTs a token to /auth as the launch page does. */
export function redeem(origin: string, token: string, headers: Record<string, string> = {}): Promise<Answer> {
  const base = new URL(origin);
  return send(
    new URL('/auth', base),
    'POST',
    { Host: base.host, Origin: base.origin, 'Content-Type': 'application/json', ...headers },
    JSON.stringify({ token }),
  );
}

/** Trades a launch link in as the launch page does and returns what the page then sends with each /api/ call. */
export async function signInWithLink(link: string): Promise<SignedIn> {
  const base = new URL(link);
  const answer = await redeem(base.origin, tokenOf(link));
  if (answer.status !== 200) throw new Error(`the launch link was refused: ${answer.status} ${answer.text}`);
  const { secret } = JSON.parse(answer.text) as { secret: string };
  return {
    Host: base.host,
    Origin: base.origin,
    Cookie: String(answer.headers['set-cookie']).split(';')[0] ?? '',
    [sessionSecretHeader]: secret,
  };
}

/** Signs in to the server through a fresh launch link. */
export function signedInHeaders(server: WebServer): Promise<SignedIn> {
  return signInWithLink(server.newLaunchLink().url);
}
