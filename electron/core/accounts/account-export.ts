import path from 'node:path';
import type { z } from 'zod';
import { exportDocumentText, type ExportAccount } from '../../../shared/account-files.ts';
import type { accountExportInputSchema, ExportResult } from '../../../shared/accounts.ts';
import { AppError } from '../../../shared/errors.ts';
import type { ScryptParams } from '../vault/vault-file.ts';
import type { AccountRecord } from './account-record.ts';
import type { AccountsStore } from './accounts-store.ts';
import { encryptExport, writeExportFile } from '../platform/export-file.ts';

export type ExportRequest = z.output<typeof accountExportInputSchema>;

/**
 * Export of account definitions (all, or the chosen ids) to a file written 0600. Without secrets the
 * file is plain JSON; with secrets it is only ever written inside the passphrase-encrypted envelope
 * (the contract requires the passphrase).
 */
export async function exportAccounts(
  store: AccountsStore,
  request: ExportRequest,
  options: { dataFolder: string; scryptParams?: ScryptParams | undefined },
): Promise<ExportResult> {
  if (!path.isAbsolute(request.path)) {
    const message = 'Choose a full path for the export file (starting at the root of a drive), not a relative one.';
    throw new AppError('invalid_input', message, [{ path: 'path', message }]);
  }
  const records = await store.records(request.ids && [...new Set(request.ids)]);
  if (records.length === 0) throw new AppError('invalid_input', 'There are no accounts to export yet.');
  const accounts: ExportAccount[] = [];
  for (const record of records) accounts.push(definition(record, request.includeSecrets ? await store.secretsOf(record) : {}));
  const plain = exportDocumentText(accounts, new Date());
  const text = request.includeSecrets
    ? await encryptExport(plain, request.passphrase, ...(options.scryptParams ? [options.scryptParams] : []))
    : plain;
  await writeExportFile(request.path, text, { overwrite: request.overwrite, dataFolder: options.dataFolder });
  return { path: request.path, count: records.length, encrypted: request.includeSecrets };
}

function definition(record: AccountRecord, secrets: Partial<Record<'primaryKey' | 'secondaryKey' | 'accessKey', string>>): ExportAccount {
  const common = { name: record.name, cloud: record.cloud, tags: record.tags, notes: record.notes };
  if (record.kind === 'arr')
    return {
      kind: 'arr',
      ...common,
      accountId: record.accountId,
      accountDomain: record.accountDomain,
      primaryKey: secrets.primaryKey,
      secondaryKey: secrets.secondaryKey,
    };
  return { kind: 'acs', ...common, endpoint: record.endpoint, accessKey: secrets.accessKey };
}
