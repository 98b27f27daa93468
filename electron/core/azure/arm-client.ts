import type { CloudProfile } from '../../../shared/clouds.ts';
import { AppError } from '../../../shared/errors.ts';
import { azureFetch, type AzureRequestInit } from './azure-http.ts';
import { withAzureRetry, type RetryRuntime } from './azure-retry.ts';
import { armFailure, type ArmFailureContext } from './arm-errors.ts';

/**
 * The few Azure Resource Manager calls the app makes (AZURE-PROTOCOLS.md §4), by hand over the
 * shared retry policy: 429 waits as Retry-After says, 5xx and dropped connections back off, and
 * anything else is worded by armFailure.
 */

export const armApiVersions = {
  subscriptions: '2022-12-01',
  authorization: '2022-04-01',
  remoteRendering: '2021-01-01',
  communication: '2023-04-01',
} as const;

/** One identity's way into ARM: the cloud's endpoint and an access token for it. */
export interface ArmSession {
  /** The profile the endpoint is from: its CA, if any, is trusted for it. */
  cloud: CloudProfile;
  endpoint: string;
  token: string;
  who: string;
  runtime: RetryRuntime;
  /** The call's cancel (`calls.cancel`): every request of the session stops with `cancelled`. */
  signal?: AbortSignal | undefined;
}

export interface ArmRequest extends Omit<ArmFailureContext, 'who'> {
  method?: 'GET' | 'POST';
  /** Path and query under the ARM endpoint, starting with `/`. */
  path: string;
  body?: unknown;
}

/** A page of an ARM list. */
interface ArmPage<T> {
  value?: T[];
  nextLink?: string | null;
}

const maxPages = 1000;

export async function armCall<T>(session: ArmSession, request: ArmRequest): Promise<T> {
  return send<T>(session, `${session.endpoint}${request.path}`, request);
}

/** Every item of a list, following `nextLink` (only on the same host: the token goes nowhere else). */
export async function armList<T>(session: ArmSession, request: ArmRequest): Promise<T[]> {
  const items: T[] = [];
  const origin = new URL(session.endpoint).origin;
  let url: string | undefined = `${session.endpoint}${request.path}`;
  for (let page = 0; url !== undefined; page++) {
    if (page >= maxPages)
      throw new AppError(
        'azure_unavailable',
        `Azure Resource Manager kept returning more pages when asked to ${request.what}; stopped after ${maxPages}.`,
      );
    const body: ArmPage<T> = await send<ArmPage<T>>(session, url, { ...request, method: 'GET' });
    items.push(...(body.value ?? []));
    const next: string | undefined = body.nextLink ?? undefined;
    if (next !== undefined && new URL(next).origin !== origin) {
      throw new AppError(
        'azure_bad_request',
        `Azure Resource Manager pointed the next page of "${request.what}" at another host (${new URL(next).host}); the app ` +
          `stopped rather than send the token there.`,
      );
    }
    url = next;
  }
  return items;
}

async function send<T>(session: ArmSession, url: string, request: ArmRequest): Promise<T> {
  const method = request.method ?? 'GET';
  const headers: Record<string, string> = { Authorization: `Bearer ${session.token}`, Accept: 'application/json' };
  if (request.body !== undefined) headers['Content-Type'] = 'application/json';
  const init: AzureRequestInit = { method, headers, ...(request.body !== undefined && { body: JSON.stringify(request.body) }) };
  const response = await withAzureRetry(
    (signal) => azureFetch(url, init, signal, session.cloud),
    { service: 'Azure Resource Manager', signal: session.signal },
    session.runtime,
  );
  const body = (await response.json().catch(() => undefined)) as unknown;
  if (!response.ok) throw armFailure(response.status, body, { who: session.who, what: request.what, action: request.action });
  if (body === undefined)
    throw new AppError(
      'azure_unavailable',
      `Azure Resource Manager answered without JSON when asked to ${request.what}. Try again; if it keeps happening, check the ` +
        `ARM endpoint of the cloud profile.`,
    );
  return body as T;
}
