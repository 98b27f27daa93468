import type { AccountSecret } from './accounts.ts';
import { AppError, type FieldIssue } from './errors.ts';

/** The plain-text formats an import recognises. */
export type AccountFileFormat = 'connection-string' | 'env' | 'json' | 'arrconfig';

/**
 * One account found in a file, before validation. `raw` is meant for accountInputSchema, which
 * reports field problems; `issues` are the file's own problems (a malformed line, a template
 * placeholder left in). Fields the file lacks are left out of `raw`, so the schema names them.
 */
export interface ParsedItem {
  name: string;
  kind: 'arr' | 'acs' | 'unknown';
  raw: Record<string, unknown>;
  /** Which secrets the item carries: names, never values. */
  secrets: AccountSecret[];
  issues: FieldIssue[];
}

export type ParsedAccountFile = { format: AccountFileFormat; items: ParsedItem[] } | { format: 'encrypted-json'; encrypted: true };

export interface ParseOptions {
  /** Names a lone account (`contoso.env` → "contoso") and helps tell formats apart. */
  fileName?: string | undefined;
  /** Cloud profile for items that do not name one. */
  cloud?: string | undefined;
}

/** An import may hold this many accounts at most (the contract's `only` list has the same bound). */
export const maxImportItems = 10_000;

const acceptedFormats =
  'paste an ACS connection string (endpoint=...;accesskey=...), or choose a .env file with ARR_ACCOUNT_ID, ARR_ACCOUNT_DOMAIN ' +
  "and ARR_ACCOUNT_KEY or ACS_CONNECTION_STRING variables, an Azure Credential Manager export (.json) or Microsoft's " +
  'arrconfig.json';

/** The one error for text that is none of the accepted formats. Fixed wording: never a piece of the input. */
export function notAnAccountFile(issues?: FieldIssue[]): AppError {
  return new AppError('invalid_input', `Not a connection string, .env or JSON file with accounts: ${acceptedFormats}.`, issues);
}

export function checkItemCount(count: number): void {
  if (count > maxImportItems) {
    throw new AppError(
      'invalid_input',
      `The file holds ${count.toLocaleString('en-US')} accounts: import at most ${maxImportItems.toLocaleString('en-US')} at a ` +
        `time (split the file).`,
    );
  }
}

/** Stems that say what the file is rather than which account it holds. */
const genericStems = new Set(['arrconfig', 'accounts', 'account', 'export', 'config', 'settings', 'env', 'credentials', 'secrets']);

/** `C:\keys\contoso.env` → "contoso"; dotfiles (`.env.local`) and generic names give nothing. */
export function fileStem(fileName: string | undefined): string | undefined {
  const base = fileName?.split(/[/\\]/).pop()?.trim();
  if (!base || base.startsWith('.')) return undefined;
  const dot = base.lastIndexOf('.');
  const stem = (dot > 0 ? base.slice(0, dot) : base).trim();
  return stem && !genericStems.has(stem.toLowerCase()) ? stem : undefined;
}

/** A trimmed, non-empty string, or undefined. */
export function text(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  const trimmed = value.trim();
  return trimmed || undefined;
}

/** The first label of an ACS endpoint's host (`https://contoso.unitedstates.communication.azure.com/` → "contoso"). */
export function endpointLabel(endpoint: string | undefined): string | undefined {
  if (!endpoint) return undefined;
  try {
    const host = new URL(endpoint.trim()).hostname;
    if (/^[\d.]+$/.test(host) || host.startsWith('[')) return host;
    return host.split('.')[0] || undefined;
  } catch {
    return undefined;
  }
}

/** A name for an account the file does not name, from what identifies it. */
export function fallbackName(kind: 'arr' | 'acs', raw: Record<string, unknown>): string {
  if (kind === 'acs') {
    const connection = text(raw.connectionString);
    const endpoint = connection ? connectionStringPart(connection, 'endpoint') : text(raw.endpoint);
    return endpointLabel(endpoint) ?? 'ACS resource';
  }
  const id = text(raw.accountId);
  return id && /^[0-9a-f]{8}-/i.test(id) ? `ARR ${id.slice(0, 8).toLowerCase()}` : 'ARR account';
}

/** One part of an ACS connection string (keys matched case-insensitively), without validating the rest. */
export function connectionStringPart(connectionString: string, part: 'endpoint' | 'accesskey'): string | undefined {
  for (const segment of connectionString.split(';')) {
    const eq = segment.indexOf('=');
    if (eq > 0 && segment.slice(0, eq).trim().toLowerCase() === part) return text(segment.slice(eq + 1));
  }
  return undefined;
}

/** Which secrets a raw account carries, by name. */
export function secretsOf(raw: Record<string, unknown>): AccountSecret[] {
  const secrets: AccountSecret[] = [];
  if (text(raw.primaryKey)) secrets.push('primaryKey');
  if (text(raw.secondaryKey)) secrets.push('secondaryKey');
  const connection = text(raw.connectionString);
  if (text(raw.accessKey) || (connection && connectionStringPart(connection, 'accesskey'))) secrets.push('accessKey');
  return secrets;
}

/** Completes an item: the default cloud where the file names none, the secrets it carries. */
export function finishItem(
  kind: ParsedItem['kind'],
  name: string,
  raw: Record<string, unknown>,
  issues: FieldIssue[],
  options: ParseOptions,
): ParsedItem {
  const cloud = text(options.cloud);
  const withCloud = raw.cloud === undefined && cloud ? { ...raw, cloud } : raw;
  return { name, kind, raw: withCloud, secrets: secretsOf(raw), issues };
}

/** Comma-separated tags (`demo, showroom`) as a list. */
export function splitTags(value: string): string[] {
  return value
    .split(',')
    .map((tag) => tag.trim())
    .filter(Boolean);
}
