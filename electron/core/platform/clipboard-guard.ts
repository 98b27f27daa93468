import { createHash, timingSafeEqual } from 'node:crypto';
import { AppError } from '../../../shared/errors.ts';
import type { ClipboardPort } from './clipboard.ts';
import { log } from './log.ts';

const fingerprint = (text: string): Buffer => createHash('sha256').update(text, 'utf8').digest();

/**
 * Copies secrets to the system clipboard and takes them off again: after a delay, and on quit, but
 * only while the clipboard still holds what we copied, so whatever the user copied since is left
 * alone. It keeps a hash of the copied value, not the value.
 */
export class ClipboardGuard {
  readonly #clipboard: ClipboardPort;
  #copied: Buffer | undefined;
  #timer: NodeJS.Timeout | undefined;
  /** Counts copies, so a clear that was reading while a newer copy wrote leaves the newer one alone. */
  #generation = 0;

  constructor(clipboard: ClipboardPort) {
    this.#clipboard = clipboard;
  }

  /** Writes the value and schedules the clear; a new copy replaces the pending one. */
  async copy(value: string, clearAfterSeconds: number): Promise<void> {
    clearTimeout(this.#timer);
    const generation = ++this.#generation;
    this.#copied = fingerprint(value);
    await this.#clipboard.writeSecret(value);
    if (generation !== this.#generation) return;
    this.#timer = setTimeout(() => void this.clearNow(), clearAfterSeconds * 1000);
    // A pending clear must not keep the CLI or a test process alive.
    this.#timer.unref();
  }

  /** Clears the clipboard now if it still holds the copied value (on quit); resolves to whether it did. */
  async clearNow(): Promise<boolean> {
    clearTimeout(this.#timer);
    this.#timer = undefined;
    const copied = this.#copied;
    const generation = this.#generation;
    if (!copied) return false;
    try {
      const current = fingerprint(await this.#clipboard.readText());
      if (generation !== this.#generation) return false;
      this.#copied = undefined;
      if (!timingSafeEqual(current, copied)) return false;
      this.#clipboard.clear();
      return true;
    } catch (error) {
      log.error('the clipboard could not be cleared', error);
      return false;
    }
  }
}

/** The core's clipboard for a copy, or the refusal a front door without one gets (in browser mode the page copies). */
export function coreClipboard(clipboard: ClipboardGuard | undefined): ClipboardGuard {
  if (clipboard) return clipboard;
  throw new AppError(
    'invalid_input',
    "This front door has no clipboard of its own: in the browser the page copies the value through the browser's clipboard.",
  );
}
