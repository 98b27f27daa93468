import type * as CommunicationIdentitySdk from '@azure/communication-identity';
import type { CommunicationIdentityClient, CommunicationIdentityClientOptions } from '@azure/communication-identity';
import type { AccessToken, TokenCredential } from '@azure/core-auth';
import type { CloudProfile } from '../../../shared/clouds.ts';
import type { AcsScope } from '../../../shared/tokens.ts';
import { AppError, type FieldIssue } from '../../../shared/errors.ts';
import { assignRoleAdvice } from '../azure/arm-errors.ts';
import { httpsAgentFor } from '../azure/cloud-trust.ts';
import { builtInRolesGranting, orList } from '../azure/permission-match.ts';
import { azureFetch, errorCode, isRetriedStatus, networkFailure, serviceWords, transientForStatus } from '../azure/azure-http.ts';
import { parseAcsConnectionString } from '../../../shared/acs-connection-string.ts';
import { signAcsRequest } from '../../../shared/acs-request-signing.ts';
import { withAzureRetry, type RetryRuntime } from '../azure/azure-retry.ts';

/**
 * The ACS identity API through the official client (`@azure/communication-identity`), paid for
 * with the resource's access key (HMAC) or an Entra token. The client's own retries are off: every
 * call goes through the app's retry policy instead, so 429, 5xx, timeouts and cancel behave as for
 * the STS. The SDK is loaded on the first ACS call, not with the core: it and its Azure pipeline
 * are megabytes a session that never calls ACS need not load.
 */

export interface AcsResource {
  /** The resource's name in the app, for messages. */
  name: string;
  /** https URL with a trailing slash. */
  endpoint: string;
  /** The profile of the resource's cloud: its CA, if any, is trusted for this endpoint. */
  cloud: CloudProfile;
}

export type AcsCaller =
  { kind: 'accessKey'; connectionString: string } | { kind: 'entra'; accessToken: string; expiresOn: string; who: string };

/** A user token asked for with a new identity: its scopes and lifetime. */
export interface UserTokenAsked {
  scopes: AcsScope[];
  minutes: number;
}

export interface IssuedUserToken {
  token: string;
  expiresOn: Date;
}

/** An identity as api-version 2025-06-30 shows it: its caller-chosen custom ID and when its last token was issued. */
export interface AcsIdentityDetail {
  communicationUserId: string;
  customId: string | null;
  lastTokenIssuedAt: string | null;
}

/**
 * The identity API version with `customId` on create and `GET /identities/{id}` (azure-rest-api-specs,
 * communication/data-plane/Identity/stable/2025-06-30; examples/GetIdentity.json). The official JS client (1.3) speaks
 * 2023-10-01 and knows neither, so these two calls are made here, signed as the client signs (AZURE-PROTOCOLS.md §3).
 */
export const currentIdentityApiVersion = '2025-06-30';

/** The built-in roles that let an Entra principal manage ACS identities: those granting the operation the role audit checks for it. */
const communicationRoles = orList(builtInRolesGranting('Microsoft.Communication/CommunicationServices/Write', 'action'));

let sdk: Promise<typeof CommunicationIdentitySdk> | undefined;

/**
 * The SDK, loaded once. It is a CommonJS package: Node names its exports, but in the split bundles
 * (the CLI's, browser mode's) esbuild hands them over only as `default`.
 */
async function loadSdk(): Promise<typeof CommunicationIdentitySdk> {
  const loaded = await import('@azure/communication-identity');
  return 'CommunicationIdentityClient' in loaded ? loaded : (loaded as { default: typeof CommunicationIdentitySdk }).default;
}

/**
 * A new SDK client for the caller, with the SDK's own retries off, whose every request goes through
 * the agent cloud-trust.ts picks for the resource's cloud (the pipeline's Node client honours `request.agent`).
 */
async function newClient(resource: AcsResource, caller: AcsCaller): Promise<CommunicationIdentityClient> {
  const { CommunicationIdentityClient } = await (sdk ??= loadSdk());
  const options: CommunicationIdentityClientOptions = {
    retryOptions: { maxRetries: 0 },
    additionalPolicies: [
      {
        position: 'perRetry',
        policy: {
          name: 'cloudTrust',
          sendRequest: (request, next) => {
            request.agent = httpsAgentFor(resource.cloud, request.url, resource.endpoint);
            return next(request);
          },
        },
      },
    ],
  };
  return caller.kind === 'accessKey'
    ? new CommunicationIdentityClient(caller.connectionString, options)
    : new CommunicationIdentityClient(resource.endpoint, fixedTokenCredential(caller.accessToken, caller.expiresOn), options);
}

