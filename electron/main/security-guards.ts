import type { Session, Shell, WebContents } from 'electron';
import { log } from '../core/platform/log.ts';
import { decideNavigation, decideNewWindow, isAllowedExternalUrl } from './navigation-policy.ts';

/**
 * The Electron security checklist's guards, in one place: permissions denied by default, no
 * navigation away from the app, no new windows, no <webview>, and one way out to the system
 * browser. Electron comes in as parameters (only types are imported) so tests can drive them.
 * https://www.electronjs.org/docs/latest/tutorial/security
 */

/** Opens a link in the system browser if, and only if, the allow-list says so. */
export type OpenExternalSafely = (url: string) => boolean;

export function externalLinkOpener(shell: Pick<Shell, 'openExternal'>): OpenExternalSafely {
  return function openExternalSafely(url) {
    if (!isAllowedExternalUrl(url)) return false;
    shell.openExternal(url).catch((error: unknown) => log.error('opening a link in the system browser failed', error));
    return true;
  };
}

/**
 * Opens an Entra sign-in page for the core. Its host comes from a cloud profile (custom clouds
 * included), so the link allow-list cannot know it; the rule is https only, and only the core's
 * sign-in calls it, never the page.
 */
export function signInPageOpener(shell: Pick<Shell, 'openExternal'>): (url: string) => Promise<void> {
  return async (url) => {
    if (!URL.canParse(url) || new URL(url).protocol !== 'https:') throw new Error('sign-in pages are opened over https only');
    await shell.openExternal(url);
  };
}

type LockableSession = Pick<Session, 'setPermissionRequestHandler' | 'setPermissionCheckHandler' | 'setDevicePermissionHandler'>;

/**
 * The app needs no web permission (camera, notifications, HID, USB, serial...): every request and
 * every check is refused. Applied to our partition and to the default session alike.
 */
export function denyAllPermissions(session: LockableSession): void {
  session.setPermissionRequestHandler((_contents, permission, callback) => {
    log.error(`refused the page's request for the "${permission}" permission`);
    callback(false);
  });
  session.setPermissionCheckHandler(() => false);
  session.setDevicePermissionHandler(() => false);
}

/** Guards any web contents the app has, from app.on('web-contents-created'). */
export function guardWebContents(contents: WebContents, openExternalSafely: OpenExternalSafely): void {
  contents.on('will-navigate', (event) => {
    const decision = decideNavigation(event.url);
    if (decision === 'allow') return;
    event.preventDefault();
    if (decision === 'open-externally') openExternalSafely(event.url);
  });
  // Subframes never navigate (the CSP allows none); will-navigate only sees the main frame.
  contents.on('will-frame-navigate', (event) => {
    if (!event.isMainFrame) event.preventDefault();
  });
  contents.setWindowOpenHandler(({ url }) => {
    if (decideNewWindow(url) === 'open-externally') openExternalSafely(url);
    return { action: 'deny' };
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
  // Without a listener Electron picks the first Bluetooth device it finds; cancel instead.
  contents.on('select-bluetooth-device', (event, _devices, callback) => {
    event.preventDefault();
    callback('');
  });
}
