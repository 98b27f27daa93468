import type { z } from 'zod';
import {
  manualAppRegistrationDoc,
  type AppPermission,
  type AppRegistered,
  type registerAppSchema,
} from '../../../shared/app-registration.ts';
import { graphEndpointOf, type CloudProfile } from '../../../shared/clouds.ts';
import { AppError } from '../../../shared/errors.ts';
import type { SignInStarted, signInStartSchema } from '../../../shared/identities.ts';
import { azureFetch, serviceWords } from '../azure/azure-http.ts';
import { defaultRetryRuntime, withAzureRetry, type RetryRuntime } from '../azure/azure-retry.ts';
import type { CloudsStore } from '../azure/clouds-store.ts';
import { whoIs, type IdentityRecord } from './identity-record.ts';

/**
 * "Your own app in one step": with the signed-in user's Microsoft Graph token, register a public-client app (redirect
 * http://localhost, public client flows on, the API permissions the app asks tokens for), create its service principal, make it the
 * cloud's sign-in app, and start the user's sign-in with it, where Entra shows the consent. Graph's shapes:
 * https://learn.microsoft.com/graph/api/application-post-applications and
 * https://learn.microsoft.com/graph/api/serviceprincipal-post-serviceprincipals (both need Application.ReadWrite.All, which the
 * Azure CLI's client holds for Graph as Directory.AccessAsUser.All).
 */

/**
 * The delegated permissions the app asks for. An app names each in `requiredResourceAccess` by the resource's app id and the id of
 * one of the delegated permissions in the `oauth2PermissionScopes` of the resource's service principal
 * (https://learn.microsoft.com/graph/api/resources/requiredresourceaccess, https://learn.microsoft.com/graph/api/resources/resourceaccess,
 * https://learn.microsoft.com/graph/api/resources/serviceprincipal). So at registration the ids are read from the user's tenant
 * (`GET /servicePrincipals?$filter=appId eq '…'&$select=appId,oauth2PermissionScopes`, serviceprincipal-list) and the scope picked
 * by its `value`. Microsoft publishes the names (the portal's "Azure Service Management → user_impersonation"; "Microsoft Mixed Reality
 * → mixedreality.signin" in learn.microsoft.com/azure/remote-rendering/how-tos/authentication). Where the tenant lists no service
 * principal for a resource, the ids tenants list for it are used, as collected in
 * github.com/maciejporebski/azure-ad-first-party-apps-permissions (third-party, not Microsoft's own page); ACS has none known.
 * Azure Communication Services is app 632ec9eb-fad7-4cbd-993a-e72973ba2acc (azure-sdk-for-net#35816); its scope's value
 * `user_impersonation` follows the ARM convention and no Microsoft page confirms it, so a tenant that lists another leaves it `missing`.
 */
export const appPermissions: readonly { resource: string; resourceAppId: string; scope: string; knownId?: string }[] = [
  {
    resource: 'Azure Service Management',
    resourceAppId: '797f4846-ba00-4fd7-ba43-dac1f8f63013',
    scope: 'user_impersonation',
    knownId: '41094075-9dad-400e-a0bd-54e686782033',
  },
  { resource: 'Azure Communication Services', resourceAppId: '632ec9eb-fad7-4cbd-993a-e72973ba2acc', scope: 'user_impersonation' },
  {
    resource: 'Microsoft Mixed Reality',
    resourceAppId: 'c7ddd9b4-5172-4e28-bd29-1e0792947d18',
    scope: 'mixedreality.signin',
    knownId: 'b24fe742-e2a6-4995-adbf-aba1516932c5',
  },
];

interface ListedServicePrincipal {
  appId?: string;
  oauth2PermissionScopes?: { id?: unknown; value?: unknown; isEnabled?: unknown }[];
}

/** Each permission's id from the resource's service principal in the tenant, or the known id where the tenant lists none. */
export async function lookUpPermissions(graph: Pick<GraphClient, 'get'>): Promise<AppPermission[]> {
  const found: AppPermission[] = [];
  for (const wanted of appPermissions) {
    const filter = encodeURIComponent(`appId eq '${wanted.resourceAppId}'`);
    const listed = await graph.get<{ value?: ListedServicePrincipal[] }>(
      `/servicePrincipals?$filter=${filter}&$select=appId,oauth2PermissionScopes`,
    );
    const sp = listed.value?.find((v) => v.appId?.toLowerCase() === wanted.resourceAppId);
    const base = { resource: wanted.resource, resourceAppId: wanted.resourceAppId, scope: wanted.scope };
    if (!sp) {
      found.push(wanted.knownId ? { ...base, id: wanted.knownId, source: 'known' } : { ...base, source: 'missing' });
      continue;
    }
    const scope = sp.oauth2PermissionScopes?.find((s) => s.value === wanted.scope && s.isEnabled !== false && typeof s.id === 'string');
    found.push(scope ? { ...base, id: String(scope.id), source: 'graph' } : { ...base, source: 'missing' });
  }
  return found;
}

/** The app's `requiredResourceAccess`: one entry per resource, its delegated scope by id. */
export function requiredResourceAccessOf(
  permissions: readonly AppPermission[],
): { resourceAppId: string; resourceAccess: { id: string; type: 'Scope' }[] }[] {
  return permissions.flatMap((p) =>
    p.id ? [{ resourceAppId: p.resourceAppId, resourceAccess: [{ id: p.id, type: 'Scope' as const }] }] : [],
  );
}

export interface AppRegistrationDeps {
  clouds: CloudsStore;
  record(id: string): Promise<IdentityRecord>;
  acquireToken(id: string, scopes: string[]): Promise<{ accessToken: string }>;
  startSignIn(input: z.output<typeof signInStartSchema>): Promise<SignInStarted>;
  runtime?: RetryRuntime;
}

