import { globalAgent } from 'node:https';
import type { INetworkModule, NetworkRequestOptions, NetworkResponse } from '@azure/msal-node';
import type { CloudProfile } from '../../../shared/clouds.ts';
import { httpsAgentFor } from '../azure/cloud-trust.ts';
import { httpsFetch } from '../azure/https-fetch.ts';

/**
 * MSAL's HTTP client, replaced for two reasons: every request gets a timeout (MSAL's own POST has
 * none, so a silent network would hang a sign-in), and Entra's error bodies are remembered by
 * correlation id, because MSAL Node 7's device-code poller throws `post_request_failed` with only
 * the OAuth `error` and drops the AADSTS description the user needs (DeviceCodeClient.acquireToken).
 * It is also how a custom cloud's CA reaches MSAL: each application gets `forCloud(profile)`, whose
 * requests go through the agent cloud-trust.ts picks (MSAL sends every request through its
 * `system.networkClient`).
 */

export interface EntraErrorBody {
  error: string;
  error_description?: string;
  error_codes?: number[];
}

const rememberedErrors = 50;

export class EntraHttpClient implements INetworkModule {
  readonly #timeoutMs: number;
  readonly #errors = new Map<string, EntraErrorBody>();

  constructor(timeoutMs = 30_000) {
    this.#timeoutMs = timeoutMs;
  }

  /** `cloud`: the profile the request is made for; without one only Node's default CAs are trusted. */
  sendGetRequestAsync<T>(
    url: string,
    options?: NetworkRequestOptions,
    timeout?: number,
    cloud?: CloudProfile,
  ): Promise<NetworkResponse<T>> {
    return this.#send<T>(url, 'GET', options, timeout, cloud);
  }

  sendPostRequestAsync<T>(url: string, options?: NetworkRequestOptions, cloud?: CloudProfile): Promise<NetworkResponse<T>> {
    return this.#send<T>(url, 'POST', options, undefined, cloud);
  }

  /** MSAL's network client for the applications of one cloud profile. */
  forCloud(cloud: CloudProfile): INetworkModule {
    return {
      sendGetRequestAsync: (url, options, timeout) => this.sendGetRequestAsync(url, options, timeout, cloud),
      sendPostRequestAsync: (url, options) => this.sendPostRequestAsync(url, options, cloud),
    };
  }

  /** The last Entra error answered to requests of this correlation id. */
  lastError(correlationId: string): EntraErrorBody | undefined {
    return this.#errors.get(correlationId);
  }

  async #send<T>(
    url: string,
    method: 'GET' | 'POST',
    options: NetworkRequestOptions | undefined,
    timeout: number | undefined,
    cloud: CloudProfile | undefined,
  ): Promise<NetworkResponse<T>> {
    const response = await httpsFetch(url, {
      method,
      headers: options?.headers ?? {},
      ...(method === 'POST' ? { body: options?.body ?? '' } : {}),
      signal: AbortSignal.timeout(timeout ?? this.#timeoutMs),
      agent: cloud ? httpsAgentFor(cloud, url) : globalAgent,
    }).catch((error: unknown) => {
      // MSAL wraps whatever is thrown; the code lets sign-in-errors.ts say "network".
      throw Object.assign(new Error('The request to Entra ID failed or timed out.'), { errorCode: 'network_error', cause: error });
    });
    const headers: Record<string, string> = {};
    response.headers.forEach((value, name) => (headers[name] = value));
    const text = await response.text();
    const body = parseJson(text);
    const error = (body as Partial<EntraErrorBody>).error;
    if (typeof error === 'string' && error !== 'authorization_pending' && options?.correlationId)
      this.#remember(options.correlationId, body as EntraErrorBody);
    return { headers, body: body as T, status: response.status };
  }

  #remember(correlationId: string, body: EntraErrorBody): void {
    this.#errors.delete(correlationId);
    this.#errors.set(correlationId, {
      error: body.error,
      ...(body.error_description ? { error_description: String(body.error_description) } : {}),
      ...(Array.isArray(body.error_codes) ? { error_codes: body.error_codes } : {}),
    });
    if (this.#errors.size > rememberedErrors) this.#errors.delete(this.#errors.keys().next().value as string);
  }
}

function parseJson(text: string): unknown {
  try {
    return text ? (JSON.parse(text) as unknown) : {};
  } catch {
    return {};
  }
}
