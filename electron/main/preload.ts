import { contextBridge, ipcRenderer } from 'electron';
import { createCredentialsBridge } from './credentials-bridge.ts';

/**
 * The preload script: exposes `window.credentials.invoke(method, input)` and nothing else. It runs
 * sandboxed, so it is bundled to CommonJS (scripts/build-electron.ts); only the well-formed method
 * names it forwards reach the main process, where the sender and the input are checked again.
 */
contextBridge.exposeInMainWorld(
  'credentials',
  createCredentialsBridge((channel, input) => ipcRenderer.invoke(channel, input)),
);
