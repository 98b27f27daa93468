import type { Notification, NotificationConstructorOptions } from 'electron';

/** What the desktop notifier needs of Electron's `Notification` class; tests pass a fake. */
export interface NotificationClass {
  isSupported(): boolean;
  new (options: NotificationConstructorOptions): Pick<Notification, 'show' | 'on'>;
}

/** What a notification's buttons and a click on it do, for the token it is about. */
export interface NotificationActions {
  refresh(id: string): void;
  copy(id: string): void;
  /** Opens the app's window on the Today page (a click on the notification, and on Linux its only action). */
  openToday(): void;
}

/** The buttons, in the order Electron reports their index in the `action` event. */
export const notificationButtons = ['Refresh now', 'Copy'] as const;

/**
 * The core's `notify` port as OS notifications (a token about to expire), with Refresh now and Copy
 * buttons for that token. Electron shows the buttons on macOS only (Windows needs custom toastXml,
 * Linux's notification service has none: https://www.electronjs.org/docs/latest/api/notification);
 * elsewhere a click opens Today, where both are one click away. Where the desktop has no
 * notification service (some Linux sessions) it stays silent: Today and the tray still show it.
 */
export function desktopNotifier(
  NotificationImpl: NotificationClass,
  actions?: NotificationActions,
): (title: string, body: string, token?: { id: string }) => void {
  // Electron forgets a notification's listeners once nothing holds it: hold each until it closes.
  const shown = new Set<Pick<Notification, 'show' | 'on'>>();
  return (title, body, token) => {
    if (!NotificationImpl.isSupported()) return;
    const withButtons = Boolean(actions && token);
    const notification = new NotificationImpl({
      title,
      body,
      ...(withButtons && { actions: notificationButtons.map((text) => ({ type: 'button' as const, text })) }),
    });
    if (actions) {
      shown.add(notification);
      notification.on('close', () => shown.delete(notification));
      notification.on('click', () => actions.openToday());
      if (token)
        notification.on('action', (_event, index) => {
          if (index === 0) actions.refresh(token.id);
          else if (index === 1) actions.copy(token.id);
        });
    }
    notification.show();
  };
}
