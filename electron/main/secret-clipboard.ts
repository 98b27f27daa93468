import { clipboard, ClipboardItem } from 'electron';
import type { ClipboardPort } from '../core/platform/clipboard.ts';
import { secretClipboardEntry } from './secret-clipboard-entry.ts';

/** The core's clipboard port over Electron's `clipboard` (asynchronous, modelled on the W3C Clipboard API). */
export function secretClipboard(): ClipboardPort {
  return {
    writeSecret: (text) => clipboard.write([new ClipboardItem(secretClipboardEntry(text))]),
    readText: () => clipboard.readText(),
    clear: () => clipboard.clear(),
  };
}
