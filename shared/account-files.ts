import { parseEnvAccounts } from './account-files-env.ts';
import {
  fallbackName,
  fileStem,
  finishItem,
  notAnAccountFile,
  type ParsedAccountFile,
  type ParsedItem,
  type ParseOptions,
} from './account-files-item.ts';
import { parseAccountJson } from './account-files-json.ts';

export {
  buildExportDocument,
  encryptedExportFormat,
  exportDocumentText,
  exportFormat,
  type AccountExportDocument,
  type ExportAccount,
} from './account-files-export.ts';
export {
  maxImportItems,
  type AccountFileFormat,
  type ParsedAccountFile,
  type ParsedItem,
  type ParseOptions,
} from './account-files-item.ts';

/**
 * Recognises what the user pasted or chose for import and lists the accounts in it, unvalidated:
 * the caller checks each item's `raw` with accountInputSchema and reports duplicates.
 *
 * - one line of `endpoint=...;accesskey=...` (any key case): an ACS connection string;
 * - JSON: the app's export (the encrypted one is only recognised, `decryptExport` opens it), an
 *   array of account objects, or Microsoft's `arrconfig.json`;
 * - otherwise a `.env` file (see account-files-env.ts for the variable names).
 *
 * Throws AppError `invalid_input` for anything else; no message quotes the input.
 */
export function parseAccountFile(text: string, options: ParseOptions = {}): ParsedAccountFile {
  const content = text.startsWith('\uFEFF') ? text.slice(1) : text;
  const body = content.trim();
  if (!body) throw notAnAccountFile();
  if (body.startsWith('{') || body.startsWith('[')) {
    const parsed = parseAccountJson(body, options);
    if (!parsed) throw notAnAccountFile();
    return parsed;
  }
  // A connection string copied from code or a terminal often keeps its quotes.
  const unquoted = /^(["'])([^\r\n]*)\1$/.exec(body)?.[2]?.trim() ?? body;
  if (isConnectionString(unquoted)) return { format: 'connection-string', items: [connectionStringItem(unquoted, options)] };
  // Line numbers count from the file's first line, so the untrimmed text is read.
  return { format: 'env', items: parseEnvAccounts(content, options) };
}

const connectionStringKeys = new Set(['endpoint', 'accesskey']);

/** One line of `key=value` pairs separated by `;`, whose keys are only those of an ACS connection string. */
function isConnectionString(body: string): boolean {
  if (/[\r\n]/.test(body)) return false;
  const segments = body.split(';').filter((segment) => segment.trim());
  return (
    segments.length > 0 &&
    segments.every((segment) => {
      const eq = segment.indexOf('=');
      return eq > 0 && connectionStringKeys.has(segment.slice(0, eq).trim().toLowerCase());
    })
  );
}

function connectionStringItem(connectionString: string, options: ParseOptions): ParsedItem {
  const raw: Record<string, unknown> = { kind: 'acs', connectionString };
  const name = fileStem(options.fileName) ?? fallbackName('acs', raw);
  raw.name = name;
  return finishItem('acs', name, raw, [], options);
}
