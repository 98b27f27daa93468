import os from 'node:os';
import { contract, isMethodName, type MethodName, type MethodOutput, type MethodParsedInput } from '../../shared/contract.ts';
import { AppError, internalError } from '../../shared/errors.ts';
import { fail, ok, type Result } from '../../shared/result.ts';
import { summariseIssues, toFieldIssues } from '../../shared/validation.ts';
import { exportAccounts } from './accounts/account-export.ts';
import { importAccounts } from './accounts/account-import.ts';
import { coreClipboard } from './platform/clipboard-guard.ts';
import type { Core } from './core.ts';
import { log } from './platform/log.ts';
import { exportToken } from './tokens/token-export.ts';
import { dataFolderProblem } from './platform/data-folder-safety.ts';

type Handlers = { [M in MethodName]: (core: Core, input: MethodParsedInput<M>) => MethodOutput<M> | Promise<MethodOutput<M>> };

/** The single table from contract method to service call that every front door uses. */
const handlers: Handlers = {
  'app.info': (core) => ({
    name: 'Azure Credential Manager',
    version: core.options.version,
    mode: core.options.mode,
    platform: process.platform,
    runtime: { node: process.versions.node, ...core.options.runtime },
    dataFolder: core.options.dataFolder.path,
    dataFolderSource: core.options.dataFolder.source,
    homeFolder: os.homedir(),
    coreClipboard: core.clipboard !== undefined,
  }),
  'clouds.list': (core) => core.clouds.list(),
  'clouds.import': (core, input) => core.clouds.save(parseJsonText(input.text, 'cloud profile')),
  'clouds.remove': async (core, input) => {
    const removed = core.clouds.get(input.name).name;
    await core.clouds.remove(removed);
    // New accounts and sign-ins must not default to a cloud that is gone.
    if (core.settings.get().defaultCloud.toLowerCase() === removed.toLowerCase())
      await core.settings.update({ defaultCloud: 'AzureCloud' });
    return { name: removed };
  },
  'clouds.setPublicClient': (core, input) => core.clouds.setPublicClient(input.name, input.publicClient),
  'settings.get': (core) => core.settings.get(),
  'settings.update': (core, patch) => core.settings.update(patch),
  'vault.status': (core) => core.vault.status(),
  'vault.open': (core, input) => core.vault.open(input),
  'vault.backups': (core) => core.vault.backups(),
  'vault.restore': (core, input) => core.vault.restore(input.name),
  'vault.acknowledgeQuarantine': (core) => core.vault.acknowledgeQuarantine(),
  'vault.startNew': (core, input) => core.vault.startNew(input.passphrase),
  'accounts.list': (core) => core.accounts.list(),
  'accounts.add': (core, input) => core.accounts.add(input),
  'accounts.update': (core, input) => core.accounts.update(input),
  'accounts.delete': async (core, { id }) => (await core.accounts.delete(id), { id }),
  'accounts.reveal': async (core, { id, secret }) => ({
    value: await core.accounts.readSecret(id, secret),
    hideAfterSeconds: core.settings.get().revealSeconds,
  }),
  'accounts.copy': async (core, { id, secret }) => {
    const clipboard = coreClipboard(core.clipboard);
    const value = await core.accounts.readSecret(id, secret);
    const seconds = core.settings.get().clipboardClearSeconds;
    await clipboard.copy(value, seconds);
    return { clearsAfterSeconds: seconds };
  },
  'accounts.import': (core, input) => importAccounts(core.accounts, input),
  'accounts.export': (core, input) =>
    exportAccounts(core.accounts, input, { dataFolder: core.options.dataFolder.path, scryptParams: core.options.vault?.scryptParams }),
  'identities.list': (core) => core.entra.list(),
  'identities.signIn': (core, input) => core.entra.startSignIn(input),
  'identities.waitSignIn': (core, input) => core.entra.waitSignIn(input.operationId, input.waitSeconds),
  'identities.cancelSignIn': (core, input) => (core.entra.cancelSignIn(input.operationId), { cancelled: true as const }),
  'identities.addServicePrincipal': (core, input) => core.entra.addServicePrincipal(input),
  'identities.signOut': async (core, input) => (await core.entra.signOut(input.id), { id: input.id }),
  'tokens.list': (core) => core.tokens.list(),
  'tokens.mintArr': (core, input) => core.tokens.mintArr(input),
  'tokens.mintAcs': (core, input) => core.tokens.mintAcs(input),
  'tokens.mintEntra': (core, input) => core.tokens.mintEntra(input),
  'tokens.exchangeTeams': (core, input) => core.tokens.exchangeTeams(input),
  'tokens.cancel': (core, input) => core.tokens.cancel(input.operationId),
  'tokens.reveal': (core, input) => core.tokens.reveal(input.id),
  'tokens.copy': (core, input) => core.tokens.copy(input.id),
  'tokens.claims': (core, input) => core.tokens.claims(input.id),
  'tokens.revoke': (core, input) => core.tokens.revoke(input.id, input.via, input.operationId),
  'tokens.remove': async (core, input) => (await core.tokens.remove(input.id), { id: input.id }),
  'tokens.setAutoRefresh': (core, input) => core.tokens.setAutoRefresh(input.id, input.on),
  'tokens.keep': (core, input) => core.tokens.keep(input.id, input.keep),
  'tokens.export': (core, input) =>
    exportToken(
      {
        registry: core.tokens.registry,
        accounts: core.accounts,
        clouds: core.clouds,
        entra: core.entra,
        clipboard: core.clipboard,
        clipboardClearSeconds: () => core.settings.get().clipboardClearSeconds,
        dataFolder: core.options.dataFolder.path,
      },
      input,
    ),
  'acsIdentities.list': (core, input) => core.tokens.listAcsIdentities(input.accountId),
  'acsIdentities.create': (core, input) => core.tokens.createAcsIdentity(input),
  'acsIdentities.revoke': (core, input) => core.tokens.revokeAcsIdentity(input.id, input.via, input.operationId),
  'acsIdentities.delete': async (core, input) => ({
    id: input.id,
    revoked: await core.tokens.deleteAcsIdentity(input.id, input.via, input.operationId),
  }),
  'arr.testAccount': (core, input) => core.tokens.testArr(input),
  'acs.signRequest': (core, input) => core.tokens.signAcsRequest(input),
  'credentials.forAcsSdk': (core, input) => core.tokens.forAcsSdk(input),
  'credentials.forArr': (core, input) => core.tokens.forArr(input),
  'discovery.resources': (core, input) => core.arm.discover(input.identityId),
  'discovery.import': (core, input) => core.arm.importResources(input),
  'roles.audit': (core, input) => core.arm.audit(input),
  'roles.lastAudit': (core) => core.arm.lastAudit() ?? null,
  'roles.exportReport': (core, input) => core.arm.exportReport(input),
  'accounts.rotateKey': (core, input) => core.arm.rotateKey(input),
};

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
    const handler = handlers[method] as (core: Core, input: unknown) => unknown;
    return ok(await handler(core, parsed.data));
  } catch (error) {
    if (error instanceof AppError) return fail(error.toShape());
    log.error(`${method} failed unexpectedly`, error);
    return fail(internalError);
  }
}

/** JSON text from a file the user chose, or a clear error naming what it should be. */
function parseJsonText(text: string, what: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new AppError('invalid_input', `That is not a ${what} file: expected JSON.`, [{ path: 'text', message: 'Not valid JSON' }]);
  }
}
