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
  notify?: ((title: string, body: string) => void) | undefined;
  /** The core's event stream: each warning is announced there as `token.expiring` too. */
  emit?: EmitEvent | undefined;
  /** How often to look for tokens minted or changed since; 30 seconds unless a test says otherwise. */
  scanMs?: number;
}

interface Scheduled {
  /** The token's expiry this timer warns about: a refreshed token gets a new one. */
  expiresAt: string;
  at: number;
  timer: TimerHandle;
}

/**
 * Warns once per token, `expiryWarningMinutes` before it expires, on the event stream and through
 * the platform's notification, worded by `expiryWarning` (shared with the page's toast). Only tokens the app still holds and does not refresh by itself: an auto-refresh
 * token is re-minted at that very moment, so a warning would only be noise. A token first seen
 * inside its warning time is warned about at once; an expired one not at all.
 */
export class ExpiryNotifier {
  readonly #deps: ExpiryNotifierDeps;
  readonly #scheduled = new Map<string, Scheduled>();
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
    for (const id of [...this.#scheduled.keys()]) this.#unschedule(id);
  }

  #plan(tokens: readonly TokenView[]): void {
    const now = this.#deps.clock.now();
    const warningMs = this.#deps.warningMinutes() * 60_000;
    const seen = new Set<string>();
    for (const token of tokens) {
      if (!warnable(token) || this.#warned.has(key(token)) || Date.parse(token.expiresAt) <= now) continue;
      seen.add(token.id);
      const at = Date.parse(token.expiresAt) - warningMs;
      const current = this.#scheduled.get(token.id);
      if (current?.expiresAt === token.expiresAt && current.at === at) continue;
      this.#unschedule(token.id);
      const timer = this.#deps.clock.setTimer(() => void this.#warn(token.id, token.expiresAt), Math.max(0, at - now));
      this.#scheduled.set(token.id, { expiresAt: token.expiresAt, at, timer });
    }
    for (const id of [...this.#scheduled.keys()]) if (!seen.has(id)) this.#unschedule(id);
  }

  /** Checks the token is still there, unchanged and warnable (it may have been removed, revoked or refreshed since), then warns. */
  async #warn(id: string, expiresAt: string): Promise<void> {
    this.#scheduled.delete(id);
    let token: TokenView | undefined;
    try {
      token = (await this.#deps.list()).find((t) => t.id === id);
    } catch (error) {
      log.error('the expiry notifier could not list the tokens', error);
    }
    if (this.#stopped || !token || token.expiresAt !== expiresAt || !warnable(token) || this.#warned.has(key(token))) return;
    this.#warned.add(key(token));
    this.#deps.emit?.({ type: 'token.expiring', id, kind: token.kind, title: token.title, expiresAt });
    const { title, body } = expiryWarning(token, this.#deps.clock.now());
    try {
      this.#deps.notify?.(title, body);
    } catch (error) {
      log.error('a token expiry notification could not be shown', error);
    }
  }

  #unschedule(id: string): void {
    const scheduled = this.#scheduled.get(id);
    if (scheduled) this.#deps.clock.clearTimer(scheduled.timer);
    this.#scheduled.delete(id);
  }
}

function warnable(token: TokenView): boolean {
  return token.hasValue && !token.revoked && !token.autoRefresh;
}

function key(token: TokenView): string {
  return `${token.id}@${token.expiresAt}`;
}
