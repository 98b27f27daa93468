import { createHash, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

/**
 * The checks browser mode makes before anything else, because a credential server on loopback is
 * reachable from every web page the user has open:
 * - Host must name this server exactly (DNS rebinding makes `evil.example` resolve to 127.0.0.1;
 *   `127.1`, `0x7f.0.0.1`, `2130706433` or `[::1]` are refused too, since only exact names match);
 * - Origin, when sent, must be this server (CSRF from another site, or `null` from a sandboxed
 *   frame or a file: page); for state-changing requests it must be sent at all;
 * - Sec-Fetch-Site, when sent, must not be cross-site or same-site, except for a page that holds
 *   nothing and is reached from elsewhere by design (the launch page, opened from a file: page).
 */
export class RequestGuards {
  readonly #hosts: Set<string>;
  readonly #origins: Set<string>;

  constructor(port: number) {
    this.#hosts = new Set([`127.0.0.1:${port}`, `localhost:${port}`]);
    this.#origins = new Set([...this.#hosts].map((h) => `http://${h}`));
  }

  /** Returns why the request is refused, or undefined when it may go on. */
  refusal(req: IncomingMessage, opts: { requireOrigin: boolean; fromAnySite?: boolean }): string | undefined {
    const host = req.headers.host?.toLowerCase();
    if (!host || !this.#hosts.has(host)) return 'unexpected Host header';
    const origin = req.headers.origin;
    if (origin === undefined) {
      if (opts.requireOrigin) return 'missing Origin header';
    } else if (!this.#origins.has(origin.toLowerCase())) {
      return 'foreign Origin header';
    }
    const site = req.headers['sec-fetch-site'];
    if (!opts.fromAnySite && (site === 'cross-site' || site === 'same-site')) return 'cross-site request';
    return undefined;
  }
}

/** Compares two secrets in constant time (hashing first makes the lengths equal). */
export function secretsEqual(a: string, b: string): boolean {
  const ha = createHash('sha256').update(a).digest();
  const hb = createHash('sha256').update(b).digest();
  return timingSafeEqual(ha, hb);
}

/** Reads one cookie's value from the Cookie header. */
export function readCookie(req: IncomingMessage, name: string): string | undefined {
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === name) return part.slice(eq + 1).trim();
  }
  return undefined;
}
