import { createHash, randomBytes } from 'node:crypto';
import { secretsEqual } from './request-guards.ts';

/** A new session: the cookie's value and the secret the page keeps in sessionStorage. */
export interface NewSession {
  cookie: string;
  secret: string;
}

/** Whether a request belongs to a live session. */
export type SessionCheck = 'ok' | 'no-session' | 'expired' | 'no-secret';

interface Session {
  secretHash: string;
  lastUsed: number;
}

const hash = (value: string) => createHash('sha256').update(value).digest('hex');

/**
 * Browser mode's signed-in browsers. A session is two secrets: the HttpOnly cookie, which the
 * browser also sends to every other port on 127.0.0.1 (cookies ignore ports), and a second one
 * only our page holds; calls need both. A session idle for longer than `idleMs` ends. Only hashes
 * are kept, so a heap dump does not hold a usable session.
 */
export class BrowserSessions {
  readonly #idleMs: number;
  readonly #sessions = new Map<string, Session>();

  constructor(idleMs: number) {
    this.#idleMs = idleMs;
  }

  create(): NewSession {
    const session = { cookie: randomBytes(32).toString('base64url'), secret: randomBytes(32).toString('base64url') };
    this.#sessions.set(hash(session.cookie), { secretHash: hash(session.secret), lastUsed: Date.now() });
    return session;
  }

  /**
   * Checks a request's cookie and, when `secret` is not undefined, its session secret (a missing
   * header is passed as ''). A call that passes counts as use; a page load (no secret) does not,
   * since the cookie alone may be a replay.
   */
  check(cookie: string | undefined, secret?: string): SessionCheck {
    const key = cookie ? hash(cookie) : undefined;
    const session = key ? this.#sessions.get(key) : undefined;
    if (!key || !session) return 'no-session';
    const now = Date.now();
    if (now - session.lastUsed > this.#idleMs) {
      this.#sessions.delete(key);
      return 'expired';
    }
    if (secret === undefined) return 'ok';
    if (!secretsEqual(hash(secret), session.secretHash)) return 'no-secret';
    session.lastUsed = now;
    return 'ok';
  }

  /** Ends the session the cookie names (Sign out of this browser). */
  end(cookie: string): void {
    this.#sessions.delete(hash(cookie));
  }
}
