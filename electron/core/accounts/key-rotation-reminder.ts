import type { KeyAge, KeyName } from '../../../shared/key-rotation.ts';
import type { AccountRecord, StoredSecret } from './account-record.ts';

const dayMs = 86_400_000;

/**
 * How old each stored key is: since its last rotation through the app or the last time a new value
 * was stored here, else since the account was added. A key older than `reminderDays` is due.
 */
export function keyAges(record: AccountRecord, reminderDays: number, now = Date.now()): KeyAge[] {
  return (record.secrets as readonly StoredSecret[]).map((secret) => {
    const azureKey = azureKeyOf(record, secret);
    const rotatedAt = azureKey ? (record.keysRotatedAt?.[azureKey] ?? null) : null;
    const since = latest([record.createdAt, record.keysSetAt?.[secret], rotatedAt ?? undefined]);
    const ageDays = Math.max(0, Math.floor((now - Date.parse(since)) / dayMs));
    return { secret, azureKey, since, rotatedAt, ageDays, due: ageDays >= reminderDays };
  });
}

/** Which of the resource's two keys a stored secret is: ARR stores them by name; ACS keeps one, whose slot may be unknown. */
export function azureKeyOf(record: AccountRecord, secret: StoredSecret): KeyName | null {
  if (secret === 'primaryKey') return 'primary';
  if (secret === 'secondaryKey') return 'secondary';
  return record.kind === 'acs' ? (record.accessKeySlot ?? null) : null;
}

function latest(dates: readonly (string | undefined)[]): string {
  const known = dates.filter((d): d is string => d !== undefined && !Number.isNaN(Date.parse(d)));
  return known.reduce((a, b) => (Date.parse(b) > Date.parse(a) ? b : a), known[0] ?? new Date(0).toISOString());
}
