import { coreEventSchema, eventsPath, type CoreEvent, type CoreEventListener, type SubscribeToEvents } from '../shared/events.ts';

/**
 * Browser mode's event stream: one streamed `fetch` of `GET /api/events` for the whole page
 * (EventSource cannot send the session header), opened when the first listener subscribes. A
 * dropped stream is opened again after a short, growing wait; since events may have been missed
 * in between, the listeners then hear that every list changed, and each reloads once. A refused
 * stream (the session ended) is not retried: the next call says what to do.
 */

/** What every list hears after a reconnect: each reloads once. */
export const missedEvents: readonly CoreEvent[] = [
  { type: 'tokens.changed', reason: 'changed', ids: [] },
  { type: 'accounts.changed' },
  { type: 'identities.changed' },
  { type: 'acsIdentities.changed' },
  { type: 'clouds.changed' },
  { type: 'settings.changed' },
  { type: 'activity.changed' },
];

/** The waits between attempts to reconnect, the last one repeated. */
const retryMs = [250, 500, 1_000, 2_000, 4_000];

/** Splits Server-Sent Events text into events; returns the events and the unfinished rest. Comments and unknown events are skipped. */
export function parseEventStream(text: string): { events: CoreEvent[]; rest: string } {
  const blocks = text.split('\n\n');
  const rest = blocks.pop() ?? '';
  const events: CoreEvent[] = [];
  for (const block of blocks) {
    const data = block
      .split('\n')
      .filter((line) => line.startsWith('data:'))
      .map((line) => line.slice(5).trimStart())
      .join('\n');
    if (!data) continue;
    try {
      const parsed = coreEventSchema.safeParse(JSON.parse(data));
      if (parsed.success) events.push(parsed.data);
    } catch {
      // not JSON: not ours
    }
  }
  return { events, rest };
}

export function browserEventStream(headers: () => Record<string, string>): SubscribeToEvents {
  const listeners = new Set<CoreEventListener>();
  let running = false;
  const hear = (event: CoreEvent) => {
    for (const listener of [...listeners]) listener(event);
  };

  /** Reads one stream to its end; false when the host refused it (the session ended). */
  async function readOnce(onOpen: () => void): Promise<boolean> {
    const response = await fetch(eventsPath.slice(1), { credentials: 'same-origin', headers: headers(), cache: 'no-store' });
    if (response.status === 401 || response.status === 403) return false;
    if (!response.ok || !response.body) return true;
    onOpen();
    const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
    let buffered = '';
    for (;;) {
      const { value, done } = await reader.read();
      if (done) return true;
      const { events, rest } = parseEventStream(buffered + value);
      buffered = rest;
      for (const event of events) hear(event);
    }
  }

  async function run(): Promise<void> {
    let attempt = 0;
    let opened = false;
    while (listeners.size > 0) {
      let open = true;
      try {
        open = await readOnce(() => {
          if (opened) for (const event of missedEvents) hear(event);
          opened = true;
          attempt = 0;
        });
      } catch {
        // the host went away or the network dropped: try again
      }
      if (!open) break;
      await new Promise((resolve) => setTimeout(resolve, retryMs[Math.min(attempt++, retryMs.length - 1)]));
    }
    running = false;
  }

  return (listener) => {
    listeners.add(listener);
    if (!running) {
      running = true;
      void run();
    }
    return () => void listeners.delete(listener);
  };
}
