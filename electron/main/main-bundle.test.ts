import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import Module, { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
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
    Notification: { isSupported: () => false },
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

  return { electron, calls, channels, windows, sessions, board, sent, quit, emitApp, invoke, ready: () => whenReadyDone };
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
    const { calls, channels, sessions, windows, root, dataFolder } = await loadMain();

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
    },
  );
});
