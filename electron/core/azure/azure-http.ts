/**
 * electron/core/azure/: what every Azure call needs, above platform/ and below the domains: HTTPS
 * with cloud trust, retry and timeouts (this module), JWT reading, the ARM client and resource ids,
 * Azure error mapping, permission matching and the cloud profiles. It imports platform/ and shared/
 * only, never a domain.
 */

import type { CloudProfile } from '../../../shared/clouds.ts';
import { AppError } from '../../../shared/errors.ts';
import { httpsAgentFor } from './cloud-trust.ts';
import { httpsFetch } from './https-fetch.ts';
import { TransientFailure } from './azure-retry.ts';

export interface AzureRequestInit {
  method?: string;
  headers?: Record<string, string>;
  body?: string;
}

/** Redirect statuses: never followed, as a bearer token or key must not go to another address. */
const redirects = new Set([301, 302, 303, 307, 308]);

/**
 * One HTTP request to Azure for the retry loop: a 429, a 5xx or a dropped connection becomes a
 * TransientFailure (tried again); a refused connection, an unknown host, an untrusted certificate
 * or a redirect becomes a `network` error at once (another try would not help). Any other answer
 * is returned for the caller to read. `cloud` is the profile the request is made for: its CA, if
 * it has one, is trusted for its own endpoints only (cloud-trust.ts), and for `resourceEndpoint`, one of its resources' own.
 */
export async function azureFetch(
  url: string,
  init: AzureRequestInit,
  signal: AbortSignal,
  cloud: CloudProfile,
  resourceEndpoint?: string,
): Promise<Response> {
  let response: Response;
  try {
    response = await httpsFetch(url, { ...init, signal, agent: httpsAgentFor(cloud, url, resourceEndpoint) });
  } catch (error) {
    if (signal.aborted) throw error;
    throw networkFailure(errorCode(error), new URL(url).host);
  }
  if (redirects.has(response.status)) {
    await response.body?.cancel().catch(() => undefined);
    throw networkFailure(undefined, new URL(url).host);
  }
  if (response.status === 429 || isRetriedStatus(response.status)) {
    await response.body?.cancel().catch(() => undefined);
    throw transientForStatus(response.status, (name) => response.headers.get(name));
  }
  return response;
}

/**
 * A service's own words (an error message, a WWW-Authenticate reason) fit to quote in a message:
 * printable ASCII only, trimmed and cut to `max` characters; empty for anything but a string.
 */
export function serviceWords(text: unknown, max = 200): string {
  return typeof text === 'string'
    ? text
        .replace(/[^\x20-\x7e]/g, '')
        .trim()
        .slice(0, max)
    : '';
}

/** 5xx answers worth another try; 501 and 505 say the request can never work. */
export function isRetriedStatus(status: number): boolean {
  return status === 408 || (status >= 500 && status <= 599 && status !== 501 && status !== 505);
}

export function transientForStatus(status: number, header: (name: string) => string | null | undefined): TransientFailure {
  if (status === 429) return new TransientFailure('throttled', { status, retryAfterMs: retryAfterMs(header) });
  return new TransientFailure(status === 408 ? 'timeout' : 'unavailable', { status });
}

/** `retry-after-ms`, `x-ms-retry-after-ms` or `Retry-After` (seconds or an HTTP date), as Azure sends them. */
export function retryAfterMs(header: (name: string) => string | null | undefined, now = Date.now()): number | undefined {
  for (const name of ['retry-after-ms', 'x-ms-retry-after-ms']) {
    const value = Number(header(name));
    if (header(name) && Number.isFinite(value) && value >= 0) return value;
  }
  const raw = header('retry-after')?.trim();
  if (!raw) return undefined;
  if (/^\d+(\.\d+)?$/.test(raw)) return Number(raw) * 1000;
  const at = Date.parse(raw);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now);
}

const droppedCodes = new Set([
  'ECONNRESET',
  'EPIPE',
  'ETIMEDOUT',
  'UND_ERR_SOCKET',
  'UND_ERR_CLOSED',
  'UND_ERR_CONNECT_TIMEOUT',
  'ECONNABORTED',
]);
const certificateCodes = /CERT|SELF_SIGNED|UNABLE_TO_(GET|VERIFY)|ERR_TLS/;

/** A connection that failed before an answer: a dropped one is transient; refused, unknown host and TLS trust are final. */
export function networkFailure(code: string | undefined, host: string): TransientFailure | AppError {
  if (code && droppedCodes.has(code)) return new TransientFailure('connection');
  if (code === 'ECONNREFUSED') {
    return new AppError(
      'network',
      `Nothing answered at ${host} (connection refused). Check the endpoints of the cloud profile in Settings → Clouds, and ` +
        `that the service is running.`,
    );
  }
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') {
    return new AppError(
      'network',
      `The host name ${host} could not be resolved. Check the network connection, and the endpoints of the cloud profile in ` +
        `Settings → Clouds.`,
    );
  }
  if (code && certificateCodes.test(code)) {
    return new AppError(
      'network',
      `The TLS certificate of ${host} is not trusted (${code}). For a private cloud or the emulator, add its CA certificate to ` +
        `the cloud profile (trustedCaPem).`,
    );
  }
  return new AppError('network', `${host} could not be reached${code ? ` (${code})` : ''}. Check the network connection and try again.`);
}

/** The system error code of a failed fetch (undici puts it on `cause`) or of an SDK error. */
export function errorCode(error: unknown): string | undefined {
  for (let current: unknown = error, depth = 0; current && depth < 4; current = (current as { cause?: unknown }).cause, depth++) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === 'string' && /^[A-Z_]+$/.test(code)) return code;
  }
  return undefined;
}
