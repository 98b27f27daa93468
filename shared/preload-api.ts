import type { Result } from './result.ts';

/**
 * What the desktop app's preload script puts on `window.credentials`. The renderer calls the
 * contract through it in Electron and over HTTP in browser mode; it carries one call at a time,
 * and the only other thing that crosses from the main process into the page is the core's event
 * stream (shared/events.ts: what changed, never a value).
 */
export interface CredentialsBridge {
  /** Calls one contract method (`domain.verb`) in the main process; never rejects. */
  invoke(method: string, input?: unknown): Promise<Result<unknown>>;
  /** Hears the core's events (checked by the renderer against `coreEventSchema`); returns the function that stops it. */
  onEvent(listener: (event: unknown) => void): () => void;
}
