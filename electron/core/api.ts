import { contract, isMethodName, type MethodName } from '../../shared/contract.ts';
import { AppError, internalError } from '../../shared/errors.ts';
import { fail, ok, type Result } from '../../shared/result.ts';
import { summariseIssues, toFieldIssues } from '../../shared/validation.ts';
import { accountsHandlers } from './accounts/accounts-handlers.ts';
import { appHandlers } from './app-handlers.ts';
import { activityHandlers } from './platform/activity-handlers.ts';
import { armHandlers } from './arm/arm-handlers.ts';
import { cloudsHandlers } from './azure/clouds-handlers.ts';
import type { Core } from './core.ts';
import { identitiesHandlers } from './entra/identities-handlers.ts';
import type { CallContext, HandlersFor } from './platform/call-context.ts';
import { dataFolderProblem } from './platform/data-folder-safety.ts';
import { log } from './platform/log.ts';
import { callsHandlers } from './platform/calls-handlers.ts';
import { settingsHandlers } from './platform/settings-handlers.ts';
import { acsIdentitiesHandlers } from './tokens/acs-identities-handlers.ts';
import { credentialsHandlers } from './tokens/credentials-handlers.ts';
import { tokensHandlers } from './tokens/tokens-handlers.ts';
import { vaultHandlers } from './vault/vault-handlers.ts';

/** Every contract method to its domain's handler: the table routes and holds no policy (a method's home is its domain's handlers). */
const handlers = {
  ...appHandlers,
  ...callsHandlers,
  ...cloudsHandlers,
  ...settingsHandlers,
  ...vaultHandlers,
  ...accountsHandlers,
  ...identitiesHandlers,
  ...tokensHandlers,
  ...acsIdentitiesHandlers,
  ...credentialsHandlers,
  ...armHandlers,
  ...activityHandlers,
} satisfies HandlersFor<MethodName, Core>;

/**
 * Validates a call against the contract, runs it and returns a Result. A thrown AppError keeps its
 * code and message (services word them for users and keep secrets out); anything else becomes
 * `internal` with a fixed message, so no stack, path or secret from a library crosses to a caller.
 */
export async function dispatch(core: Core, method: unknown, rawInput: unknown): Promise<Result<unknown>> {
  if (!isMethodName(method)) {
    return fail({ code: 'unknown_method', message: 'That operation does not exist in this version of the app.' });
  }
  const parsed = contract[method].input.safeParse(rawInput);
  if (!parsed.success) {
    const issues = toFieldIssues(parsed.error);
    return fail({ code: 'invalid_input', message: `Check the input: ${summariseIssues(issues)}`, issues });
  }
  const unsafe = dataFolderProblem(core.options.dataFolder.path);
  if (unsafe) return fail({ code: 'data_folder_unsafe', message: unsafe });
  try {
    const handler = handlers[method] as (ctx: CallContext<Core>, input: unknown) => unknown;
    const input: unknown = parsed.data;
    return ok(await core.calls.run(operationIdOf(input), async (signal) => handler(callContext(core, signal), input)));
  } catch (error) {
    if (error instanceof AppError) return fail(error.toShape());
    log.error(`${method} failed unexpectedly`, error);
    return fail(internalError);
  }
}

/** What a call runs with: the core's services, its settings and clipboard, and the signal `calls.cancel` aborts. */
function callContext(core: Core, signal: AbortSignal): CallContext<Core> {
  return { services: core, signal, calls: core.calls, settings: core.settings, clipboard: core.clipboard };
}

/** The id the caller named a long call by, so `calls.cancel` can stop it. */
function operationIdOf(input: unknown): string | undefined {
  const id = typeof input === 'object' && input !== null ? (input as { operationId?: unknown }).operationId : undefined;
  return typeof id === 'string' ? id : undefined;
}
