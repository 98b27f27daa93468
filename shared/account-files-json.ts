import { formatAcsConnectionString } from './acs-connection-string.ts';
import { encryptedExportFormat, exportFormat, exportFormatVersion } from './account-files-export.ts';
import {
  checkItemCount,
  fallbackName,
  fileStem,
  finishItem,
  splitTags,
  text,
  type ParsedAccountFile,
  type ParsedItem,
  type ParseOptions,
} from './account-files-item.ts';
import { AppError, type FieldIssue } from './errors.ts';

type JsonObject = Record<string, unknown>;

/**
 * Reads JSON text: the app's export (plain or encrypted), a bare array of account objects, a single
 * account object, or Microsoft's ARR `arrconfig.json` (Scripts/arrconfig.json in
 * Azure/azure-remote-rendering: `accountSettings.arrAccountId/arrAccountKey/arrAccountDomain`, and
 * `region` in its first version). Returns undefined for JSON that is none of these.
 */
export function parseAccountJson(body: string, options: ParseOptions): ParsedAccountFile | undefined {
  const value = readJson(body);
  if (Array.isArray(value)) return accountArray(value, options);
  if (!isObject(value)) return undefined;
  if (value.format === encryptedExportFormat) return { format: 'encrypted-json', encrypted: true };
  if (value.format === exportFormat || (Array.isArray(value.accounts) && value.format === undefined)) return exportDocument(value, options);
  if (isObject(value.accountSettings)) return { format: 'arrconfig', items: [arrconfigItem(value.accountSettings, options)] };
  if (value.kind === 'arr' || value.kind === 'acs') return { format: 'json', items: [accountItem(value, 0, options)] };
  return undefined;
}

function readJson(body: string): unknown {
  try {
    return JSON.parse(body);
  } catch (error) {
    // The engine's message quotes the input, so only the position is taken from it.
    const position = /position (\d+)/.exec(error instanceof Error ? error.message : '')?.[1];
    const where = position === undefined ? '' : ` near ${lineAndColumn(body, Number(position))}`;
    throw new AppError(
      'invalid_input',
      `The file looks like JSON but cannot be read${where}: check for a missing comma, quote or bracket.`,
      [{ path: 'text', message: `Not valid JSON${where}` }],
    );
  }
}

function lineAndColumn(body: string, position: number): string {
  const before = body.slice(0, position).split(/\r\n|\r|\n/);
  return `line ${before.length}, column ${(before[before.length - 1]?.length ?? 0) + 1}`;
}

function exportDocument(document: JsonObject, options: ParseOptions): ParsedAccountFile {
  const version = document.version;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) {
    throw new AppError(
      'invalid_input',
      'The export file has no valid "version": it was changed after export, or not written by Azure Credential Manager.',
    );
  }
  if (version > exportFormatVersion) {
    throw new AppError(
      'invalid_input',
      `The export file was written by a newer version of Azure Credential Manager (format ${version}; this one reads ` +
        `${exportFormatVersion}): update the app to import it.`,
    );
  }
  if (!Array.isArray(document.accounts))
    throw new AppError('invalid_input', 'The export file has no "accounts" list: it was changed after export.');
  checkItemCount(document.accounts.length);
  return { format: 'json', items: document.accounts.map((account, index) => accountItem(account, index, options)) };
}

function accountArray(values: unknown[], options: ParseOptions): ParsedAccountFile | undefined {
  if (values.length > 0 && !values.some(isObject)) return undefined;
  checkItemCount(values.length);
  return { format: 'json', items: values.map((value, index) => accountItem(value, index, options)) };
}

const commonFields = ['name', 'cloud', 'tags', 'notes'] as const;
const arrFields = ['accountId', 'accountDomain', 'primaryKey', 'secondaryKey'] as const;
const acsFields = ['endpoint', 'connectionString'] as const;

