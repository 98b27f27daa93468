import { describe, expect, it, vi } from 'vitest';
import type { CoreEvent } from '../../../shared/events.ts';
import { EventHub } from './event-hub.ts';

const changed: CoreEvent = { type: 'accounts.changed' };

describe('the event hub', () => {
  it('hands each event to every listener until it unsubscribes', () => {
    const hub = new EventHub();
    const first: CoreEvent[] = [];
    const second: CoreEvent[] = [];
    const stopFirst = hub.subscribe((event) => first.push(event));
    hub.subscribe((event) => second.push(event));
    hub.emit(changed);
    stopFirst();
    hub.emit({ type: 'identities.changed' });
    expect(first).toEqual([changed]);
    expect(second).toEqual([changed, { type: 'identities.changed' }]);
  });

  it('keeps delivering to the others when one listener throws', () => {
    const hub = new EventHub();
    const quiet = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const heard: CoreEvent[] = [];
    hub.subscribe(() => {
      throw new Error('broken listener');
    });
    hub.subscribe((event) => heard.push(event));
    hub.emit(changed);
    expect(heard).toEqual([changed]);
    expect(quiet).toHaveBeenCalledWith(expect.stringContaining('accounts.changed'));
    quiet.mockRestore();
  });

  it('counts the same function subscribed twice as two subscriptions, each ended on its own', () => {
    const hub = new EventHub();
    const heard: CoreEvent[] = [];
    const listener = (event: CoreEvent) => heard.push(event);
    const stop = hub.subscribe(listener);
    hub.subscribe(listener);
    stop();
    hub.emit(changed);
    expect(heard).toEqual([changed]);
  });
});
