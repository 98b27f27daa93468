import type { AccountSecret, AccountView } from '../../../shared/accounts.ts';
import type { AccountRecord, StoredSecret } from './account-record.ts';
import { keyAges } from './key-rotation-reminder.ts';

/**
 * The record as every front door shows it; `missing` lists secrets the record names but the open
 * vault lacks; `reminderDays` (Settings) flags stored keys due for rotation.
 */
export function toView(record: AccountRecord, missing: readonly StoredSecret[], reminderDays: number): AccountView {
  const { secrets, keysSetAt: _set, ...rest } = record;
  const base = { ...rest, tags: [...record.tags], secretsMissing: [...missing] as AccountSecret[], keyAges: keyAges(record, reminderDays) };
  if (record.kind === 'arr') {
    const stored = record.secrets as readonly string[];
    return {
      ...base,
      kind: 'arr',
      accountId: record.accountId,
      accountDomain: record.accountDomain,
      hasPrimaryKey: stored.includes('primaryKey'),
      hasSecondaryKey: stored.includes('secondaryKey'),
    };
  }
  return { ...base, kind: 'acs', endpoint: record.endpoint, hasAccessKey: secrets.length > 0 };
}
