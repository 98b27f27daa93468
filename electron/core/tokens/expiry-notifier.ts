import { expiryWarning } from '../../../shared/events.ts';
import type { TokenView } from '../../../shared/tokens.ts';
import { log } from '../platform/log.ts';
import type { EmitEvent } from '../platform/event-hub.ts';
import type { Clock, TimerHandle } from '../platform/clock.ts';

export interface ExpiryNotifierDeps {
  clock: Clock;
  /** Every token, as the Tokens page lists them (kept tokens of earlier runs included). */
  list: () => Promise<TokenView[]>;
  /** Minutes before expiry at which to warn (Settings). */
  warningMinutes: () => number;
  /** The front door's notification (the desktop app's OS notification); browser mode has none and warns in the page. */
  /** `token` names the token warned about, so a notification can offer Refresh now and Copy for it. */
  notify?: ((title: string, body: string, token: { id: string }) => void) | undefined;
  /** The core's event stream: each warning is announced there as `token.expiring` too. */
  emit?: EmitEvent | undefined;
  /** How often to look for tokens minted or changed since; 30 seconds unless a test says otherwise. */
  scanMs?: number;
}

interface Scheduled {
  /** The token's expiry this warning is about: a refreshed token gets a new one. */
  expiresAt: string;
  at: number;
}

/**
 * Warns once per token, `expiryWarningMinutes` before it expires, on the event stream and through
 * the platform's notification, worded by `expiryWarning` (shared with the page's toast). Only tokens
 * the app still holds and does not refresh by itself: an auto-refresh token is re-minted at that very moment, so a warning would only be noise. A token first seen
 * inside its warning time is warned about at once; an expired one not at all.
 */
export class ExpiryNotifier {
  readonly #deps: ExpiryNotifierDeps;
  /**
   * The warnings to come, by token id. One timer waits for the earliest: a timer per token held a
   * thousand timers, each with its token, in browser mode's host (npm run bench, host RSS).
   */
  readonly #scheduled = new Map<string, Scheduled>();
  #warnTimer: { at: number; handle: TimerHandle } | undefined;
  /** `id@expiresAt` of every warning given, so each expiry is announced once. */
  readonly #warned = new Set<string>();
  #scanTimer: TimerHandle | undefined;
  #stopped = false;

  constructor(deps: ExpiryNotifierDeps) {
    this.#deps = deps;
  }

  start(): void {
    void this.scan();
  }

  /** Looks at every token and (re)schedules its warning; then looks again after `scanMs`. */
  async scan(): Promise<void> {
    if (this.#stopped) return;
    if (this.#scanTimer) this.#deps.clock.clearTimer(this.#scanTimer);
    this.#scanTimer = undefined;
    try {
      this.#plan(await this.#deps.list());
    } catch (error) {
      log.error('the expiry notifier could not list the tokens', error);
    }
    if (this.#stopped) return;
    // Two looks may overlap (a token changed during the timed one): the last to end sets the one next look.
    if (this.#scanTimer) this.#deps.clock.clearTimer(this.#scanTimer);
    this.#scanTimer = this.#deps.clock.setTimer(() => void this.scan(), this.#deps.scanMs ?? 30_000);
  }

  stop(): void {
    this.#stopped = true;
    if (this.#scanTimer) this.#deps.clock.clearTimer(this.#scanTimer);
    this.#scheduled.clear();
    this.#arm();
  }

  #plan(tokens: readonly TokenView[]): void {
    const now = this.#deps.clock.now();
    const warningMs = this.#deps.warningMinutes() * 60_000;
    const seen = new Set<string>();
    for (const token of tokens) {
      if (!warnable(token) || this.#warned.has(key(token)) || Date.parse(token.expiresAt) <= now) continue;
      seen.add(token.id);
      const at = Date.parse(token.expiresAt) - warningMs;
      this.#scheduled.set(token.id, { expiresAt: token.expiresAt, at });
    }
    for (const id of [...this.#scheduled.keys()]) if (!seen.has(id)) this.#scheduled.delete(id);
    this.#arm();
  }

  /** Sets the one timer for the earliest warning to come, or none when nothing is scheduled. */
  #arm(): void {
    let next: number | undefined;
    if (!this.#stopped) for (const { at } of this.#scheduled.values()) if (next === undefined || at < next) next = at;
    if (this.#warnTimer?.at === next) return;
    if (this.#warnTimer) this.#deps.clock.clearTimer(this.#warnTimer.handle);
    this.#warnTimer = undefined;
    if (next === undefined) return;
    const handle = this.#deps.clock.setTimer(() => void this.#warnDue(), Math.max(0, next - this.#deps.clock.now()));
    this.#warnTimer = { at: next, handle };
  }

  /** Warns about every token whose warning time has come (a timer may fire early: then none is due yet), and sets the timer for the next. */
  async #warnDue(): Promise<void> {
    this.#warnTimer = undefined;
    const now = this.#deps.clock.now();
    const due = [...this.#scheduled].filter(([, scheduled]) => scheduled.at <= now);
    for (const [id] of due) this.#scheduled.delete(id);
    this.#arm();
    if (due.length === 0) return;
    let tokens: TokenView[] = [];
    try {
      tokens = await this.#deps.list();
    } catch (error) {
      log.error('the expiry notifier could not list the tokens', error);
    }
    const byId = new Map(tokens.map((token) => [token.id, token]));
    for (const [id, { expiresAt }] of due) this.#warn(byId.get(id), expiresAt);
  }

  /** Checks the token is still there, unchanged and warnable (it may have been removed, revoked or refreshed since), then warns. */
  #warn(token: TokenView | undefined, expiresAt: string): void {
    if (this.#stopped || !token || token.expiresAt !== expiresAt || !warnable(token) || this.#warned.has(key(token))) return;
    this.#warned.add(key(token));
    this.#deps.emit?.({ type: 'token.expiring', id: token.id, kind: token.kind, title: token.title, expiresAt });
    const { title, body } = expiryWarning(token, this.#deps.clock.now());
    try {
      this.#deps.notify?.(title, body, { id: token.id });
    } catch (error) {
      log.error('a token expiry notification could not be shown', error);
    }
  }
}

function warnable(token: TokenView): boolean {
  return token.hasValue && !token.revoked && !token.autoRefresh;
}

function key(token: TokenView): string {
  return `${token.id}@${token.expiresAt}`;
}