/**
 * One SDK client per resource paid for with its access key, reused call after call (building one
 * parses the connection string and assembles the HTTP pipeline each time); a different connection
 * string for the endpoint (a rotated key, an edited resource) replaces it. Entra callers get a new
 * client each time: the client holds the token it was built with.
 */
export class AcsClients {
  readonly #byEndpoint = new Map<string, { connectionString: string; cloud: string; client: Promise<CommunicationIdentityClient> }>();

  get(resource: AcsResource, caller: AcsCaller): Promise<CommunicationIdentityClient> {
    if (caller.kind !== 'accessKey') return newClient(resource, caller);
    const held = this.#byEndpoint.get(resource.endpoint);
    // The client holds the profile it was made for: a profile saved again (another CA) needs a new one.
    const cloud = JSON.stringify(resource.cloud);
    if (held?.connectionString === caller.connectionString && held.cloud === cloud) return held.client;
    const client = newClient(resource, caller);
    const entry = { connectionString: caller.connectionString, cloud, client };
    this.#byEndpoint.set(resource.endpoint, entry);
    // A connection string the SDK refused is not kept: the next call tries again and fails the same way.
    client.catch(() => this.#byEndpoint.get(resource.endpoint) === entry && this.#byEndpoint.delete(resource.endpoint));
    return client;
  }
}

export class CommunicationIdentity {
  readonly #resource: AcsResource;
  readonly #caller: AcsCaller;
  readonly #client: Promise<CommunicationIdentityClient>;
  readonly #runtime: RetryRuntime;

  /** `clients` is the core's cache of SDK clients. */
  constructor(resource: AcsResource, caller: AcsCaller, runtime: RetryRuntime, clients: AcsClients) {
    this.#resource = resource;
    this.#caller = caller;
    this.#runtime = runtime;
    this.#client = clients.get(resource, caller);
    // Read when a call is made; a refused connection string is thrown then, not as an unhandled rejection now.
    this.#client.catch(() => undefined);
  }

  async createIdentity(withToken: UserTokenAsked, signal?: AbortSignal): Promise<{ communicationUserId: string; token: IssuedUserToken }>;
  async createIdentity(
    withToken: UserTokenAsked | undefined,
    signal?: AbortSignal,
  ): Promise<{ communicationUserId: string; token: IssuedUserToken | undefined }>;
  async createIdentity(
    withToken: UserTokenAsked | undefined,
    signal?: AbortSignal,
  ): Promise<{ communicationUserId: string; token: IssuedUserToken | undefined }> {
    if (!withToken) {
      const user = await this.#run((client, abortSignal) => client.createUser({ abortSignal }), 'create', signal);
      return { communicationUserId: user.communicationUserId, token: undefined };
    }
    const created = await this.#run(
      (client, abortSignal) => client.createUserAndToken(withToken.scopes, { tokenExpiresInMinutes: withToken.minutes, abortSignal }),
      'create',
      signal,
    );
    return { communicationUserId: created.user.communicationUserId, token: { token: created.token, expiresOn: created.expiresOn } };
  }

