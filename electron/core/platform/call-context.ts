import type { MethodName, MethodOutput, MethodParsedInput } from '../../../shared/contract.ts';
import type { CallOperations } from './call-operations.ts';
import type { ClipboardGuard } from './clipboard-guard.ts';
import type { SettingsStore } from './settings-store.ts';

/**
 * What one contract call runs with: the services its domain needs, the signal that `calls.cancel`
 * (or the core closing) aborts, the settings, and the clipboard when the front door has one. The
 * dispatch builds it for every call (the signal is named by the input's operationId, when it has one);
 * a handler takes only what it names in `Services`.
 */
export interface CallContext<Services> {
  services: Services;
  /** Aborted by `calls.cancel` with the call's operationId, or when the core closes. */
  signal: AbortSignal;
  /** The one registry of long calls that `calls.cancel` stops. */
  calls: CallOperations;
  settings: SettingsStore;
  /** Present when the front door has a clipboard the core may write (the desktop app). */
  clipboard: ClipboardGuard | undefined;
}

/** The contract's methods of one domain, by the name before the dot: `MethodsOf<'tokens'>` is 'tokens.list' | 'tokens.mintArr' | … */
export type MethodsOf<Domain extends string> = Extract<MethodName, `${Domain}.${string}`>;

/** A domain's handler module: one function per method, typed by the contract, so a method's behaviour has one home. */
export type HandlersFor<Methods extends MethodName, Services> = {
  [M in Methods]: (ctx: CallContext<Services>, input: MethodParsedInput<M>) => MethodOutput<M> | Promise<MethodOutput<M>>;
};
