/**
 * The app's own export document. Plain (`includesSecrets: false`) it may be written as it is; with
 * secrets the core only writes it inside the passphrase-encrypted envelope
 * (`electron/core/platform/export-file.ts`), whose `format` is `encryptedExportFormat`.
 *
 *   { "format": "azcred.accounts", "version": 1, "exportedAt": "...", "includesSecrets": false,
 *     "accounts": [ { "kind": "arr", "name", "cloud", "tags", "notes", "accountId", "accountDomain",
 *                     "primaryKey"?, "secondaryKey"? },
 *                   { "kind": "acs", "name", "cloud", "tags", "notes", "endpoint", "accessKey"? } ] }
 */
export const exportFormat = 'azcred.accounts';
export const exportFormatVersion = 1;
export const encryptedExportFormat = 'azcred.accounts.encrypted';

interface ExportCommon {
  name: string;
  cloud: string;
  tags: string[];
  notes: string;
}

/**
 * An account as exported. An AccountView fits (its extra fields are left out); secrets are
 * written only when present, so a definitions-only export simply omits them.
 */
export type ExportAccount = ExportCommon &
  (
    | { kind: 'arr'; accountId: string; accountDomain: string; primaryKey?: string | undefined; secondaryKey?: string | undefined }
    | { kind: 'acs'; endpoint: string; accessKey?: string | undefined }
  );

export type ExportedAccount = ExportCommon &
  (
    | { kind: 'arr'; accountId: string; accountDomain: string; primaryKey?: string; secondaryKey?: string }
    | { kind: 'acs'; endpoint: string; accessKey?: string }
  );

export interface AccountExportDocument {
  format: typeof exportFormat;
  version: typeof exportFormatVersion;
  exportedAt: string;
  /** Whether any account carries a secret: such a document must only be written encrypted. */
  includesSecrets: boolean;
  accounts: ExportedAccount[];
}

/** The export document for these accounts, with exactly the fields above (never an internal id). */
export function buildExportDocument(accounts: readonly ExportAccount[], exportedAt: Date): AccountExportDocument {
  const exported = accounts.map(exportedAccount);
  return {
    format: exportFormat,
    version: exportFormatVersion,
    exportedAt: exportedAt.toISOString(),
    includesSecrets: exported.some((a) =>
      a.kind === 'arr' ? a.primaryKey !== undefined || a.secondaryKey !== undefined : a.accessKey !== undefined,
    ),
    accounts: exported,
  };
}

/** The document as the text of a `.json` file. */
export function exportDocumentText(accounts: readonly ExportAccount[], exportedAt: Date): string {
  return `${JSON.stringify(buildExportDocument(accounts, exportedAt), null, 2)}\n`;
}

function exportedAccount(account: ExportAccount): ExportedAccount {
  const common = { name: account.name, cloud: account.cloud, tags: [...account.tags], notes: account.notes };
  if (account.kind === 'arr') {
    return {
      kind: 'arr',
      ...common,
      accountId: account.accountId,
      accountDomain: account.accountDomain,
      ...(account.primaryKey !== undefined && { primaryKey: account.primaryKey }),
      ...(account.secondaryKey !== undefined && { secondaryKey: account.secondaryKey }),
    };
  }
  return { kind: 'acs', ...common, endpoint: account.endpoint, ...(account.accessKey !== undefined && { accessKey: account.accessKey }) };
}
