import type { Result } from './result.ts';

/**
 * What the desktop app's preload script puts on `window.credentials`. The renderer calls the
 * contract through it in Electron and over HTTP in browser mode; it carries one call at a time
 * and nothing else crosses from the main process into the page.
 */
export interface CredentialsBridge {
  /** Calls one contract method (`domain.verb`) in the main process; never rejects. */
  invoke(method: string, input?: unknown): Promise<Result<unknown>>;
}
