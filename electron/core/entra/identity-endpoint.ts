import { randomBytes, randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { AppError } from '../../../shared/errors.ts';
import {
  endpointPath,
  errorBody,
  readTokenRequest,
  sameResource,
  scopeForResource,
  tokenBody,
  type IdentityPick,
} from './identity-endpoint-protocol.ts';

/** An identity the endpoint may serve: the first one given is served when a request names none. */
export interface EndpointIdentity {
  id: string;
  name: string;
  kind: 'user' | 'service-principal';
  /** The app the tokens are issued to: a service principal's own, a user's sign-in app. */
  clientId: string;
  objectId?: string | undefined;
}

export interface IdentityEndpointOptions {
  /** The identities this run may use; the first is the default. */
  identities: readonly EndpointIdentity[];
  /** Resources the program may ask for (`--allow`); empty or absent allows any the identity can get. */
  allow?: readonly string[];
  /** A token from the identity's MSAL cache, refreshed as needed (EntraService.acquireToken). */
  acquire(identityId: string, scopes: string[]): Promise<{ accessToken: string; expiresOn: string }>;
  /** Called before each token leaves; a failure keeps the token back (the access log must hold every one). */
  served?(identity: EndpointIdentity, resource: string): Promise<void>;
}

export interface IdentityEndpoint {
  /** `http://127.0.0.1:PORT/msi/token`. */
  readonly url: string;
  /** What the program's environment gets: the endpoint and the header secret in both protocol forms, nothing else. */
  readonly environment: Readonly<Record<'IDENTITY_ENDPOINT' | 'IDENTITY_HEADER' | 'MSI_ENDPOINT' | 'MSI_SECRET', string>>;
  /** Stops answering: open connections are closed, and the port refuses from then on. */
  close(): Promise<void>;
}

/**
 * A managed-identity endpoint for one `azcred run`: on 127.0.0.1, a random port, a fresh 256-bit
 * header secret, so a program's own Azure SDK (ManagedIdentityCredential, DefaultAzureCredential)
 * gets tokens of a signed-in identity without any secret in its environment. Another local process
 * can connect to the port but gets nothing without the secret, which only the program's environment holds.
 */
export async function startIdentityEndpoint(options: IdentityEndpointOptions): Promise<IdentityEndpoint> {
  const [fallback] = options.identities;
  if (!fallback) throw new AppError('invalid_input', 'Name the identity to run as with --identity.');
  const secret = randomBytes(32).toString('hex');
  const server = createServer((request, response) => void answer(options, fallback, secret, request, response));
  server.keepAliveTimeout = 5_000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}${endpointPath}`;
  return {
    url,
    environment: { IDENTITY_ENDPOINT: url, IDENTITY_HEADER: secret, MSI_ENDPOINT: url, MSI_SECRET: secret },
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

async function answer(
  options: IdentityEndpointOptions,
  fallback: EndpointIdentity,
  secret: string,
  request: IncomingMessage,
  response: ServerResponse,
): Promise<void> {
  const send = (status: number, body: Record<string, unknown>) => {
    response.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store' });
    response.end(JSON.stringify(body));
  };
  const refuse = (status: number, error: string, message: string) =>
    send(status, { ...errorBody(status, error, message), correlationId: randomUUID() });
  const asked = readTokenRequest(request.method, request.url, request.headers, secret);
  if (!asked.ok) return refuse(asked.status, asked.error, asked.message);
  const allow = options.allow ?? [];
  if (allow.length > 0 && !allow.some((r) => sameResource(r, asked.resource)))
    return refuse(
      403,
      'forbidden',
      `This run may get tokens only for ${allow.join(', ')}. To allow ${asked.resource}, start it again with --allow ${asked.resource}.`,
    );
  const chosen = pickIdentity(options.identities, fallback, asked.pick);
  if ('refused' in chosen) return refuse(chosen.status, chosen.error, chosen.refused);
  try {
    const token = await options.acquire(chosen.id, [scopeForResource(asked.resource)]);
    await options.served?.(chosen, asked.resource);
    send(200, tokenBody(asked.form, token, asked.resource, chosen.clientId));
  } catch (error) {
    // 400, not 5xx: the SDKs retry server errors for seconds, and a sign-in or unknown resource does not fix itself.
    const message = error instanceof AppError ? error.message : 'azcred could not get the token; see its messages.';
    refuse(
      error instanceof AppError && (error.code === 'network' || error.code === 'azure_unavailable') ? 503 : 400,
      'token_unavailable',
      message,
    );
  }
}

type Picked = EndpointIdentity | { refused: string; status: number; error: string };

/** The identity a request names by client_id or object_id, among those the run allowed; the default when it names none. */
function pickIdentity(identities: readonly EndpointIdentity[], fallback: EndpointIdentity, pick: IdentityPick): Picked {
  if (!pick) return fallback;
  const value = pick.value.toLowerCase();
  const matches = identities.filter((i) => (pick.by === 'client_id' ? i.clientId : i.objectId)?.toLowerCase() === value);
  if (matches.includes(fallback)) return fallback;
  const [only, ...more] = matches;
  if (!only)
    return {
      refused:
        `${pick.by} ${pick.value} is not an identity this run may use. Allow another signed-in identity by giving ` +
        `--identity again (azcred run --identity ${fallback.name} --identity OTHER -- …); \`azcred identity list\` shows them.`,
      status: 403,
      error: 'forbidden',
    };
  if (more.length > 0)
    return {
      refused: `${pick.by} ${pick.value} names ${matches.length} identities of this run (users share their sign-in app): name one by object_id.`,
      status: 400,
      error: 'invalid_request',
    };
  return only;
}
