import { randomBytes } from 'node:crypto';
import { secretsEqual } from './request-guards.ts';

/** A launch token that has been handed out: it works once, until `expiresAt`. */
export interface LaunchToken {
  value: string;
  expiresAt: number;
  /** Resolves when the token stops working: used, expired, replaced by a newer one, or the server closed. */
  spent: Promise<void>;
}

interface Outstanding extends LaunchToken {
  end(): void;
  timer: NodeJS.Timeout;
}

/**
 * Browser mode's launch tokens: 256 random bits each, at most one outstanding, which works once
 * and only for `lifetimeMs` (a link left in a terminal's scroll-back or a browser's history is
 * dead by the time anyone else reads it). Minting a new one ends the one before it.
 */
export class LaunchTokens {
  readonly #lifetimeMs: number;
  #current: Outstanding | undefined;

  constructor(lifetimeMs: number) {
    this.#lifetimeMs = lifetimeMs;
  }

  mint(): LaunchToken {
    this.revoke();
    let end!: () => void;
    const spent = new Promise<void>((resolve) => (end = resolve));
    const token: Outstanding = {
      value: randomBytes(32).toString('base64url'),
      expiresAt: Date.now() + this.#lifetimeMs,
      spent,
      end,
      timer: setTimeout(() => this.revoke(), this.#lifetimeMs).unref(),
    };
    this.#current = token;
    return { value: token.value, expiresAt: token.expiresAt, spent };
  }

  /** Trades a token in: true at most once per token, and only before it expires. */
  redeem(offered: string): boolean {
    const current = this.#current;
    if (!current || Date.now() >= current.expiresAt || !secretsEqual(offered, current.value)) return false;
    this.revoke();
    return true;
  }

  /** Ends the outstanding token, if any. */
  revoke(): void {
    const current = this.#current;
    if (!current) return;
    this.#current = undefined;
    clearTimeout(current.timer);
    current.end();
  }
}
