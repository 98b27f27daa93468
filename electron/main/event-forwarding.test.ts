import { describe, expect, it } from 'vitest';
import type { CoreEvent, CoreEventListener } from '../../shared/events.ts';
import { appEntryUrl } from './app-protocol.ts';
import { eventChannel } from './credentials-bridge.ts';
import { forwardCoreEvents, type EventRecipient } from './event-forwarding.ts';

function recipient(url: string, destroyed = false): EventRecipient & { heard: unknown[] } {
  const heard: unknown[] = [];
  return { heard, isDestroyed: () => destroyed, getURL: () => url, send: (channel, payload) => heard.push([channel, payload]) };
}

describe('forwarding core events to windows', () => {
  it('sends each event to the trusted windows that show the app, and to nothing else', () => {
    let emit: CoreEventListener = () => undefined;
    const app = recipient(appEntryUrl);
    const navigated = recipient('https://evil.example/');
    const untrusted = recipient(appEntryUrl);
    const gone = recipient(appEntryUrl, true);
    const contents = new Map<number, EventRecipient>([
      [1, app],
      [2, navigated],
      [3, untrusted],
      [4, gone],
    ]);
    const stop = forwardCoreEvents(
      (listener) => {
        emit = listener;
        return () => (emit = () => undefined);
      },
      new Set([1, 2, 4, 5]),
      (id) => contents.get(id),
    );
    const event: CoreEvent = { type: 'tokens.changed', reason: 'added', ids: ['t1'] };
    emit(event);
    expect(app.heard).toEqual([[eventChannel, event]]);
    expect([navigated.heard, untrusted.heard, gone.heard]).toEqual([[], [], []]);
    stop();
    emit({ type: 'accounts.changed' });
    expect(app.heard).toHaveLength(1);
  });
});
