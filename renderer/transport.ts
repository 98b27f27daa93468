import type { Transport } from '../shared/api-client.ts';
import { sessionSecretHeader, sessionSecretKey, signedOutPath, signOutPath } from '../shared/browser-session.ts';
import { coreEventSchema, type SubscribeToEvents } from '../shared/events.ts';
import type { CredentialsBridge } from '../shared/preload-api.ts';
import type { Result } from '../shared/result.ts';
import { browserEventStream } from './browser-event-stream.ts';

declare global {
  interface Window {
    /** Present in the desktop app (preload bridge); absent in browser mode. */
    credentials?: CredentialsBridge;
  }
}

/**
 * What every browser-mode call carries besides the cookie: the session secret the launch page put
 * in this tab's sessionStorage, which no other port on 127.0.0.1 can read (a cookie it is sent
 * alone is refused). A tab opened by hand has none: it needs a fresh link.
 */
function sessionHeaders(): Record<string, string> {
  return { 'Content-Type': 'application/json', [sessionSecretHeader]: window.sessionStorage.getItem(sessionSecretKey) ?? '' };
}

const sessionEnded =
  'This browser-mode session has ended (signed out, idle too long, or opened without its link). In the terminal where browser ' +
  'mode runs, press Enter for a fresh link and open it.';

/** Browser mode: the same contract over HTTP to the host that served this page. */
const httpTransport: Transport = async (method, input) => {
  try {
    const response = await fetch(`api/${encodeURIComponent(method)}`, {
      method: 'POST',
      credentials: 'same-origin',
      headers: sessionHeaders(),
      body: input === undefined ? '' : JSON.stringify(input),
    });
    if (response.status === 401 || response.status === 403) {
      return { ok: false, error: { code: 'forbidden', message: sessionEnded } };
    }
    return (await response.json()) as Result<unknown>;
  } catch {
    return {
      ok: false,
      error: { code: 'network', message: 'The app is not answering. Check that `npm start` is still running, then reload.' },
    };
  }
};

/** Browser mode's "Sign out of this browser": ends the session on the host, forgets its secret, and leaves the app. */
export async function signOutOfThisBrowser(): Promise<void> {
  await fetch(signOutPath.slice(1), { method: 'POST', credentials: 'same-origin', headers: sessionHeaders(), body: '' }).catch(
    () => undefined,
  );
  window.sessionStorage.removeItem(sessionSecretKey);
  window.location.replace(signedOutPath);
}

const bridge = window.credentials;

/** How this window reaches the core: the preload bridge in the desktop app, HTTP in browser mode. */
export const transport: Transport = bridge ? (method, input) => bridge.invoke(method, input) : httpTransport;

export const isBrowserMode = !bridge;

/**
 * How this window hears what changed in the core, instead of asking again and again: the preload
 * bridge's IPC events in the desktop app, Server-Sent Events in browser mode. Either way each
 * event is checked against the contract's schema before a listener sees it.
 */
export const subscribeToEvents: SubscribeToEvents = bridge
  ? (listener) =>
      bridge.onEvent((event) => {
        const parsed = coreEventSchema.safeParse(event);
        if (parsed.success) listener(parsed.data);
      })
  : browserEventStream(sessionHeaders);
