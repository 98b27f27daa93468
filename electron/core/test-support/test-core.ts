import type { Result } from '../../../shared/result.ts';
import { dispatch } from '../api.ts';
import type { ClipboardPort } from '../platform/clipboard.ts';
import { createCore, type Core, type CoreOptions } from '../core.ts';
import type { KeychainPort } from '../vault/keychain.ts';

/** The lowest scrypt cost the vault accepts, so passphrase tests stay fast. */
export const fastScrypt = { N: 2 ** 14, r: 8, p: 1 };

/** A core over a test data folder, with the keychain (and clipboard, clock and retry waits) a test chooses. */
export function testCore(
  folder: string,
  options: { keychain: KeychainPort; keychainTimeoutMs?: number; clipboard?: ClipboardPort; tokens?: CoreOptions['tokens'] },
): Core {
  return createCore({
    mode: 'test',
    dataFolder: { path: folder, source: 'AZCRED_HOME' },
    version: '0.0.0-test',
    vault: { keychain: options.keychain, keychainTimeoutMs: options.keychainTimeoutMs ?? 2000, scryptParams: fastScrypt },
    ...(options.clipboard && { platform: { clipboard: options.clipboard } }),
    ...(options.tokens && { tokens: options.tokens }),
  });
}

/** Calls the core the way every front door does: through `dispatch`, with untyped input. */
export async function call<T = unknown>(core: Core, method: string, input?: unknown): Promise<Result<T>> {
  return (await dispatch(core, method, input)) as Result<T>;
}

/** The value of a call that must succeed; a failure throws with the error's code and message. */
export async function value<T = unknown>(core: Core, method: string, input?: unknown): Promise<T> {
  const result = await call<T>(core, method, input);
  if (!result.ok) throw new Error(`${method} failed: ${result.error.code}: ${result.error.message}`);
  return result.value;
}