  issueToken(communicationUserId: string, scopes: AcsScope[], minutes: number, signal?: AbortSignal): Promise<IssuedUserToken> {
    return this.#run(
      (client, abortSignal) => client.getToken({ communicationUserId }, scopes, { tokenExpiresInMinutes: minutes, abortSignal }),
      'identity',
      signal,
    );
  }

  async revokeTokens(communicationUserId: string, signal?: AbortSignal): Promise<void> {
    await this.#run((client, abortSignal) => client.revokeTokens({ communicationUserId }, { abortSignal }), 'identity', signal);
  }

  async deleteIdentity(communicationUserId: string, signal?: AbortSignal): Promise<void> {
    await this.#run((client, abortSignal) => client.deleteUser({ communicationUserId }, { abortSignal }), 'identity', signal);
  }

  /**
   * Creates an identity under the caller's own `customId`; the service answers with the identity it already holds for that
   * custom ID when there is one (learn.microsoft.com, communication-services/concepts/identity-model).
   */
  async createIdentityWithCustomId(
    customId: string,
    withToken: UserTokenAsked | undefined,
    signal?: AbortSignal,
  ): Promise<{ communicationUserId: string; token: IssuedUserToken | undefined }> {
    const body = {
      customId,
      ...(withToken ? { createTokenWithScopes: withToken.scopes, expiresInMinutes: withToken.minutes } : {}),
    };
    const answer = (await this.#rest('POST', '/identities', body, 'create', signal)) as {
      identity?: { id?: unknown };
      accessToken?: { token?: unknown; expiresOn?: unknown };
    };
    const id = typeof answer.identity?.id === 'string' ? answer.identity.id : '';
    if (!id) throw new AppError('azure_bad_request', `Communication Services answered without an identity for "${this.#resource.name}".`);
    const token = answer.accessToken;
    return {
      communicationUserId: id,
      token:
        typeof token?.token === 'string' && typeof token.expiresOn === 'string'
          ? { token: token.token, expiresOn: new Date(token.expiresOn) }
          : undefined,
    };
  }

  /** Get identity: its custom ID and when its last token was issued, as the service holds them now. */
  async getIdentity(communicationUserId: string, signal?: AbortSignal): Promise<AcsIdentityDetail> {
    const answer = (await this.#rest('GET', `/identities/${encodeURIComponent(communicationUserId)}`, undefined, 'identity', signal)) as {
      id?: unknown;
      customId?: unknown;
      lastTokenIssuedAt?: unknown;
    };
    return {
      communicationUserId: typeof answer.id === 'string' ? answer.id : communicationUserId,
      customId: typeof answer.customId === 'string' ? answer.customId : null,
      lastTokenIssuedAt: typeof answer.lastTokenIssuedAt === 'string' ? answer.lastTokenIssuedAt : null,
    };
  }

  /** One call on the current API version, signed with the access key or carrying the Entra token, through the app's retry policy. */
  #rest(method: 'GET' | 'POST', path: string, body: unknown, what: Operation, signal: AbortSignal | undefined): Promise<unknown> {
    const url = new URL(`${path.replace(/^\//, '')}?api-version=${currentIdentityApiVersion}`, this.#resource.endpoint).href;
    const text = body === undefined ? '' : JSON.stringify(body);
    return withAzureRetry(
      async (attemptSignal) => {
        const headers: Record<string, string> = { Accept: 'application/json', ...(text ? { 'Content-Type': 'application/json' } : {}) };
        if (this.#caller.kind === 'accessKey') {
          const parsed = parseAcsConnectionString(this.#caller.connectionString);
          if (!parsed.ok) throw new AppError('invalid_input', `The connection string of "${this.#resource.name}" is not valid.`);
          const signed = await signAcsRequest({ method, url, body: text, accessKey: parsed.value.accessKey });
          // The Host header is the one the request carries; the three others are the signature.
          headers['x-ms-date'] = signed.headers['x-ms-date'];
          headers['x-ms-content-sha256'] = signed.headers['x-ms-content-sha256'];
          headers['Authorization'] = signed.headers.Authorization;
        } else headers['Authorization'] = `Bearer ${this.#caller.accessToken}`;
        const init = { method, headers, ...(text ? { body: text } : {}) };
        const response = await azureFetch(url, init, attemptSignal, this.#resource.cloud, this.#resource.endpoint);
        const json: unknown = await response.json().catch(() => ({}));
        if (response.ok) return json;
        throw this.#failure(
          {
            statusCode: response.status,
            details: json,
            response: { headers: { get: (n: string) => response.headers.get(n) ?? undefined } },
          },
          what,
          attemptSignal,
        );
      },
      { service: `Communication Services ("${this.#resource.name}")`, signal },
      this.#runtime,
    );
  }

  /** The Teams user exchange: the user's Entra token (for the ACS Teams scopes), the app it was issued to and the user's object id;
   * `refused` is what a 401 says. */
  exchangeTeamsToken(
    teams: { entraToken: string; appId: string; userObjectId: string },
    refused: string,
    signal?: AbortSignal,
  ): Promise<IssuedUserToken> {
    return this.#run(
      (client, abortSignal) =>
        client.getTokenForTeamsUser({
          teamsUserAadToken: teams.entraToken,
          clientId: teams.appId,
          userObjectId: teams.userObjectId,
          abortSignal,
        }),
      { teamsRefused: refused },
      signal,
    );
  }

  async #run<T>(
    operation: (client: CommunicationIdentityClient, abortSignal: AbortSignal) => Promise<T>,
    what: Operation,
    signal: AbortSignal | undefined,
  ): Promise<T> {
    // Outside the retry loop, as the SDK's constructor was: a connection string it refuses is not a network failure.
    const client = await this.#client;
    return withAzureRetry(
      (attemptSignal) =>
        operation(client, attemptSignal).catch((error: unknown) => Promise.reject(this.#failure(error, what, attemptSignal))),
      { service: `Communication Services ("${this.#resource.name}")`, signal },
      this.#runtime,
    );
  }

  /** Words an SDK failure; a retryable one becomes a TransientFailure for the retry loop. */
  #failure(error: unknown, what: Operation, attemptSignal: AbortSignal): unknown {
    if (error instanceof AppError || attemptSignal.aborted) return error;
    const rest = error as {
      statusCode?: unknown;
      code?: unknown;
      details?: unknown;
      response?: { headers?: { get(name: string): string | undefined } };
    };
    const status = typeof rest.statusCode === 'number' ? rest.statusCode : undefined;
    if (status === undefined) return networkFailure(errorCode(error), new URL(this.#resource.endpoint).host);
    if (status === 429 || isRetriedStatus(status)) return transientForStatus(status, (name) => rest.response?.headers?.get(name));
    const body = serviceError(rest.details);
    const name = this.#resource.name;
    if (status === 401 || status === 403) {
      if (typeof what === 'object' && body.code !== 'Denied') return new AppError('azure_unauthorized', what.teamsRefused);
      if (this.#caller.kind === 'accessKey') {
        return new AppError(
          'azure_unauthorized',
          `The access key of "${name}" was refused: check the connection string, or the key was regenerated (copy it again from ` +
            `the resource's Keys blade in the Azure portal and update the resource here).`,
        );
      }
      return new AppError(
        status === 401 ? 'azure_unauthorized' : 'azure_forbidden',
        `${this.#caller.who} may not manage identities on "${name}": it needs a role such as ${communicationRoles} on the ` +
          `resource. ${assignRoleAdvice}`,
      );
    }
    if (status === 404 && what === 'identity')
      return new AppError('not_found', `That ACS identity no longer exists on "${name}": it may have been deleted elsewhere.`);
    if (status === 404)
      return new AppError(
        'azure_bad_request',
        `"${name}" has no identity API at ${this.#resource.endpoint}: check the endpoint of the resource.`,
      );
    if (status === 400) {
      const field = body.target === 'expiresInMinutes' ? 'minutes' : body.target;
      const message = `Communication Services refused the request: ${body.message || 'the request is not valid'}.`;
      const issues: FieldIssue[] | undefined = field
        ? [{ path: field, message: body.message || 'Not accepted by the service' }]
        : undefined;
      return new AppError('azure_bad_request', message, issues);
    }
    return new AppError(
      'azure_bad_request',
      `Communication Services answered HTTP ${status} for "${name}"${body.message ? `: ${body.message}` : ''}.`,
    );
  }
}

type Operation = 'create' | 'identity' | { teamsRefused: string };

/** The service's `{"error":{"code","message","target"}}`, shortened; messages are the service's own validation text. */
function serviceError(details: unknown): { code: string; message: string; target: string | undefined } {
  const error = ((details ?? {}) as { error?: Record<string, unknown> }).error ?? {};
  return {
    code: serviceWords(error['code']),
    message: serviceWords(error['message']).replace(/\.$/, ''),
    target: serviceWords(error['target']) || undefined,
  };
}

/** The SDK's TokenCredential, answered with a token the app already holds (acquired, with its errors worded, before the call). */
function fixedTokenCredential(token: string, expiresOn: string): TokenCredential {
  return { getToken: async (): Promise<AccessToken> => ({ token, expiresOnTimestamp: Date.parse(expiresOn) }) };
}