/** Registers the app for `input.name` as the user `input.identityId`, and starts their sign-in with it. */
export async function registerApp(
  deps: AppRegistrationDeps,
  input: z.output<typeof registerAppSchema>,
  signal: AbortSignal,
): Promise<AppRegistered> {
  const profile = deps.clouds.get(input.name);
  const user = await deps.record(input.identityId);
  if (user.kind !== 'user')
    throw new AppError('invalid_input', `${user.name} is a service principal: register the app as a signed-in user.`, [
      { path: 'identityId', message: 'Choose a signed-in user' },
    ]);
  if (user.cloud !== profile.name)
    throw new AppError('invalid_input', `${whoIs(user)} is signed in to ${user.cloud}, not ${profile.name}: choose a user of this cloud.`, [
      { path: 'identityId', message: `Choose a user signed in to ${profile.displayName}` },
    ]);
  const token = await deps.acquireToken(user.id, [profile.graphScope]);
  const graph = graphClient(profile, token.accessToken, whoIs(user), signal, deps.runtime ?? defaultRetryRuntime);

  const permissions = await lookUpPermissions(graph);
  const displayName = `Azure Credential Manager (${user.username ?? user.name})`.slice(0, 120);
  const app = await graph.post<{ id: string; appId: string; displayName: string }>('/applications', {
    displayName,
    // Single tenant: the user's own directory; the sign-in below names that tenant (a single-tenant app cannot use "organizations").
    signInAudience: 'AzureADMyOrg',
    // "Allow public client flows" (device-code sign-in): learn.microsoft.com/entra/identity-platform/reference-microsoft-graph-app-manifest
    isFallbackPublicClient: true,
    // Loopback redirects match any port: learn.microsoft.com/entra/identity-platform/reply-url#localhost-exceptions
    publicClient: { redirectUris: ['http://localhost'] },
    requiredResourceAccess: requiredResourceAccessOf(permissions),
  });
  const sp = await graph.post<{ id: string }>('/servicePrincipals', { appId: app.appId }).catch((error: unknown) => {
    throw partlyDone(error, app.appId);
  });
  const cloud = await deps.clouds.setPublicClient(profile.name, { clientId: app.appId, tenant: user.tenantId });
  const signIn = await deps.startSignIn({
    method: 'interactive',
    cloud: profile.name,
    tenant: user.tenantId,
    ...(user.username ? { loginHint: user.username } : {}),
  });
  return {
    app: { appId: app.appId, objectId: app.id, displayName: app.displayName, servicePrincipalId: sp.id },
    permissions,
    cloud,
    signIn,
  };
}

export interface GraphClient {
  get<T>(path: string): Promise<T>;
  post<T>(path: string, body: unknown): Promise<T>;
}

/**
 * Calls Graph v1.0 with the user's token: a read is retried as usual, a create gets one try (it is not repeated blindly); the caller's
 * cancel, and Graph's refusals in words.
 */
function graphClient(profile: CloudProfile, accessToken: string, who: string, signal: AbortSignal, runtime: RetryRuntime): GraphClient {
  const once: RetryRuntime = { ...runtime, policy: { ...runtime.policy, tries: 1 } };
  const call = <T>(method: 'GET' | 'POST', path: string, body: unknown, retry: RetryRuntime): Promise<T> =>
    withAzureRetry(
      async (attempt) => {
        const headers: Record<string, string> = { Authorization: `Bearer ${accessToken}`, Accept: 'application/json' };
        if (body !== undefined) headers['Content-Type'] = 'application/json';
        const response = await azureFetch(
          `${graphEndpointOf(profile)}/v1.0${path}`,
          { method, headers, ...(body !== undefined ? { body: JSON.stringify(body) } : {}) },
          attempt,
          profile,
        );
        const json = (await response.json().catch(() => undefined)) as unknown;
        if (!response.ok) throw graphFailure(response.status, json, who);
        return json as T;
      },
      { service: 'Microsoft Graph', signal },
      retry,
    );
  return { get: (path) => call('GET', path, undefined, runtime), post: (path, body) => call('POST', path, body, once) };
}

function graphFailure(status: number, body: unknown, who: string): AppError {
  const error = (body as { error?: { code?: unknown; message?: unknown } } | undefined)?.error;
  const words = [serviceWords(error?.code, 80), serviceWords(error?.message)].filter(Boolean).join(': ');
  const said = words ? ` (${words})` : '';
  if (status === 403)
    return new AppError(
      'azure_forbidden',
      `Microsoft Graph refused to register an app for ${who}${said}: your tenant lets only some users register applications. Ask an ` +
        `administrator to register it, or follow the manual steps in ${manualAppRegistrationDoc}, then enter its client ID in ` +
        `Settings → Clouds → Sign-in app.`,
    );
  if (status === 401)
    return new AppError('azure_unauthorized', `Microsoft Graph did not accept the sign-in of ${who}${said}. Sign in again, then retry.`);
  if (status === 400) return new AppError('azure_bad_request', `Microsoft Graph refused the app registration${said}.`);
  return new AppError('azure_unavailable', `Microsoft Graph answered HTTP ${status}${said}. Try again in a minute.`);
}

/** A failure after the app was created: the registration exists in the tenant, and the message says which one. */
function partlyDone(error: unknown, appId: string): unknown {
  if (!(error instanceof AppError)) return error;
  return new AppError(
    error.code,
    `${error.message} The app registration ${appId} was created without its service principal; delete it in the Entra admin ` +
      `center (App registrations) before registering again, or finish it by hand (${manualAppRegistrationDoc}).`,
  );
}
