import { createApi, type Api, type Transport } from '../../../shared/api-client.ts';
import { methodNames, type MethodName, type MethodOutput } from '../../../shared/contract.ts';
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

/**
 * The contract's typed client over a core, built as the front doors build theirs (`createApi` over a
 * transport): `coreApi(core).accounts.add(input)` answers the method's `Result`, and a test stops
 * compiling when the contract changes under it. Its transport is the tests' one way into `dispatch`.
 */
export function coreApi(core: Core): Api {
  return createApi(methodNames, transport(core));
}

const transport =
  (core: Core): Transport =>
  (method, input) =>
    dispatch(core, method, input);

/**
 * One call by name with input as it may arrive over IPC or HTTP, which the types do not check: for
 * tests of what the core refuses, and for tables of calls. It goes through `coreApi`'s transport.
 */
export function rawCall<M extends MethodName>(core: Core, method: M, input?: unknown): Promise<Result<MethodOutput<M>>> {
  return transport(core)(method, input) as Promise<Result<MethodOutput<M>>>;
}

/** `Api` with each call resolving to its value instead of a `Result`. */
export type ApiValues = {
  [D in keyof Api]: {
    [V in keyof Api[D]]: Api[D][V] extends (...input: infer I) => Promise<Result<infer O>> ? (...input: I) => Promise<O> : never;
  };
};

/** The same client for calls that must succeed: each resolves to the value, and a failure throws with its method, code and message. */
export function coreValues(core: Core): ApiValues {
  const values: Record<string, Record<string, (input?: unknown) => Promise<unknown>>> = {};
  for (const [domain, verbs] of Object.entries(coreApi(core) as unknown as Record<string, Record<string, Transported>>))
    for (const [verb, call] of Object.entries(verbs))
      (values[domain] ??= {})[verb] = async (input) => {
        const result = await call(input);
        if (!result.ok) throw new Error(`${domain}.${verb} failed: ${result.error.code}: ${result.error.message}`);
        return result.value;
      };
  return values as unknown as ApiValues;
}

type Transported = (input?: unknown) => Promise<Result<unknown>>;
