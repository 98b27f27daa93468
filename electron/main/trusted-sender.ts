import { isAppUrl } from './app-protocol.ts';

/**
 * Who may call the contract over IPC: a web contents we created (its id is added when the window
 * is made and removed when it is destroyed), from its main frame, while that frame shows our own
 * origin. A compromised subframe, a navigated page or a contents we never made is refused.
 */

/** What the check needs to know about one IPC call, as plain data (see senderOf in ipc-handle.ts). */
export interface SenderFacts {
  webContentsId: number;
  /** The frame that sent the call; undefined when it has already gone (navigated or destroyed). */
  frame: { isMainFrame: boolean; url: string } | undefined;
}

/** Returns why a call is refused, or undefined when the sender is trusted. */
export function senderRefusal(sender: SenderFacts, trustedWebContentsIds: ReadonlySet<number>): string | undefined {
  if (!trustedWebContentsIds.has(sender.webContentsId)) return 'the call came from a window this app did not open';
  if (!sender.frame) return 'the calling page has gone';
  if (!sender.frame.isMainFrame) return 'the call came from a frame inside the page';
  if (!isAppUrl(sender.frame.url)) return 'the calling page is not the app';
  return undefined;
}