/** One account object of an export or an array. Unknown fields (an `id`, timestamps) are left out. */
function accountItem(value: unknown, index: number, options: ParseOptions): ParsedItem {
  const label = `Item ${index + 1}`;
  if (!isObject(value)) {
    return finishItem('unknown', label, {}, [{ path: '', message: `${label} is not an account object` }], options);
  }
  const kind = kindOf(value);
  const raw: JsonObject = { kind: kind === 'unknown' ? value.kind : kind };
  copy(value, raw, commonFields);
  if (typeof raw.tags === 'string') raw.tags = splitTags(raw.tags);
  const issues: FieldIssue[] = [];
  if (kind === 'arr') {
    copy(value, raw, arrFields);
    if (raw.accountDomain === undefined && own(value, 'region') !== undefined) raw.accountDomain = own(value, 'region');
  } else if (kind === 'acs') {
    copy(value, raw, acsFields);
    const accessKey = own(value, 'accessKey');
    if (accessKey !== undefined && raw.connectionString === undefined) {
      const endpoint = text(raw.endpoint);
      if (typeof accessKey !== 'string') issues.push({ path: 'accessKey', message: 'The access key must be text' });
      else if (!endpoint) issues.push({ path: 'endpoint', message: 'An access key needs the endpoint it belongs to' });
      else if (text(accessKey)) {
        raw.connectionString = formatAcsConnectionString({ endpoint, accessKey: accessKey.trim() });
        delete raw.endpoint;
      }
    }
  } else {
    issues.push({ path: 'kind', message: 'Say whether this is an ARR account ("kind": "arr") or an ACS resource ("kind": "acs")' });
  }
  const name = text(raw.name) ?? (kind === 'unknown' ? label : fallbackName(kind, raw));
  if (raw.name === undefined && kind !== 'unknown') raw.name = name;
  return finishItem(kind, name, raw, issues, options);
}

/** The declared kind, or the one the fields imply when `kind` is missing. */
function kindOf(value: JsonObject): ParsedItem['kind'] {
  if (value.kind === 'arr' || value.kind === 'acs') return value.kind;
  if (value.kind !== undefined) return 'unknown';
  if (own(value, 'accountId') !== undefined || own(value, 'primaryKey') !== undefined) return 'arr';
  if (own(value, 'endpoint') !== undefined || own(value, 'connectionString') !== undefined || own(value, 'accessKey') !== undefined)
    return 'acs';
  return 'unknown';
}

const templateValue = /^<.*>$/s;

function arrconfigItem(settings: JsonObject, options: ParseOptions): ParsedItem {
  const raw: JsonObject = { kind: 'arr' };
  const issues: FieldIssue[] = [];
  const take = (source: string, field: string): void => {
    const value = own(settings, source);
    if (value === undefined || value === '') return;
    if (typeof value === 'string' && templateValue.test(value.trim())) {
      issues.push({
        path: field,
        message: `accountSettings.${source} still holds the template's placeholder: fill it in from the Azure Portal`,
      });
      return;
    }
    raw[field] = value;
  };
  take('arrAccountId', 'accountId');
  take('arrAccountKey', 'primaryKey');
  take('arrAccountDomain', 'accountDomain');
  if (raw.accountDomain === undefined && !issues.some((i) => i.path === 'accountDomain')) take('region', 'accountDomain');
  const name = fileStem(options.fileName) ?? fallbackName('arr', raw);
  raw.name = name;
  return finishItem('arr', name, raw, issues, options);
}

function copy(from: JsonObject, to: JsonObject, fields: readonly string[]): void {
  for (const field of fields) {
    const value = own(from, field);
    if (value !== undefined && value !== '') to[field] = typeof value === 'string' && field !== 'notes' ? value.trim() : value;
  }
}

/** A field of parsed JSON, read only when the object itself has it (never from the prototype). */
function own(object: JsonObject, field: string): unknown {
  return Object.hasOwn(object, field) ? object[field] : undefined;
}

function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
