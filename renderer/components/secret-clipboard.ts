import type { AccountSecret, CopiedSecret } from '../../shared/accounts.ts';
import type { AppErrorShape } from '../../shared/errors.ts';
import type { Result } from '../../shared/result.ts';
import { api } from '../api.ts';

/** How this window copies secrets (the core's clipboard in the desktop app, the page's in browser mode) and for how long. */
export interface CopyHow {
  coreClipboard: boolean;
  clearAfterSeconds: number;
}

/** CopyHow, and where a failed copy or reveal is reported. */
export interface CopySettings extends CopyHow {
  onError(error: AppErrorShape): void;
}

/**
 * Copies one secret. The desktop app copies in the main process, which clears the clipboard later
 * if it still holds the value. Browser mode has no such process: the page asks for the value (it is
 * never put on screen), writes it with the browser's clipboard and clears it the same way.
 */
export async function copySecret(id: string, secret: AccountSecret, how: CopyHow): Promise<Result<CopiedSecret>> {
  if (how.coreClipboard) return api.accounts.copy({ id, secret });
  const revealed = await api.accounts.reveal({ id, secret, purpose: 'copy' });
  if (!revealed.ok) return revealed;
  return copyInPage(revealed.value.value, how.clearAfterSeconds);
}

/** Browser mode: writes a secret with the browser's clipboard and clears it later if it is still there (tokens and exports use it too). */
export async function copyInPage(value: string, clearAfterSeconds: number): Promise<Result<CopiedSecret>> {
  try {
    await navigator.clipboard.writeText(value);
  } catch {
    return {
      ok: false,
      error: {
        code: 'forbidden',
        message: 'The browser did not allow the copy. Click in the page and try again, or allow clipboard access for this site.',
      },
    };
  }
  scheduleClear(value, clearAfterSeconds);
  return { ok: true, value: { clearsAfterSeconds: clearAfterSeconds } };
}

// Module-level, not tied to a component: the clipboard is cleared even after the user moves to another page.
function scheduleClear(value: string, seconds: number) {
  window.setTimeout(() => void clearIfStillThere(value), seconds * 1000);
}

async function clearIfStillThere(value: string): Promise<void> {
  let current: string | undefined;
  try {
    current = await navigator.clipboard.readText();
  } catch {
    current = undefined; // reading refused: clear without checking rather than leave the secret there
  }
  if (current !== undefined && current !== value) return;
  try {
    await navigator.clipboard.writeText('');
  } catch {
    // A page without focus may not write the clipboard: clear it as soon as the user comes back.
    window.addEventListener('focus', () => void clearIfStillThere(value), { once: true });
  }
}
