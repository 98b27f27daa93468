import type { Transport } from '../shared/api-client.ts';
import type { CredentialsBridge } from '../shared/preload-api.ts';
import type { Result } from '../shared/result.ts';

declare global {
  interface Window {
    /** Present in the desktop app (preload bridge); absent in browser mode. */
    credentials?: CredentialsBridge;
  }
}

/** Browser mode: the same contract over HTTP to the host that served this page. */
const httpTransport: Transport = async (method, input) => {
  try {
    const response = await fetch(`api/${encodeURIComponent(method)}`, {
      method: 'POST',
      credentials: 'same-origin',
      headers: { 'Content-Type': 'application/json' },
      body: input === undefined ? '' : JSON.stringify(input),
    });
    if (response.status === 401 || response.status === 403) {
      return { ok: false, error: { code: 'forbidden', message: 'This browser-mode session has ended. Open the link that `npm start` printed again.' } };
    }
    return (await response.json()) as Result<unknown>;
  } catch {
    return { ok: false, error: { code: 'network', message: 'The app is not answering. Check that `npm start` is still running, then reload.' } };
  }
};

const bridge = window.credentials;

/** How this window reaches the core: the preload bridge in the desktop app, HTTP in browser mode. */
export const transport: Transport = bridge ? (method, input) => bridge.invoke(method, input) : httpTransport;

export const isBrowserMode = !bridge;
