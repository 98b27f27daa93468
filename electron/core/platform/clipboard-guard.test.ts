import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ClipboardGuard } from './clipboard-guard.ts';
import { recordingClipboard } from '../test-support/recording-clipboard.ts';

let clipboard: ReturnType<typeof recordingClipboard>;
let guard: ClipboardGuard;

beforeEach(() => {
  vi.useFakeTimers();
  clipboard = recordingClipboard();
  guard = new ClipboardGuard(clipboard);
});
afterEach(() => vi.useRealTimers());

describe('the clipboard guard', () => {
  it('clears the copied secret after the configured seconds, not before', async () => {
    await guard.copy('secret-one', 30);
    expect(clipboard.text).toBe('secret-one');
    await vi.advanceTimersByTimeAsync(29_999);
    expect(clipboard.text).toBe('secret-one');
    await vi.advanceTimersByTimeAsync(1);
    expect(clipboard.text).toBe('');
    expect(clipboard.calls).toEqual(['writeSecret', 'clear']);
  });

  it('leaves alone whatever the user copied since', async () => {
    await guard.copy('secret-one', 30);
    clipboard.text = 'something the user copied';
    await vi.advanceTimersByTimeAsync(30_000);
    expect(clipboard.text).toBe('something the user copied');
    expect(clipboard.calls).toEqual(['writeSecret']);
  });

  it('replaces the pending clear when a second secret is copied', async () => {
    await guard.copy('secret-one', 30);
    await vi.advanceTimersByTimeAsync(20_000);
    await guard.copy('secret-two', 30);
    await vi.advanceTimersByTimeAsync(10_000);
    expect(clipboard.text).toBe('secret-two');
    await vi.advanceTimersByTimeAsync(20_000);
    expect(clipboard.text).toBe('');
    expect(vi.getTimerCount()).toBe(0);
  });

  it('does not wipe a newer copy that lands while a clear is reading the clipboard', async () => {
    await guard.copy('secret-one', 30);
    let release: (text: string) => void = () => undefined;
    clipboard.readText = () => new Promise<string>((resolve) => (release = resolve));
    const clearing = guard.clearNow();
    await guard.copy('secret-two', 30);
    release('secret-one'); // what the clipboard held when the read started
    expect(await clearing).toBe(false);
    expect(clipboard.text).toBe('secret-two');
  });

  it('clears on quit only while the clipboard still holds the copied value', async () => {
    await guard.copy('secret-one', 30);
    expect(await guard.clearNow()).toBe(true);
    expect(clipboard.text).toBe('');
    expect(vi.getTimerCount()).toBe(0);

    await guard.copy('secret-two', 30);
    clipboard.text = 'the user copied this';
    expect(await guard.clearNow()).toBe(false);
    expect(clipboard.text).toBe('the user copied this');
    expect(await guard.clearNow()).toBe(false);
  });

  it('does nothing on quit when nothing was copied', async () => {
    clipboard.text = 'not ours';
    expect(await guard.clearNow()).toBe(false);
    expect(clipboard.calls).toEqual([]);
  });
});
