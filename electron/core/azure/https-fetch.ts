import type { Agent } from 'node:https';
import { request } from 'node:https';
import { Readable } from 'node:stream';

export interface HttpsFetchInit {
  method?: string;
  headers?: Record<string, string>;
  body?: string;
  signal?: AbortSignal;
  /** Decides which CAs the connection trusts: see cloud-trust.ts. */
  agent: Agent;
}

/** Statuses whose response has no body, which `Response` refuses one for. */
const noBody = new Set([101, 204, 205, 304]);

/**
 * One HTTPS request through the given agent, answered as a fetch `Response`. Node's `fetch` takes
 * no agent without the undici package, and an agent is how a cloud profile's CA is scoped to its
 * endpoints. Redirects are not followed: the caller sees the 3xx. A failed connection rejects with
 * Node's error, whose `code` (ECONNREFUSED, a certificate code) the callers word.
 */
export function httpsFetch(url: string | URL, init: HttpsFetchInit): Promise<Response> {
  return new Promise((resolve, reject) => {
    const headers: Record<string, string> = { ...init.headers };
    if (init.body !== undefined) {
      headers['content-length'] = String(Buffer.byteLength(init.body));
      // As fetch does for a string body.
      if (!Object.keys(headers).some((name) => name.toLowerCase() === 'content-type')) headers['content-type'] = 'text/plain;charset=UTF-8';
    }
    const req = request(
      url,
      { method: init.method ?? 'GET', headers, agent: init.agent, ...(init.signal ? { signal: init.signal } : {}) },
      (res) => {
        const status = res.statusCode ?? 0;
        const responseHeaders = new Headers();
        for (let i = 0; i + 1 < res.rawHeaders.length; i += 2)
          responseHeaders.append(res.rawHeaders[i] as string, res.rawHeaders[i + 1] as string);
        const hasBody = !noBody.has(status) && init.method !== 'HEAD';
        if (!hasBody) res.resume();
        try {
          resolve(
            new Response(hasBody ? (Readable.toWeb(res) as ReadableStream<Uint8Array>) : null, {
              status,
              statusText: res.statusMessage ?? '',
              headers: responseHeaders,
            }),
          );
        } catch (error) {
          // A status Response cannot hold (outside 200-599): not an answer the callers can read.
          res.destroy();
          reject(
            Object.assign(new Error(`The server answered with HTTP status ${status}, which is not a valid answer.`), { cause: error }),
          );
        }
      },
    );
    req.on('error', reject);
    req.end(init.body);
  });
}
