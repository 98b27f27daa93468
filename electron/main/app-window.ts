import type { BrowserWindowConstructorOptions } from 'electron';
import { minimumWindowSize, type WindowState } from './window-state.ts';

/**
 * The app's window, built with the Electron security checklist's settings written out in full at
 * the one place a window is constructed (so reviewers and the security scan see them there).
 * BrowserWindow comes in as a parameter: the tests pass a recorder and check exactly what
 * Electron would receive. https://www.electronjs.org/docs/latest/tutorial/security
 */

/**
 * The window's own session. In memory (no `persist:` prefix): the page keeps nothing of its own;
 * everything it shows comes from the core over IPC and lives in the data folder.
 */
export const appPartition = 'azcred-app';

export interface AppWindowSettings {
  state: WindowState;
  /** dist/electron/preload.cjs, absolute. */
  preloadPath: string;
  /** app.isPackaged: DevTools exist only in a development build. */
  packaged: boolean;
}

export type BrowserWindowClass<W> = new (options: BrowserWindowConstructorOptions) => W;

export function createAppWindow<W>(BrowserWindow: BrowserWindowClass<W>, settings: AppWindowSettings): W {
  return new BrowserWindow({
    ...settings.state.bounds,
    minWidth: minimumWindowSize.width,
    minHeight: minimumWindowSize.height,
    title: 'Azure Credential Manager',
    show: false, // shown on ready-to-show, so the window never flashes white
    autoHideMenuBar: true,
    webPreferences: {
      partition: appPartition,
      preload: settings.preloadPath,
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webviewTag: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      navigateOnDragDrop: false,
      disableBlinkFeatures: 'Auxclick', // a middle click would otherwise try to open a window
      safeDialogs: true,
      spellcheck: false, // keys are pasted here, and the spellchecker fetches dictionaries online
      devTools: !settings.packaged,
    },
  });
}
