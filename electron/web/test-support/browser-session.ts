import { request } from 'node:http';
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

/** Opens the launch URL as the page does and returns what the page then sends with each /api/ call: Host, Origin and the session cookie. */
export async function signedInHeaders(server: WebServer): Promise<Record<string, string>> {
  const base = new URL(server.url);
  const auth = await send(new URL(server.launchUrl), 'GET', { Host: base.host });
  return { Host: base.host, Origin: server.url.slice(0, -1), Cookie: String(auth.headers['set-cookie']).split(';')[0] ?? '' };
}
