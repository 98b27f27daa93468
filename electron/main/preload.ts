import { contextBridge, ipcRenderer } from 'electron';
import { createCredentialsBridge } from './credentials-bridge.ts';

/**
 * The preload script: exposes `window.credentials.invoke(method, input)` and `onEvent(listener)`
 * and nothing else. It runs sandboxed, so it is bundled to CommonJS (scripts/build-electron.ts);
 * only the well-formed method names it forwards reach the main process, where the sender and the
 * input are checked again. Events reach the page without Electron's event object (it holds the sender).
 */
contextBridge.exposeInMainWorld(
  'credentials',
  createCredentialsBridge(
    (channel, input) => ipcRenderer.invoke(channel, input),
    (channel, listener) => {
      const heard = (_event: unknown, payload: unknown) => listener(payload);
      ipcRenderer.on(channel, heard);
      return () => void ipcRenderer.removeListener(channel, heard);
    },
  ),
);
