import type { IpcMainInvokeEvent } from 'electron';
import { methodNames } from '../../shared/contract.ts';
import { internalError } from '../../shared/errors.ts';
import { fail, type Result } from '../../shared/result.ts';
import { dispatch } from '../core/api.ts';
import type { Core } from '../core/core.ts';
import { log } from '../core/platform/log.ts';
import { channelFor } from './credentials-bridge.ts';
import { senderRefusal, type SenderFacts } from './trusted-sender.ts';

/** The part of ipcMain this needs, so tests can pass a fake. */
export interface IpcRegistry {
  handle(channel: string, listener: (event: IpcMainInvokeEvent, ...args: unknown[]) => Promise<Result<unknown>>): void;
}

/** The part of an IPC event the sender check reads. */
export type InvokeEvent = Pick<IpcMainInvokeEvent, 'sender' | 'senderFrame'>;

const forbidden = { code: 'forbidden', message: 'This window is not allowed to use the app. Close it and use the main window.' } as const;

/**
 * The one way the contract is reachable over IPC: a channel per method, each checking the sender
 * before `dispatch` validates the input with the contract's schema. It never throws across IPC
 * (Electron would hand the renderer the error's text), and logs name the method, never the input.
 */
export function registerContractHandlers(ipcMain: IpcRegistry, core: Core, trustedWebContentsIds: ReadonlySet<number>): void {
  for (const method of methodNames) {
    ipcMain.handle(channelFor(method), (event, input) => handleCall(core, trustedWebContentsIds, event, method, input));
  }
}

export async function handleCall(
  core: Core,
  trusted: ReadonlySet<number>,
  event: InvokeEvent,
  method: string,
  input: unknown,
): Promise<Result<unknown>> {
  try {
    const refusal = senderRefusal(senderOf(event), trusted);
    if (refusal) {
      log.error(`refused ${method}: ${refusal}`);
      return fail(forbidden);
    }
    return await dispatch(core, method, input);
  } catch (error) {
    log.error(`${method} failed in the IPC handler`, error);
    return fail(internalError);
  }
}

/** Reads the sender as plain data; a destroyed frame's getters throw, which counts as gone. */
export function senderOf(event: InvokeEvent): SenderFacts {
  const webContentsId = event.sender.id;
  try {
    const frame = event.senderFrame;
    if (!frame || frame.isDestroyed()) return { webContentsId, frame: undefined };
    return { webContentsId, frame: { isMainFrame: frame.parent === null, url: frame.url } };
  } catch {
    return { webContentsId, frame: undefined };
  }
}
