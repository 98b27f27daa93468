/**
 * electron/main/: the Electron main process, one of the three front doors beside web/ (browser mode)
 * and cli/ (azcred). It opens the window, serves the renderer over app://, guards navigation and
 * permissions, and carries contract calls from the preload over IPC to the core's dispatch. Only this
 * folder imports `electron`; it imports electron/core/ and shared/, never web/ or cli/.
 */

import path from 'node:path';
import {
  app,
  BrowserWindow,
  globalShortcut,
  ipcMain,
  Menu,
  nativeImage,
  Notification,
  protocol,
  screen,
  session,
  shell,
  Tray,
  webContents,
} from 'electron';
import Store from 'electron-store';
import { appEntryUrl, appScheme, serveRenderer } from './app-protocol.ts';
import { appPartition, createAppWindow } from './app-window.ts';
import { createApi, type Api } from '../../shared/api-client.ts';
import { methodNames } from '../../shared/contract.ts';
import { dispatch } from '../core/api.ts';
import { createCore } from '../core/core.ts';
import { resolveDataFolder } from '../core/platform/data-folder.ts';
import { log } from '../core/platform/log.ts';
import { forwardCoreEvents } from './event-forwarding.ts';
import { registerContractHandlers } from './ipc-handle.ts';
import { desktopNotifier, type NotificationActions } from './notifications.ts';
import { secretClipboard } from './secret-clipboard.ts';
import { denyAllPermissions, externalLinkOpener, guardWebContents, signInPageOpener } from './security-guards.ts';
import { startTray } from './tray.ts';
import { restoreWindowState, windowStateToSave, type SavedWindowState } from './window-state.ts';

/**
 * The desktop app's composition root: Electron in, the core and the guards wired up, one window.
 * Everything that decides something lives in a sibling module with tests; this file only connects.
 */

// The bundle is dist/electron/main.cjs (scripts/build-electron.ts maps import.meta.dirname to
// __dirname): the preload sits beside it and the built renderer in dist/renderer.
const bundleDir = import.meta.dirname;
const preloadPath = path.join(bundleDir, 'preload.cjs');
const rendererRoot = path.join(bundleDir, '..', 'renderer');

// The same folder as the CLI and browser mode (not app.getPath): Chromium's own files go under it
// too, and the single-instance lock is per folder, so two AZCRED_HOMEs can run side by side.
const dataFolder = resolveDataFolder();
app.setPath('userData', path.join(dataFolder.path, 'electron'));
app.enableSandbox();
protocol.registerSchemesAsPrivileged([{ scheme: appScheme, privileges: { standard: true, secure: true } }]);

if (app.requestSingleInstanceLock()) start();
else app.quit();

function start(): void {
  const trustedWebContentsIds = new Set<number>();
  const openExternalSafely = externalLinkOpener(shell);
  let mainWindow: BrowserWindow | undefined;
  let showToday: () => void = () => undefined;

  app.on('session-created', denyAllPermissions);
  app.on('web-contents-created', (_event, contents) => guardWebContents(contents, openExternalSafely));
  app.on('second-instance', () => {
    if (mainWindow?.isMinimized()) mainWindow.restore();
    mainWindow?.focus();
  });
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });

  app
    .whenReady()
    .then(() => {
      // The tray, the shortcut and the notifications' buttons call the core as a window does, through dispatch
      // (`api`, made once the core is: they run only when the user acts, after this function).
      const tokenActions: NotificationActions = {
        refresh: (id) => void api.tokens.refresh({ id }).then((r) => r.ok || notify('The token was not refreshed', r.error.message)),
        copy: (id) => void api.tokens.copy({ id }).then((r) => r.ok || notify('The token was not copied', r.error.message)),
        openToday: () => showToday(),
      };
      const notify = desktopNotifier(Notification, tokenActions);
      const core = createCore({
        mode: 'electron',
        dataFolder,
        version: app.getVersion(),
        runtime: { electron: process.versions.electron, chrome: process.versions.chrome },
        platform: { clipboard: secretClipboard(), openBrowser: signInPageOpener(shell), notify },
      });
      const api: Api = createApi(methodNames, (method, input) => dispatch(core, method, input));
      const tray = startTray(
        { Tray, Menu, nativeImage, globalShortcut },
        async () => {
          const listed = await api.tokens.list();
          return listed.ok ? listed.value : [];
        },
        (listener) => core.events.subscribe(listener),
        { ...tokenActions, quit: () => app.quit() },
      );
      let closed = false;
      // Reading the clipboard is asynchronous: hold the quit until the core has cleared a copied secret.
      app.on('will-quit', (event) => {
        if (closed) return;
        event.preventDefault();
        closed = true;
        tray.close();
        void core.close().finally(() => app.quit());
      });
      // session-created covers every session; these two are named so the lock is visible here.
      denyAllPermissions(session.defaultSession);
      const appSession = session.fromPartition(appPartition);
      denyAllPermissions(appSession);
      appSession.protocol.handle(appScheme, (request) => serveRenderer(rendererRoot, request.url, request.method));
      registerContractHandlers(ipcMain, core, trustedWebContentsIds);
      forwardCoreEvents(
        (listener) => core.events.subscribe(listener),
        trustedWebContentsIds,
        (id) => webContents.fromId(id),
      );

      const windowStore = openWindowStore();
      const open = () => (mainWindow = openMainWindow(windowStore, trustedWebContentsIds));
      // The shortcut, the tray's Open Today and a click on a notification: the window in front, on Today (a same-page hash change).
      showToday = () => {
        const window = mainWindow && !mainWindow.isDestroyed() ? mainWindow : open();
        if (window.isMinimized()) window.restore();
        window.show();
        window.focus();
        window.loadURL(`${appEntryUrl}#/today`).catch((error: unknown) => log.error('the window could not open Today', error));
      };
      open();
      app.on('activate', () => {
        if (BrowserWindow.getAllWindows().length === 0) open();
      });
    })
    .catch((error: unknown) => {
      log.error('the app could not start', error);
      app.exit(1);
    });
}

type WindowStore = Store<{ window?: SavedWindowState }>;

/** window-state.json in the data folder; it only holds bounds, so a damaged file is just reset. */
function openWindowStore(): WindowStore {
  const store: WindowStore = new Store({ cwd: dataFolder.path, name: 'window-state', clearInvalidConfig: true, configFileMode: 0o600 });
  // electron-store answers a sync IPC channel for renderer-side stores; we have none, so close it.
  ipcMain.removeAllListeners('electron-store-get-data');
  return store;
}

function openMainWindow(store: WindowStore, trusted: Set<number>): BrowserWindow {
  const state = restoreWindowState(
    store.get('window'),
    screen.getAllDisplays().map((display) => display.workArea),
  );
  const window = createAppWindow(BrowserWindow, { state, preloadPath, packaged: app.isPackaged });
  const contentsId = window.webContents.id;
  trusted.add(contentsId);
  window.webContents.once('destroyed', () => trusted.delete(contentsId));
  window.on('close', () => store.set('window', windowStateToSave(window.getNormalBounds(), window.isMaximized())));
  window.once('ready-to-show', () => {
    if (state.maximized) window.maximize();
    window.show();
  });
  window.loadURL(appEntryUrl).catch((error: unknown) => log.error('the window could not load the app', error));
  return window;
}
