/**
 * ACS access-key request signing (HMAC-SHA256), as Azure Communication Services documents it for
 * calling its REST API by hand and as `@azure/communication-common` signs: the body's SHA-256, the
 * date and the host go into a string to sign, and the signature into `Authorization`.
 * Web Crypto only, so the browser and Node run the same code.
 * https://learn.microsoft.com/azure/communication-services/tutorials/hmac-header-tutorial
 */

export const signedHeaderNames = 'x-ms-date;host;x-ms-content-sha256';

export interface AcsSigningInput {
  method: string;
  /** Absolute https URL of the request. */
  url: string;
  /** The exact body sent; empty for none. */
  body?: string;
  /** The resource's access key (base64), from its connection string. */
  accessKey: string;
  /** The time to put in x-ms-date; now when absent. */
  date?: Date;
}

export interface SignedAcsRequest {
  method: string;
  url: string;
  /** The headers to send, in the order the docs list them. `host` is what the client must send (curl and PowerShell do). */
  headers: { 'x-ms-date': string; 'x-ms-content-sha256': string; Authorization: string; host: string };
  stringToSign: string;
  /** When ACS stops accepting this signature (x-ms-date plus the 15 minutes of allowed skew). */
  validUntil: string;
  curl: string;
  powershell: string;
}

const encoder = new TextEncoder();

function toBase64(bytes: ArrayBuffer): string {
  let text = '';
  for (const byte of new Uint8Array(bytes)) text += String.fromCharCode(byte);
  return btoa(text);
}

function fromBase64(text: string): Uint8Array<ArrayBuffer> {
  const binary = atob(text);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

/** base64 SHA-256 of the UTF-8 body (`x-ms-content-sha256`). */
export async function acsContentHash(body: string): Promise<string> {
  return toBase64(await crypto.subtle.digest('SHA-256', encoder.encode(body)));
}

/** base64 HMAC-SHA256 of the UTF-8 text with the base64-decoded access key. */
export async function acsHmac(accessKey: string, text: string): Promise<string> {
  const key = await crypto.subtle.importKey('raw', fromBase64(accessKey), { name: 'HMAC', hash: 'SHA-256' }, false, ['sign']);
  return toBase64(await crypto.subtle.sign('HMAC', key, encoder.encode(text)));
}

/** `VERB\npathAndQuery\ndate;host;contentHash` (AZURE-PROTOCOLS.md §3). */
export function acsStringToSign(method: string, pathAndQuery: string, date: string, host: string, contentHash: string): string {
  return `${method.toUpperCase()}\n${pathAndQuery}\n${date};${host};${contentHash}`;
}

/** Signs one request: the headers, the string that was signed, and the request ready to paste into a shell. */
export async function signAcsRequest(input: AcsSigningInput): Promise<SignedAcsRequest> {
  const url = new URL(input.url);
  const method = input.method.toUpperCase();
  const body = input.body ?? '';
  const when = input.date ?? new Date();
  const date = when.toUTCString();
  // URL.host keeps a non-default port and drops :443, as an HTTP client's Host header does.
  const host = url.host;
  const contentHash = await acsContentHash(body);
  const stringToSign = acsStringToSign(method, `${url.pathname}${url.search}`, date, host, contentHash);
  const signature = await acsHmac(input.accessKey, stringToSign);
  const headers = {
    'x-ms-date': date,
    'x-ms-content-sha256': contentHash,
    Authorization: `HMAC-SHA256 SignedHeaders=${signedHeaderNames}&Signature=${signature}`,
    host,
  };
  const request = { method, url: url.href, body, headers };
  return {
    method,
    url: url.href,
    headers,
    stringToSign,
    validUntil: new Date(Math.floor(when.getTime() / 1000) * 1000 + 15 * 60_000).toISOString(),
    curl: renderCurl(request),
    powershell: renderPowerShell(request),
  };
}

interface RenderedRequest {
  method: string;
  url: string;
  body: string;
  headers: SignedAcsRequest['headers'];
}

/** A POSIX-shell single-quoted word: nothing inside is expanded; a quote is closed, escaped and reopened. */
export function shellQuote(text: string): string {
  return `'${text.replaceAll("'", `'\\''`)}'`;
}

/** A PowerShell single-quoted string: nothing inside is expanded; a quote is doubled. */
export function powerShellQuote(text: string): string {
  return `'${text.replace(/['\u2018\u2019\u201A\u201B]/g, (quote) => quote + quote)}'`;
}

function renderCurl({ method, url, body, headers }: RenderedRequest): string {
  const lines = [`curl -X ${method} ${shellQuote(url)}`];
  // curl sends Host from the URL, byte for byte what was signed.
  for (const name of ['x-ms-date', 'x-ms-content-sha256', 'Authorization'] as const)
    lines.push(`-H ${shellQuote(`${name}: ${headers[name]}`)}`);
  if (body) lines.push(`-H ${shellQuote('Content-Type: application/json')}`, `--data-raw ${shellQuote(body)}`);
  return lines.join(' \\\n  ');
}

function renderPowerShell({ method, url, body, headers }: RenderedRequest): string {
  const verb = method.charAt(0) + method.slice(1).toLowerCase();
  const lines = [
    '$headers = @{',
    ...(['x-ms-date', 'x-ms-content-sha256', 'Authorization'] as const).map(
      (name) => `  ${powerShellQuote(name)} = ${powerShellQuote(headers[name])}`,
    ),
    '}',
  ];
  let call = `Invoke-RestMethod -Method ${verb} -Uri ${powerShellQuote(url)} -Headers $headers`;
  // A string body is sent as UTF-8 when the content type says so; the hash was taken over UTF-8.
  if (body) call += ` -ContentType 'application/json; charset=utf-8' -Body ${powerShellQuote(body)}`;
  return [...lines, call].join('\n');
}
