import path from 'node:path';
import type { AccessLog } from '../platform/access-log.ts';
import type { HandlersFor, MethodsOf } from '../platform/call-context.ts';
import { coreClipboard } from '../platform/clipboard-guard.ts';
import type { ScryptParams } from '../vault/vault-file.ts';
import { accountExportActivity, accountSecretActivity } from './account-activity.ts';
import { exportAccounts } from './account-export.ts';
import { importAccounts } from './account-import.ts';
import type { AccountsStore } from './accounts-store.ts';

interface AccountsServices {
  accounts: AccountsStore;
  activity: AccessLog;
  options: { dataFolder: { path: string }; vault?: { scryptParams?: ScryptParams } | undefined };
}

/**
 * The accounts' contract methods (key rotation is the ARM domain's). A revealed secret hides and a
 * copied one leaves the clipboard after the times Settings name. Every secret that leaves (revealed,
 * copied, exported) is recorded in the access log first, without its value: no record, no secret.
 */
export const accountsHandlers = {
  'accounts.list': ({ services }) => services.accounts.list(),
  'accounts.add': ({ services }, input) => services.accounts.add(input),
  'accounts.update': ({ services }, input) => services.accounts.update(input),
  'accounts.delete': async ({ services }, { id }) => (await services.accounts.delete(id), { id }),
  'accounts.reveal': async ({ services, settings }, { id, secret, purpose }) => {
    const [record] = await services.accounts.records([id]);
    const value = await services.accounts.readSecret(record ?? id, secret);
    if (record) await services.activity.record(accountSecretActivity(record, secret, purpose ?? 'reveal'));
    return { value, hideAfterSeconds: settings.get().revealSeconds };
  },
  'accounts.copy': async ({ services, settings, clipboard }, { id, secret }) => {
    const guard = coreClipboard(clipboard);
    const [record] = await services.accounts.records([id]);
    const value = await services.accounts.readSecret(record ?? id, secret);
    if (record) await services.activity.record(accountSecretActivity(record, secret, 'copy'));
    const seconds = settings.get().clipboardClearSeconds;
    await guard.copy(value, seconds);
    return { clearsAfterSeconds: seconds };
  },
  'accounts.import': ({ services }, input) => importAccounts(services.accounts, input),
  'accounts.export': async ({ services }, input) => {
    const result = await exportAccounts(services.accounts, input, {
      dataFolder: services.options.dataFolder.path,
      scryptParams: services.options.vault?.scryptParams,
    });
    if (input.includeSecrets) {
      const records = await services.accounts.records(input.ids && [...new Set(input.ids)]);
      for (const record of records) await services.activity.record(accountExportActivity(record, path.basename(input.path)));
    }
    return result;
  },
} satisfies HandlersFor<Exclude<MethodsOf<'accounts'>, 'accounts.rotateKey'>, AccountsServices>;
