import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import Module, { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { startEmulator, type RunningEmulator } from '../../e2e/azure-emulator/server.ts';
import { defaultScenario } from '../../e2e/azure-emulator/test/emulator-fixtures.ts';
import { methodNames } from '../../shared/contract.ts';
import { eventChannel } from './credentials-bridge.ts';
import type { Result } from '../../shared/result.ts';

// Electron cannot run here, so the bundled main process is loaded in Node against a recording
// stand-in for the `electron` module: this checks the wiring main.ts does, as bundled.
const dir = mkdtempSync(path.join(tmpdir(), 'azcred-main-'));
let bundleText = '';
let loads = 0;

type Listener = (...args: unknown[]) => unknown;
type Handler = (event: unknown, input?: unknown) => Promise<Result<unknown>>;
/** A menu item as main.ts builds it (Electron's MenuItemConstructorOptions, the parts the tests read). */
interface MenuItem {
  id?: string;
  label?: string;
  enabled?: boolean;
  submenu?: MenuItem[];
  click?: () => void;
}

/** A recording stand-in for the `electron` module: what main.ts registered, and a clipboard that holds one entry. */
function electronStandIn(dataFolder: string) {
  const calls: string[] = [];
  const channels: string[] = [];
  const handlers = new Map<string, Handler>();
  const appListeners = new Map<string, Listener[]>();
  const windows: { options: Record<string, unknown>; url?: string }[] = [];
  /** What the main process sent to a window's page outside a call: the core's events. */
  const sent: { channel: string; payload: unknown }[] = [];
  const windowContents: { id: number }[] = [];
  const sessions: { partition: string; handled: string[]; locked: string[] }[] = [];
  let whenReadyDone: Promise<void> = Promise.resolve();
  let quitCalled: () => void = () => undefined;
  const quit = new Promise<void>((resolve) => (quitCalled = resolve));
  /** The system clipboard: the payloads of the last item written, by MIME type or raw OS format. */
  const board = { entry: {} as Record<string, string> };
  /** The tray icon: its menu as last set (Menu.buildFromTemplate hands the template back), tooltip, and whether it was taken down. */
  const trays: { menu: MenuItem[]; tooltip: string; destroyed: boolean }[] = [];
  /** Global shortcuts held now, by accelerator. */
  const shortcuts = new Map<string, () => void>();
  /** OS notifications shown, with their options and listeners. */
  const notifications: { options: { title?: string; body?: string; actions?: unknown[] }; listeners: Map<string, Listener> }[] = [];

  function fakeSession(partition: string) {
    const record = { partition, handled: [] as string[], locked: [] as string[] };
    sessions.push(record);
    const lock = (name: string) => () => void record.locked.push(name);
    return {
      protocol: { handle: (scheme: string) => void record.handled.push(scheme) },
      setPermissionRequestHandler: lock('request'),
      setPermissionCheckHandler: lock('check'),
      setDevicePermissionHandler: lock('device'),
    };
  }

  const electron = {
    app: {
      setPath: (name: string, value: string) => void calls.push(`setPath ${name} ${value}`),
      enableSandbox: () => void calls.push('enableSandbox'),
      requestSingleInstanceLock: () => true,
      on: (event: string, listener: Listener) => {
        calls.push(`app.on ${event}`);
        appListeners.set(event, [...(appListeners.get(event) ?? []), listener]);
      },
      whenReady: () => ({ then: (fn: () => void) => ((whenReadyDone = Promise.resolve().then(fn)), { catch: () => undefined }) }),
      getPath: () => path.join(dataFolder, 'electron'),
      getVersion: () => '1.2.3',
      isPackaged: true,
      quit: () => {
        calls.push('quit');
        quitCalled();
      },
      exit: () => void calls.push('exit'),
    },
    clipboard: {
      write: async (items: { payloads: Record<string, string> }[]) => {
        calls.push('clipboard.write');
        board.entry = { ...items[0]?.payloads };
      },
      readText: async () => board.entry['text/plain'] ?? '',
      clear: () => {
        calls.push('clipboard.clear');
        board.entry = {};
      },
    },
    ClipboardItem: class {
      readonly payloads: Record<string, string>;
      constructor(payloads: Record<string, string>) {
        this.payloads = payloads;
      }
    },
    protocol: { registerSchemesAsPrivileged: (schemes: unknown) => void calls.push(`privileged ${JSON.stringify(schemes)}`) },
    session: { defaultSession: fakeSession('(default)'), fromPartition: (partition: string) => fakeSession(partition) },
    ipcMain: {
      handle: (channel: string, handler: Handler) => {
        channels.push(channel);
        handlers.set(channel, handler);
      },
      on: () => undefined,
      removeAllListeners: (name: string) => void calls.push(`removeAllListeners ${name}`),
    },
    webContents: { fromId: (id: number) => windowContents.find((contents) => contents.id === id) },
    screen: { getAllDisplays: () => [{ workArea: { x: 0, y: 0, width: 1920, height: 1080 } }] },
    shell: { openExternal: () => Promise.resolve() },
    Notification: class {
      static isSupported = () => true;
      readonly record: (typeof notifications)[number];
      constructor(options: (typeof notifications)[number]['options']) {
        this.record = { options, listeners: new Map() };
      }
      on(name: string, listener: Listener) {
        this.record.listeners.set(name, listener);
        return this;
      }
      show() {
        notifications.push(this.record);
      }
    },
    Tray: class {
      readonly record = { menu: [] as MenuItem[], tooltip: '', destroyed: false };
      constructor() {
        trays.push(this.record);
      }
      setContextMenu(menu: { template: MenuItem[] }) {
        this.record.menu = menu.template;
      }
      setToolTip(text: string) {
        this.record.tooltip = text;
      }
      destroy() {
        this.record.destroyed = true;
      }
    },
    Menu: { buildFromTemplate: (template: MenuItem[]) => ({ template }) },
    nativeImage: { createFromBuffer: () => ({ setTemplateImage: () => undefined }) },
    globalShortcut: {
      register: (accelerator: string, callback: () => void) => {
        calls.push(`globalShortcut.register ${accelerator}`);
        shortcuts.set(accelerator, callback);
        return true;
      },
      unregister: (accelerator: string) => {
        calls.push(`globalShortcut.unregister ${accelerator}`);
        shortcuts.delete(accelerator);
      },
    },
    BrowserWindow: class {
      static getAllWindows = () => windows;
      readonly record: { options: Record<string, unknown>; url?: string };
      readonly webContents = {
        id: 1,
        once: () => undefined,
        isDestroyed: () => false,
        getURL: () => this.record.url ?? '',
        send: (channel: string, payload: unknown) => void sent.push({ channel, payload }),
      };
      constructor(options: Record<string, unknown>) {
        this.record = { options };
        windows.push(this.record);
        windowContents.push(this.webContents);
      }
      on() {}
      once() {}
      isDestroyed = () => false;
      isMinimized = () => false;
      show = () => void calls.push('window.show');
      focus = () => undefined;
      loadURL(url: string) {
        this.record.url = url;
        return Promise.resolve();
      }
    },
  };

  /** Emits an app event the way Electron does, with an event object that records preventDefault. */
  const emitApp = (name: string) => {
    const event = { prevented: false, preventDefault: () => void (event.prevented = true) };
    for (const listener of appListeners.get(name) ?? []) listener(event);
    return event;
  };
  /** Calls a contract method over IPC as the main window's page would (webContents 1, main frame, app:// origin). */
  const invoke = async <T>(method: string, input?: unknown): Promise<T> => {
    const handler = handlers.get(`azcred:${method}`);
    if (!handler) throw new Error(`no IPC handler for ${method}`);
    const sender = { sender: { id: 1 }, senderFrame: { parent: null, url: 'app://renderer/index.html', isDestroyed: () => false } };
    const result = await handler(sender, input);
    if (!result.ok) throw new Error(`${method}: ${result.error.code}: ${result.error.message}`);
    return result.value as T;
  };

  return {
    electron,
    calls,
    channels,
    windows,
    sessions,
    board,
    sent,
    trays,
    shortcuts,
    notifications,
    quit,
    emitApp,
    invoke,
    ready: () => whenReadyDone,
  };
}

const loader = Module as unknown as { _load: (request: string, ...rest: unknown[]) => unknown };
const originalLoad = loader._load;
const originalHome = process.env['AZCRED_HOME'];
const keytarPath = createRequire(import.meta.url).resolve('keytar');

beforeAll(async () => {
  const bundle = await build({
    entryPoints: [path.join(import.meta.dirname, 'main.ts')],
    bundle: true,
    platform: 'node',
    format: 'cjs',
    write: false,
    logLevel: 'silent',
    external: ['electron', 'keytar'],
    define: { 'import.meta.dirname': '__dirname', 'import.meta.url': 'importMetaUrl' },
    banner: { js: "const importMetaUrl = require('node:url').pathToFileURL(__filename).href;" },
  });
  expect(bundle.warnings).toEqual([]);
  bundleText = bundle.outputFiles[0]?.text ?? '';
});
afterAll(() => {
  loader._load = originalLoad;
  if (originalHome === undefined) delete process.env['AZCRED_HOME'];
  else process.env['AZCRED_HOME'] = originalHome;
  rmSync(dir, { recursive: true, force: true });
});

/** Loads a fresh copy of the bundled main (its own folder, data folder and stand-in) and waits for its `whenReady` work. */
async function loadMain() {
  const root = path.join(dir, `run-${++loads}`);
  const dataFolder = path.join(root, 'data');
  const mainFile = path.join(root, 'electron', 'main.cjs');
  mkdirSync(path.dirname(mainFile), { recursive: true });
  writeFileSync(mainFile, bundleText);
  const standIn = electronStandIn(dataFolder);
  process.env['AZCRED_HOME'] = dataFolder;
  loader._load = function (request: string, ...rest: unknown[]) {
    if (request === 'electron') return standIn.electron;
    // The bundle sits in a temp folder with no node_modules above it: keytar comes from this checkout.
    return originalLoad.call(this, request === 'keytar' ? keytarPath : request, ...rest);
  };
  createRequire(import.meta.url)(mainFile);
  await standIn.ready();
  return { ...standIn, root, dataFolder };
}

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const linuxSecretHint = 'electron application/osclipboard;format="x-kde-passwordManagerHint"';
const primaryKey = 'bWFpbi1idW5kbGUtY2xpcGJvYXJkLWNhbmFyeS1rZXk=';
const arr = { kind: 'arr', name: 'Quit test', accountId: '0f6c8e4a-1b2c-4d3e-8f90-123456789abc', accountDomain: 'westeurope', primaryKey };

/** Loads the main, adds an account through IPC (the real keychain) and copies its primary key through IPC. */
async function mainWithCopiedKey() {
  const main = await loadMain();
  const account = await main.invoke<{ id: string }>('accounts.add', arr);
  expect(await main.invoke('accounts.copy', { id: account.id, secret: 'primaryKey' })).toEqual({ clearsAfterSeconds: 30 });
  return main;
}

describe('the bundled main process', () => {
  it('wires the guards, the protocol, the IPC handlers and one locked-down window', async () => {
    const { calls, channels, sessions, windows, trays, root, dataFolder } = await loadMain();

    expect(calls).toContain(`setPath userData ${path.join(dataFolder, 'electron')}`);
    expect(calls).toContain('enableSandbox');
    expect(calls).toContain('privileged [{"scheme":"app","privileges":{"standard":true,"secure":true}}]');
    expect(calls).toEqual(
      expect.arrayContaining([
        'app.on session-created',
        'app.on web-contents-created',
        'app.on window-all-closed',
        'app.on second-instance',
        'app.on will-quit',
      ]),
    );
    expect(calls).toContain('removeAllListeners electron-store-get-data');
    expect(channels).toEqual(methodNames.map((method) => `azcred:${method}`));

    const appSession = sessions.find((s) => s.partition === 'azcred-app');
    expect(appSession?.handled).toEqual(['app']);
    expect(appSession?.locked).toEqual(['request', 'check', 'device']);
    expect(sessions.find((s) => s.partition === '(default)')?.locked).toEqual(['request', 'check', 'device']);

    expect(calls).toContain('globalShortcut.register CommandOrControl+Alt+K');
    expect(trays).toHaveLength(1);

    expect(windows).toHaveLength(1);
    expect(windows[0]?.url).toBe('app://renderer/index.html');
    expect(windows[0]?.options['webPreferences']).toMatchObject({
      partition: 'azcred-app',
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      devTools: false,
      preload: path.join(root, 'electron', 'preload.cjs'),
    });
  });

  // Adding an account stores its key in the vault, whose key is in the real keychain (scripts/with-keyring.sh).
  describe.runIf(process.platform === 'linux' && process.env['AZCRED_IN_KEYRING_SESSION'] === '1')(
    'on quit, with a key copied through IPC',
    () => {
      let emulator: RunningEmulator;
      beforeAll(async () => {
        emulator = await startEmulator({ scenario: defaultScenario() });
      });
      afterAll(() => emulator.close());

      it('holds the quit until the copied key is off the clipboard, then quits once', async () => {
        const main = await mainWithCopiedKey();
        expect(main.board.entry).toEqual({ 'text/plain': primaryKey, [linuxSecretHint]: 'secret' });

        const first = main.emitApp('will-quit');
        expect(first.prevented).toBe(true);
        expect(main.calls).not.toContain('quit');
        await main.quit;
        expect(main.board.entry).toEqual({});
        expect(main.calls.filter((call) => call === 'clipboard.clear' || call === 'quit')).toEqual(['clipboard.clear', 'quit']);

        // app.quit() emits will-quit again: this time it passes through.
        const second = main.emitApp('will-quit');
        expect(second.prevented).toBe(false);
        expect(main.calls.filter((call) => call === 'quit')).toHaveLength(1);
      });

      it("sends the core's events to the app's window, with no secret in them", async () => {
        const main = await mainWithCopiedKey();
        expect(main.sent).toContainEqual({ channel: eventChannel, payload: { type: 'vault.changed', state: 'open' } });
        expect(JSON.stringify(main.sent)).not.toContain(primaryKey);
        main.emitApp('will-quit');
        await main.quit;
      });

      it('leaves alone what the user copied after the key', async () => {
        const main = await mainWithCopiedKey();
        main.board.entry = { 'text/plain': 'something the user copied' };

        expect(main.emitApp('will-quit').prevented).toBe(true);
        await main.quit;
        expect(main.board.entry).toEqual({ 'text/plain': 'something the user copied' });
        expect(main.calls).not.toContain('clipboard.clear');
        expect(main.calls.filter((call) => call === 'quit')).toHaveLength(1);
      });

      it('lists an expiring token in the tray with Refresh now and Copy, notifies with both, gives the shortcut back on quit', async () => {
        const main = await loadMain();
        const westeurope = emulator.scenario.remoteRenderingAccounts.find((a) => a.name === 'contoso-arr-westeurope');
        await main.invoke('clouds.import', { text: JSON.stringify(emulator.cloudProfile) });
        const account = await main.invoke<{ id: string }>('accounts.add', {
          kind: 'arr',
          name: 'Tray test',
          accountId: westeurope?.accountId,
          accountDomain: westeurope?.accountDomain,
          cloud: 'AzureEmulator',
          primaryKey: westeurope?.primaryKey,
        });
        // A day's warning time: the STS token, good for a day at most, is expiring as soon as it is minted.
        await main.invoke('settings.update', { expiryWarningMinutes: 1440 });
        const token = await main.invoke<{ id: string; title: string }>('tokens.mintArr', { accountId: account.id, via: 'primaryKey' });
        const tray = main.trays[0];
        const entry = () => tray?.menu.find((item) => item.id === `token:${token.id}`);
        await vi.waitFor(() => expect(entry()?.label).toMatch(new RegExp(`^${escape(token.title)} — expires in 2[34] h`)));
        expect(tray?.tooltip).toBe('Azure Credential Manager: 1 token expiring');

        // Copy: the token goes to the (stand-in) clipboard through the main process's secret clipboard.
        const value = (await main.invoke<{ value: string }>('tokens.reveal', { id: token.id })).value;
        entry()
          ?.submenu?.find((item) => item.label === 'Copy')
          ?.click?.();
        await vi.waitFor(() => expect(main.board.entry).toEqual({ 'text/plain': value, [linuxSecretHint]: 'secret' }));

        // Refresh now: the core mints it again (a new value, a later expiry), and the menu is built again.
        const before = entry();
        entry()
          ?.submenu?.find((item) => item.label === 'Refresh now')
          ?.click?.();
        await vi.waitFor(async () =>
          expect((await main.invoke<{ value: string }>('tokens.reveal', { id: token.id })).value).not.toBe(value),
        );
        await vi.waitFor(() => expect(entry()).not.toBe(before));

        // The expiry warning is an OS notification with Refresh now and Copy for that token; its Copy runs.
        const notification = main.notifications.find((n) => n.options.body?.startsWith(token.title));
        expect(notification?.options.actions).toEqual([
          { type: 'button', text: 'Refresh now' },
          { type: 'button', text: 'Copy' },
        ]);
        notification?.listeners.get('action')?.({}, 1);
        const refreshed = (await main.invoke<{ value: string }>('tokens.reveal', { id: token.id })).value;
        await vi.waitFor(() => expect(main.board.entry['text/plain']).toBe(refreshed));

        // The shortcut opens the window on Today.
        main.shortcuts.get('CommandOrControl+Alt+K')?.();
        expect(main.windows[0]?.url).toBe('app://renderer/index.html#/today');

        // Quit: the shortcut is given back, the tray taken down, and the copied token cleared from the clipboard.
        expect(main.emitApp('will-quit').prevented).toBe(true);
        await main.quit;
        expect(main.calls).toContain('globalShortcut.unregister CommandOrControl+Alt+K');
        expect(main.shortcuts.size).toBe(0);
        expect(tray?.destroyed).toBe(true);
        expect(main.board.entry).toEqual({});
      });
    },
  );
});
