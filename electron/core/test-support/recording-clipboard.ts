import type { ClipboardPort } from '../platform/clipboard.ts';

/**
 * A stand-in for Electron's clipboard (Electron cannot run here): holds one text and records the
 * calls the core made, so tests can see what was written and whether it was cleared.
 */
export function recordingClipboard(): ClipboardPort & { text: string; calls: string[] } {
  const board = {
    text: '',
    calls: [] as string[],
    async writeSecret(text: string) {
      board.calls.push('writeSecret');
      board.text = text;
    },
    readText: async () => board.text,
    clear() {
      board.calls.push('clear');
      board.text = '';
    },
  };
  return board;
}
