import type { SubscribeToEvents } from '../../shared/events.ts';
import { isAppUrl } from './app-protocol.ts';
import { eventChannel } from './credentials-bridge.ts';

/** What forwarding needs of a window's web contents (Electron's WebContents has all of it). */
export interface EventRecipient {
  isDestroyed(): boolean;
  getURL(): string;
  send(channel: string, payload: unknown): void;
}

/**
 * Sends each of the core's events to the windows this app opened (the trusted set ipc-handle.ts
 * checks calls against), and only while one shows the app itself: a window that navigated away
 * hears nothing. Events name what changed, never a value (shared/events.ts).
 */
export function forwardCoreEvents(
  subscribe: SubscribeToEvents,
  trustedWebContentsIds: ReadonlySet<number>,
  contentsById: (id: number) => EventRecipient | undefined,
): () => void {
  return subscribe((event) => {
    for (const id of trustedWebContentsIds) {
      const contents = contentsById(id);
      if (contents && !contents.isDestroyed() && isAppUrl(contents.getURL())) contents.send(eventChannel, event);
    }
  });
}
