import type { BrowserWindowConstructorOptions } from 'electron';
import { describe, expect, it } from 'vitest';
import { appPartition, createAppWindow, type AppWindowSettings } from './app-window.ts';

/** Stands in for BrowserWindow and keeps what Electron would have been given. */
class RecordingWindow {
  readonly options: BrowserWindowConstructorOptions;
  constructor(options: BrowserWindowConstructorOptions) {
    this.options = options;
  }
}

const settings: AppWindowSettings = {
  state: { bounds: { x: 10, y: 20, width: 1000, height: 700 }, maximized: false },
  preloadPath: '/app/dist/electron/preload.cjs',
  packaged: true,
};

function preferencesFor(overrides: Partial<AppWindowSettings> = {}) {
  const window = createAppWindow(RecordingWindow, { ...settings, ...overrides });
  return { options: window.options, prefs: window.options.webPreferences ?? {} };
}

describe('the app window', () => {
  it('runs the page sandboxed, isolated and without Node', () => {
    expect(preferencesFor().prefs).toMatchObject({
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      nodeIntegrationInSubFrames: false,
      nodeIntegrationInWorker: false,
    });
  });

  it('keeps web security on and refuses <webview>, insecure content and experimental features', () => {
    const { prefs } = preferencesFor();
    expect(prefs).toMatchObject({
      webviewTag: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      navigateOnDragDrop: false,
      disableBlinkFeatures: 'Auxclick',
    });
    expect(prefs.enableBlinkFeatures).toBeUndefined();
  });

  it('uses its own in-memory session, not the default one', () => {
    const { prefs } = preferencesFor();
    expect(prefs.partition).toBe(appPartition);
    expect(appPartition).not.toBe('');
    expect(appPartition.startsWith('persist:')).toBe(false);
    expect(prefs.session).toBeUndefined();
  });

  it('has no DevTools when packaged, and has them in development', () => {
    expect(preferencesFor({ packaged: true }).prefs.devTools).toBe(false);
    expect(preferencesFor({ packaged: false }).prefs.devTools).toBe(true);
  });

  it('loads the preload it is given and opens where the saved state says', () => {
    const { options, prefs } = preferencesFor();
    expect(prefs.preload).toBe(settings.preloadPath);
    expect(options).toMatchObject({ x: 10, y: 20, width: 1000, height: 700, show: false });
  });
});
