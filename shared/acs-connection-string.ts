import { isBase64Key } from './base64.ts';
import type { FieldIssue } from './errors.ts';

/** The two parts of an ACS connection string. */
export interface AcsConnection {
  /** https URL with a trailing slash, as the Portal shows it. */
  endpoint: string;
  accessKey: string;
}

/** What is wrong with an endpoint normaliseAcsEndpoint refuses. */
export const acsEndpointMessage = 'The endpoint must be an https:// URL, such as https://<name>.communication.azure.com/';

export type ParseResult<T> = { ok: true; value: T } | { ok: false; issues: FieldIssue[] };

/**
 * Parses `endpoint=https://<name>.communication.azure.com/;accesskey=<base64>`. Keys are matched
 * case-insensitively (`accessKey=` occurs too) and the order does not matter. Messages never quote
 * the key.
 */
export function parseAcsConnectionString(text: string, path = 'connectionString'): ParseResult<AcsConnection> {
  const parts = new Map<string, string>();
  for (const segment of text.trim().split(';')) {
    if (!segment.trim()) continue;
    const eq = segment.indexOf('=');
    if (eq <= 0) return fail(path, 'Expected name=value pairs separated by ";" (endpoint=...;accesskey=...)');
    parts.set(segment.slice(0, eq).trim().toLowerCase(), segment.slice(eq + 1).trim());
  }
  const endpoint = parts.get('endpoint');
  const accessKey = parts.get('accesskey');
  if (!endpoint) return fail(path, 'The connection string has no endpoint=...');
  if (!accessKey)
    return fail(
      path,
      'The connection string has no accesskey=... (copy it from the Keys blade, or add the resource by endpoint for Entra ID only)',
    );
  const url = normaliseAcsEndpoint(endpoint);
  if (!url) return fail(path, acsEndpointMessage);
  if (!isBase64Key(accessKey)) return fail(path, 'The access key is not base64: copy the whole key from the Keys blade');
  return { ok: true, value: { endpoint: url, accessKey } };
}

/** An ACS endpoint as an https URL with a trailing slash, or undefined when it is not one. */
export function normaliseAcsEndpoint(text: string): string | undefined {
  let url: URL;
  try {
    url = new URL(text.trim());
  } catch {
    return undefined;
  }
  if (url.protocol !== 'https:' || !url.hostname || url.username || url.password || url.search || url.hash) return undefined;
  return `${url.origin}/`;
}

/** Builds the connection string back, in the Portal's spelling. */
export function formatAcsConnectionString({ endpoint, accessKey }: AcsConnection): string {
  return `endpoint=${endpoint};accesskey=${accessKey}`;
}

function fail<T>(path: string, message: string): ParseResult<T> {
  return { ok: false, issues: [{ path, message }] };
}
