import type { HandlersFor, MethodsOf } from '../platform/call-context.ts';
import { coreClipboard } from '../platform/clipboard-guard.ts';
import type { ScryptParams } from '../vault/vault-file.ts';
import { exportAccounts } from './account-export.ts';
import { importAccounts } from './account-import.ts';
import type { AccountsStore } from './accounts-store.ts';

interface AccountsServices {
  accounts: AccountsStore;
  options: { dataFolder: { path: string }; vault?: { scryptParams?: ScryptParams } | undefined };
}

/**
 * The accounts' contract methods (key rotation is the ARM domain's). A revealed secret hides and a
 * copied one leaves the clipboard after the times Settings name.
 */
export const accountsHandlers = {
  'accounts.list': ({ services }) => services.accounts.list(),
  'accounts.add': ({ services }, input) => services.accounts.add(input),
  'accounts.update': ({ services }, input) => services.accounts.update(input),
  'accounts.delete': async ({ services }, { id }) => (await services.accounts.delete(id), { id }),
  'accounts.reveal': async ({ services, settings }, { id, secret }) => ({
    value: await services.accounts.readSecret(id, secret),
    hideAfterSeconds: settings.get().revealSeconds,
  }),
  'accounts.copy': async ({ services, settings, clipboard }, { id, secret }) => {
    const guard = coreClipboard(clipboard);
    const value = await services.accounts.readSecret(id, secret);
    const seconds = settings.get().clipboardClearSeconds;
    await guard.copy(value, seconds);
    return { clearsAfterSeconds: seconds };
  },
  'accounts.import': ({ services }, input) => importAccounts(services.accounts, input),
  'accounts.export': ({ services }, input) =>
    exportAccounts(services.accounts, input, {
      dataFolder: services.options.dataFolder.path,
      scryptParams: services.options.vault?.scryptParams,
    }),
} satisfies HandlersFor<Exclude<MethodsOf<'accounts'>, 'accounts.rotateKey'>, AccountsServices>;
