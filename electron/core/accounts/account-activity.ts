import type { ActivityAction, ActivityEntryInput } from '../../../shared/activity.ts';
import type { AccountSecret } from '../../../shared/accounts.ts';
import type { AccountRecord } from './account-record.ts';

const secretWords: Record<AccountSecret, string> = {
  primaryKey: 'primary key',
  secondaryKey: 'secondary key',
  accessKey: 'access key',
  connectionString: 'connection string',
};

/** The access log's entry for one account secret handed out: which secret of which account, never its value. */
export function accountSecretActivity(record: AccountRecord, secret: AccountSecret, action: ActivityAction): ActivityEntryInput {
  return {
    action,
    kind: secret === 'connectionString' ? 'connection-string' : 'account-key',
    what: `${secretWords[secret]} of ${record.name}`,
    account: { id: record.id, name: record.name },
  };
}

/** The entry for an account exported with its secrets into an encrypted file: which account, and the file's name. */
export function accountExportActivity(record: AccountRecord, fileName: string): ActivityEntryInput {
  return {
    action: 'export',
    kind: record.kind === 'acs' ? 'connection-string' : 'account-key',
    what: `keys of ${record.name}, into the encrypted file ${fileName}`.slice(0, 300),
    account: { id: record.id, name: record.name },
  };
}
