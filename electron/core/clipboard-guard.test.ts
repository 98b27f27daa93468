import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ClipboardPort } from './clipboard.ts';
import { ClipboardGuard } from './clipboard-guard.ts';

/** A stand-in for Electron's clipboard (which cannot run here) that records what the guard did. */
function recordingClipboard(): ClipboardPort & { text: string; calls: string[] } {
  const board = {
    text: '',
    calls: [] as string[],
    writeSecret(text: string) {
      board.calls.push('writeSecret');
      board.text = text;
    },
    readText: () => board.text,
    clear() {
      board.calls.push('clear');
      board.text = '';
    },
  };
  return board;
}

let clipboard: ReturnType<typeof recordingClipboard>;
let guard: ClipboardGuard;

beforeEach(() => {
  vi.useFakeTimers();
  clipboard = recordingClipboard();
  guard = new ClipboardGuard(clipboard);
});
afterEach(() => vi.useRealTimers());

describe('the clipboard guard', () => {
  it('clears the copied secret after the configured seconds, not before', () => {
    guard.copy('secret-one', 30);
    expect(clipboard.text).toBe('secret-one');
    vi.advanceTimersByTime(29_999);
    expect(clipboard.text).toBe('secret-one');
    vi.advanceTimersByTime(1);
    expect(clipboard.text).toBe('');
    expect(clipboard.calls).toEqual(['writeSecret', 'clear']);
  });

  it('leaves alone whatever the user copied since', () => {
    guard.copy('secret-one', 30);
    clipboard.text = 'something the user copied';
    vi.advanceTimersByTime(30_000);
    expect(clipboard.text).toBe('something the user copied');
    expect(clipboard.calls).toEqual(['writeSecret']);
  });

  it('replaces the pending clear when a second secret is copied', () => {
    guard.copy('secret-one', 30);
    vi.advanceTimersByTime(20_000);
    guard.copy('secret-two', 30);
    vi.advanceTimersByTime(10_000);
    expect(clipboard.text).toBe('secret-two');
    vi.advanceTimersByTime(20_000);
    expect(clipboard.text).toBe('');
    expect(vi.getTimerCount()).toBe(0);
  });

  it('clears on quit only while the clipboard still holds the copied value', () => {
    guard.copy('secret-one', 30);
    expect(guard.clearNow()).toBe(true);
    expect(clipboard.text).toBe('');
    expect(vi.getTimerCount()).toBe(0);

    guard.copy('secret-two', 30);
    clipboard.text = 'the user copied this';
    expect(guard.clearNow()).toBe(false);
    expect(clipboard.text).toBe('the user copied this');
    expect(guard.clearNow()).toBe(false);
  });

  it('does nothing on quit when nothing was copied', () => {
    clipboard.text = 'not ours';
    expect(guard.clearNow()).toBe(false);
    expect(clipboard.calls).toEqual([]);
  });
});
