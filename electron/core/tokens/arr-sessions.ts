import type { CloudProfile } from '../../../shared/clouds.ts';
import { AppError } from '../../../shared/errors.ts';
import type { ArrSessionSummary } from '../../../shared/tokens.ts';
import { azureFetch, serviceWords } from '../azure/azure-http.ts';
import { withAzureRetry, type RetryRuntime } from '../azure/azure-retry.ts';

/** The Remote Rendering session API, as far as the "test" action needs it: list the account's sessions with an STS token. */

export const arrApiVersion = '2021-01-01';

export async function listArrSessions(
  cloud: CloudProfile,
  arrEndpoint: string,
  account: { accountId: string; name: string },
  stsToken: string,
  runtime: RetryRuntime,
  signal?: AbortSignal,
): Promise<ArrSessionSummary[]> {
  const url = `${arrEndpoint}/accounts/${encodeURIComponent(account.accountId)}/sessions?api-version=${arrApiVersion}`;
  const response = await withAzureRetry(
    (attemptSignal) =>
      azureFetch(url, { headers: { Authorization: `Bearer ${stsToken}`, Accept: 'application/json' } }, attemptSignal, cloud),
    { service: 'the Remote Rendering service', signal },
    runtime,
  );
  const text = await response.text();
  if (!response.ok) throw arrRefusal(response.status, account.name, errorMessage(text));
  const body = parse(text) as { sessions?: unknown } | undefined;
  if (!body || !Array.isArray(body.sessions))
    throw new AppError(
      'internal',
      'The Remote Rendering service answered without a session list. Check the ARR endpoint of the cloud profile.',
    );
  return body.sessions.map(summary);
}

function summary(raw: unknown): ArrSessionSummary {
  const s = (raw ?? {}) as Record<string, unknown>;
  const text = (v: unknown) => (typeof v === 'string' ? v : null);
  const number = (v: unknown) => (typeof v === 'number' && Number.isFinite(v) ? v : null);
  return {
    id: text(s['id']) ?? '',
    status: text(s['status']) ?? 'Unknown',
    size: text(s['size']),
    hostname: text(s['hostname']),
    maxLeaseTimeMinutes: number(s['maxLeaseTimeMinutes']),
    elapsedTimeMinutes: number(s['elapsedTimeMinutes']),
    creationTime: text(s['creationTime']),
  };
}

/** "2 sessions, 1 ready" in words for the test result. */
export function describeSessions(sessions: readonly ArrSessionSummary[]): string {
  if (sessions.length === 0) return 'The token works: the account has no active sessions.';
  const ready = sessions.filter((s) => s.status.toLowerCase() === 'ready').length;
  return `The token works: ${sessions.length} active session${sessions.length === 1 ? '' : 's'}, ${ready} ready.`;
}

function arrRefusal(status: number, name: string, said: string): AppError {
  if (status === 401)
    return new AppError(
      'azure_unauthorized',
      `The Remote Rendering service refused the STS token for "${name}": the token may be for another account or region, or ` +
        `expired. Mint a new one and check the account's domain and region.`,
    );
  if (status === 403)
    return new AppError(
      'azure_forbidden',
      `The Remote Rendering service does not allow listing sessions of "${name}" with this token${said}.`,
    );
  if (status === 404)
    return new AppError(
      'azure_bad_request',
      `The Remote Rendering service at this address does not know "${name}": check the region and the ARR endpoint of the cloud ` +
        `profile${said}.`,
    );
  return new AppError('azure_bad_request', `The Remote Rendering service refused the request for "${name}" (HTTP ${status})${said}.`);
}

function errorMessage(text: string): string {
  const message = serviceWords((parse(text) as { error?: { message?: unknown } } | undefined)?.error?.message);
  return message ? `: ${message}` : '';
}

function parse(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}
