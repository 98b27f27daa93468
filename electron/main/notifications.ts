import type { Notification, NotificationConstructorOptions } from 'electron';

/** What the desktop notifier needs of Electron's `Notification` class; tests pass a fake. */
export interface NotificationClass {
  isSupported(): boolean;
  new (options: NotificationConstructorOptions): Pick<Notification, 'show'>;
}

/**
 * The core's `notify` port as OS notifications (a token about to expire). Where the desktop has no
 * notification service (some Linux sessions) it stays silent: the Tokens page still shows the
 * token as expiring.
 */
export function desktopNotifier(NotificationImpl: NotificationClass): (title: string, body: string) => void {
  return (title, body) => {
    if (!NotificationImpl.isSupported()) return;
    new NotificationImpl({ title, body }).show();
  };
}
