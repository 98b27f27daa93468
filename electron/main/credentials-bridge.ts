import type { CredentialsBridge } from '../../shared/preload-api.ts';
import type { Result } from '../../shared/result.ts';

/**
 * The IPC side of `window.credentials`, shared by the preload script and the main process so the
 * channel names cannot drift. Kept free of `electron` and of the contract's zod schemas: the
 * preload bundle stays a few lines, and the main process is the only place input is validated.
 */

/** Every contract method travels on its own channel, `azcred:<domain>.<verb>`. */
export const channelPrefix = 'azcred:';

/** `domain.verb`, the shape of every contract method name; anything else never reaches IPC. */
const methodNameShape = /^[a-z][A-Za-z]*\.[a-z][A-Za-z]*$/;

export function isWellFormedMethodName(method: unknown): method is string {
  return typeof method === 'string' && method.length <= 100 && methodNameShape.test(method);
}

export function channelFor(method: string): string {
  return channelPrefix + method;
}

/** The one channel the main process sends the core's events on (shared/events.ts), to trusted windows only. */
export const eventChannel = 'azcred-event';

/** Sends one call on a channel and resolves with the main process's answer (ipcRenderer.invoke). */
export type InvokeChannel = (channel: string, input: unknown) => Promise<unknown>;

/** Hears what the main process sends on a channel, without Electron's event object; returns the function that stops it (ipcRenderer.on). */
export type ListenChannel = (channel: string, listener: (payload: unknown) => void) => () => void;

/**
 * Builds the object the preload exposes. Malformed method names are answered here without IPC;
 * a rejected invoke (no handler for a well-formed but unknown method, or the main process gone)
 * becomes a Result too, so the renderer has one shape to handle and never sees Electron's text.
 */
export function createCredentialsBridge(invoke: InvokeChannel, listen: ListenChannel): CredentialsBridge {
  return {
    onEvent: (listener) => listen(eventChannel, (payload) => listener(payload)),
    invoke(method: string, input?: unknown): Promise<Result<unknown>> {
      if (!isWellFormedMethodName(method)) {
        return Promise.resolve({
          ok: false,
          error: { code: 'unknown_method', message: 'That operation does not exist in this version of the app.' },
        });
      }
      return invoke(channelFor(method), input).then(
        (answer) => answer as Result<unknown>,
        () => ({
          ok: false,
          error: {
            code: 'unknown_method',
            message: 'The app did not accept that operation. Restart the app; if it keeps happening, report it.',
          },
        }),
      );
    },
  };
}
