import { randomBytes } from 'node:crypto';
import type { CloudProfile } from '../../../shared/clouds.ts';
import { AppError } from '../../../shared/errors.ts';
import { assignRoleAdvice } from '../azure/arm-errors.ts';
import { azureFetch, serviceWords } from '../azure/azure-http.ts';
import { withAzureRetry, type RetryRuntime } from '../azure/azure-retry.ts';
import { jwtTimes } from '../azure/jwt-facts.ts';

/**
 * The Mixed Reality STS exchange (AZURE-PROTOCOLS.md §1), written by hand since the official JS
 * package was withdrawn: an account key or an Entra token in, a 24-hour ARR access token out.
 * Errors carry no body, only `WWW-Authenticate`, so the wording comes from what was sent.
 */

export const stsApiVersion = '2019-02-28-preview';

export interface StsAccount {
  /** Azure's account ID (a GUID). */
  accountId: string;
  /** The account's name in the app, for messages. */
  name: string;
}

export type StsCredential =
  { kind: 'key'; key: string; which: 'primary' | 'secondary' } | { kind: 'entra'; accessToken: string; who: string };

export interface StsToken {
  accessToken: string;
  expiresAt: Date;
  issuedAt: Date;
}

/** A fresh correlation vector, as the SDKs send in `X-MRC-CV`: 22 base64 characters. */
export function newCorrelationVector(): string {
  return randomBytes(16).toString('base64').slice(0, 22);
}

/** Exchanges the credential at `stsEndpoint` (the pattern of `cloud`, filled for the account domain). */
export async function exchangeStsToken(
  cloud: CloudProfile,
  stsEndpoint: string,
  account: StsAccount,
  credential: StsCredential,
  runtime: RetryRuntime,
  signal?: AbortSignal,
): Promise<StsToken> {
  const url = `${stsEndpoint}/Accounts/${encodeURIComponent(account.accountId)}/token?api-version=${stsApiVersion}`;
  const bearer = credential.kind === 'key' ? `${account.accountId}:${credential.key}` : credential.accessToken;
  const response = await withAzureRetry(
    (attemptSignal) =>
      azureFetch(
        url,
        { headers: { Authorization: `Bearer ${bearer}`, Accept: 'application/json', 'X-MRC-CV': newCorrelationVector() } },
        attemptSignal,
        cloud,
      ),
    { service: 'the Mixed Reality STS', signal },
    runtime,
  );
  if (!response.ok) {
    await response.body?.cancel().catch(() => undefined);
    throw stsRefusal(
      response.status,
      account,
      credential,
      serviceReason(response.headers.get('www-authenticate'), credential.kind === 'key' ? credential.key : credential.accessToken),
    );
  }
  const body = (await response.json().catch(() => undefined)) as { AccessToken?: unknown } | undefined;
  const accessToken = typeof body?.AccessToken === 'string' ? body.AccessToken : '';
  const times = jwtTimes(accessToken);
  if (!times)
    throw new AppError(
      'internal',
      'The Mixed Reality STS answered without a readable access token. Try again; if it keeps happening, check the STS endpoint ' +
        'of the cloud profile.',
    );
  return { accessToken, ...times };
}

/** Remote Rendering's two data-plane roles: either lets an Entra principal get an STS token. */
const remoteRenderingRoles = 'Remote Rendering Client (to render) or Remote Rendering Administrator (to convert models too)';

/**
 * What the STS said in `WWW-Authenticate` ("Invalid token: <reason>"), shortened, and dropped if it
 * quotes any part of what was sent, so a message never carries a key or token.
 */
function serviceReason(header: string | null, sent: string): string {
  const reason = serviceWords((header ?? '').replace(/^Invalid (token|request):\s*/i, ''));
  if (!reason || (sent.length >= 8 && [...chunks(sent, 8)].some((part) => reason.includes(part)))) return '';
  return ` (The STS said: ${reason})`;
}

function* chunks(text: string, size: number): Generator<string> {
  for (let i = 0; i + size <= text.length; i += size) yield text.slice(i, i + size);
}

function stsRefusal(status: number, account: StsAccount, credential: StsCredential, said: string): AppError {
  if (status === 401 || status === 403) {
    if (credential.kind === 'key') {
      return new AppError(
        'azure_unauthorized',
        `The ${credential.which} key of "${account.name}" was refused: check the key and the account ID, or the key was ` +
          `regenerated (copy it again from the account's Keys blade in the Azure portal and update the account here).${said}`,
      );
    }
    return new AppError(
      status === 401 ? 'azure_unauthorized' : 'azure_forbidden',
      `${credential.who} may not get Remote Rendering tokens for "${account.name}": it needs the role ${remoteRenderingRoles} ` +
        `on the account. ${assignRoleAdvice}${said}`,
    );
  }
  if (status === 400)
    return new AppError(
      'azure_bad_request',
      `The Mixed Reality STS refused the request for "${account.name}" as malformed: check the account ID (a GUID) and the ` +
        `account domain.${said}`,
    );
  if (status === 404)
    return new AppError(
      'azure_bad_request',
      `The Mixed Reality STS has no token endpoint at the address used for "${account.name}": check the account domain and the ` +
        `STS endpoint of the cloud profile.`,
    );
  return new AppError(
    'azure_bad_request',
    `The Mixed Reality STS answered HTTP ${status} for "${account.name}". Try again; if it keeps happening, check the account ` +
      `domain and the cloud profile.`,
  );
}
