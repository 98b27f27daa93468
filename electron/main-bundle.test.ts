import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import Module, { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { build } from 'esbuild';
import { afterAll, describe, expect, it } from 'vitest';
import { methodNames } from '../shared/contract.ts';

// Electron cannot run here, so the bundled main process is loaded in Node against a recording
// stand-in for the `electron` module: this checks the wiring main.ts does, as bundled.
const dir = mkdtempSync(path.join(tmpdir(), 'azcred-main-'));
const dataFolder = path.join(dir, 'data');
const calls: string[] = [];
const channels: string[] = [];
const windows: { options: Record<string, unknown>; url?: string }[] = [];
const sessions: { partition: string; handled: string[]; locked: string[] }[] = [];
let whenReadyDone: Promise<void> = Promise.resolve();

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

const fakeElectron = {
  app: {
    setPath: (name: string, value: string) => void calls.push(`setPath ${name} ${value}`),
    enableSandbox: () => void calls.push('enableSandbox'),
    requestSingleInstanceLock: () => true,
    on: (event: string) => void calls.push(`app.on ${event}`),
    whenReady: () => ({ then: (fn: () => void) => ((whenReadyDone = Promise.resolve().then(fn)), { catch: () => undefined }) }),
    getPath: () => path.join(dataFolder, 'electron'),
    getVersion: () => '1.2.3',
    isPackaged: true,
    quit: () => void calls.push('quit'),
    exit: () => void calls.push('exit'),
  },
  protocol: { registerSchemesAsPrivileged: (schemes: unknown) => void calls.push(`privileged ${JSON.stringify(schemes)}`) },
  session: { defaultSession: fakeSession('(default)'), fromPartition: (partition: string) => fakeSession(partition) },
  ipcMain: { handle: (channel: string) => void channels.push(channel), on: () => undefined, removeAllListeners: (name: string) => void calls.push(`removeAllListeners ${name}`) },
  screen: { getAllDisplays: () => [{ workArea: { x: 0, y: 0, width: 1920, height: 1080 } }] },
  shell: { openExternal: () => Promise.resolve() },
  BrowserWindow: class {
    static getAllWindows = () => windows;
    readonly webContents = { id: 1, once: () => undefined };
    readonly record: { options: Record<string, unknown>; url?: string };
    constructor(options: Record<string, unknown>) {
      this.record = { options };
      windows.push(this.record);
    }
    on() {}
    once() {}
    loadURL(url: string) {
      this.record.url = url;
      return Promise.resolve();
    }
  },
};

const loader = Module as unknown as { _load: (request: string, ...rest: unknown[]) => unknown };
const originalLoad = loader._load;
afterAll(() => {
  loader._load = originalLoad;
});

describe('the bundled main process', () => {
  it('wires the guards, the protocol, the IPC handlers and one locked-down window', async () => {
    const bundle = await build({
      entryPoints: [path.join(import.meta.dirname, 'main.ts')],
      bundle: true, platform: 'node', format: 'cjs', write: false, logLevel: 'silent',
      external: ['electron', 'keytar'], define: { 'import.meta.dirname': '__dirname', 'import.meta.url': 'importMetaUrl' },
      banner: { js: "const importMetaUrl = require('node:url').pathToFileURL(__filename).href;" },
    });
    expect(bundle.warnings).toEqual([]);
    const mainFile = path.join(dir, 'electron', 'main.cjs');
    mkdirSync(path.dirname(mainFile), { recursive: true });
    writeFileSync(mainFile, bundle.outputFiles[0]?.text ?? '');

    process.env['AZCRED_HOME'] = dataFolder;
    loader._load = function (request: string, ...rest: unknown[]) {
      return request === 'electron' ? fakeElectron : originalLoad.call(this, request, ...rest);
    };
    createRequire(import.meta.url)(mainFile);
    await whenReadyDone;

    expect(calls).toContain(`setPath userData ${path.join(dataFolder, 'electron')}`);
    expect(calls).toContain('enableSandbox');
    expect(calls).toContain('privileged [{"scheme":"app","privileges":{"standard":true,"secure":true}}]');
    expect(calls).toEqual(expect.arrayContaining(['app.on session-created', 'app.on web-contents-created', 'app.on window-all-closed', 'app.on second-instance', 'app.on will-quit']));
    expect(calls).toContain('removeAllListeners electron-store-get-data');
    expect(channels).toEqual(methodNames.map((method) => `azcred:${method}`));

    const appSession = sessions.find((s) => s.partition === 'azcred-app');
    expect(appSession?.handled).toEqual(['app']);
    expect(appSession?.locked).toEqual(['request', 'check', 'device']);
    expect(sessions.find((s) => s.partition === '(default)')?.locked).toEqual(['request', 'check', 'device']);

    expect(windows).toHaveLength(1);
    expect(windows[0]?.url).toBe('app://renderer/index.html');
    expect(windows[0]?.options['webPreferences']).toMatchObject({
      partition: 'azcred-app', sandbox: true, contextIsolation: true, nodeIntegration: false, devTools: false,
      preload: path.join(dir, 'electron', 'preload.cjs'),
    });
  });
});
