import { describe, expect, it } from 'vitest';
import { desktopNotifier, type NotificationClass } from './notifications.ts';

type Listener = (event: unknown, index?: number) => void;

function fakeNotifications(supported: boolean) {
  const shown: FakeNotification[] = [];
  class FakeNotification {
    static isSupported = () => supported;
    readonly options: { title?: string; body?: string; actions?: { type: string; text: string }[] };
    readonly listeners = new Map<string, Listener>();
    constructor(options: FakeNotification['options']) {
      this.options = options;
    }
    on(name: string, listener: Listener) {
      this.listeners.set(name, listener);
      return this;
    }
    show() {
      shown.push(this);
    }
  }
  // Electron's `on` is overloaded per event; the fake takes any name, which is what the notifier needs of it.
  return { shown, FakeNotification: FakeNotification as unknown as NotificationClass };
}

function recordingActions() {
  const done: string[] = [];
  return {
    done,
    actions: {
      refresh: (id: string) => void done.push(`refresh ${id}`),
      copy: (id: string) => void done.push(`copy ${id}`),
      openToday: () => void done.push('open today'),
    },
  };
}

describe('desktop notifications', () => {
  it('shows the title and body as an OS notification', () => {
    const { shown, FakeNotification } = fakeNotifications(true);
    desktopNotifier(FakeNotification)('A token expires in 10 minutes', 'ARR access token · contoso (primary key).');
    expect(shown.map((n) => n.options)).toEqual([
      { title: 'A token expires in 10 minutes', body: 'ARR access token · contoso (primary key).' },
    ]);
  });

  it('offers Refresh now and Copy for the token it is about, and each button acts on that token', () => {
    const { shown, FakeNotification } = fakeNotifications(true);
    const { done, actions } = recordingActions();
    desktopNotifier(FakeNotification, actions)('ACS user token expires in 5 minutes', 'Support agent.', { id: 't1' });
    const [notification] = shown;
    expect(notification?.options.actions).toEqual([
      { type: 'button', text: 'Refresh now' },
      { type: 'button', text: 'Copy' },
    ]);
    notification?.listeners.get('action')?.({}, 0);
    notification?.listeners.get('action')?.({}, 1);
    // Linux shows no buttons: a click opens Today, where both are.
    notification?.listeners.get('click')?.({});
    expect(done).toEqual(['refresh t1', 'copy t1', 'open today']);
  });

  it('has no buttons when it is about no token (a failed tray action)', () => {
    const { shown, FakeNotification } = fakeNotifications(true);
    desktopNotifier(FakeNotification, recordingActions().actions)('The token was not copied', 'It has expired.');
    expect(shown[0]?.options.actions).toBeUndefined();
    expect(shown[0]?.listeners.has('action')).toBe(false);
  });

  it('stays silent where the desktop has no notification service', () => {
    const { shown, FakeNotification } = fakeNotifications(false);
    desktopNotifier(FakeNotification)('title', 'body');
    expect(shown).toEqual([]);
  });
});
