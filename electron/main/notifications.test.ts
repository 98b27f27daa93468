import { describe, expect, it } from 'vitest';
import { desktopNotifier } from './notifications.ts';

function fakeNotifications(supported: boolean) {
  const shown: { title?: string | undefined; body?: string | undefined }[] = [];
  class FakeNotification {
    static isSupported = () => supported;
    readonly options: { title?: string; body?: string };
    constructor(options: { title?: string; body?: string }) {
      this.options = options;
    }
    show() {
      shown.push(this.options);
    }
  }
  return { shown, FakeNotification };
}

describe('desktop notifications', () => {
  it('shows the title and body as an OS notification', () => {
    const { shown, FakeNotification } = fakeNotifications(true);
    desktopNotifier(FakeNotification)('A token expires in 10 minutes', 'ARR access token · contoso (primary key).');
    expect(shown).toEqual([{ title: 'A token expires in 10 minutes', body: 'ARR access token · contoso (primary key).' }]);
  });

  it('stays silent where the desktop has no notification service', () => {
    const { shown, FakeNotification } = fakeNotifications(false);
    desktopNotifier(FakeNotification)('title', 'body');
    expect(shown).toEqual([]);
  });
});
