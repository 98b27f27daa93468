import type { z } from 'zod';
import { manualAppRegistrationDoc, type AppRegistered, type registerAppSchema } from '../../../shared/app-registration.ts';
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
 * The delegated permissions the app asks for, as `requiredResourceAccess` (resource app id, permission id). Microsoft publishes the
 * permission names (the portal's "Azure Service Management → user_impersonation"; "Microsoft Mixed Reality → mixedreality.signin" in
 * learn.microsoft.com/azure/remote-rendering/how-tos/authentication and the Spatial Anchors authentication page); the ids are those
 * Graph lists in the resources' service principals (`oauth2PermissionScopes`), as collected from tenants in
 * github.com/maciejporebski/azure-ad-first-party-apps-permissions (third-party, not Microsoft's own page):
 * - Azure Service Management (ARM): app 797f4846-ba00-4fd7-ba43-dac1f8f63013, user_impersonation 41094075-9dad-400e-a0bd-54e686782033;
 * - Microsoft Mixed Reality (the STS): app c7ddd9b4-5172-4e28-bd29-1e0792947d18, mixedreality.signin b24fe742-e2a6-4995-adbf-aba1516932c5.
 * Azure Communication Services (app 632ec9eb-fad7-4cbd-993a-e72973ba2acc, azure-sdk-for-net#35816): no source names its delegated
 * permission's id, so it is not listed; an administrator adds it in the portal where the tenant requires it (docs/sign-in.md).
 */
export const requiredResourceAccess = [
  {
    resourceAppId: '797f4846-ba00-4fd7-ba43-dac1f8f63013',
    resourceAccess: [{ id: '41094075-9dad-400e-a0bd-54e686782033', type: 'Scope' }],
  },
  {
    resourceAppId: 'c7ddd9b4-5172-4e28-bd29-1e0792947d18',
    resourceAccess: [{ id: 'b24fe742-e2a6-4995-adbf-aba1516932c5', type: 'Scope' }],
  },
] as const;

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

  const displayName = `Azure Credential Manager (${user.username ?? user.name})`.slice(0, 120);
  const app = await graph.post<{ id: string; appId: string; displayName: string }>('/applications', {
    displayName,
    // Single tenant: the user's own directory; the sign-in below names that tenant (a single-tenant app cannot use "organizations").
    signInAudience: 'AzureADMyOrg',
    // "Allow public client flows" (device-code sign-in): learn.microsoft.com/entra/identity-platform/reference-microsoft-graph-app-manifest
    isFallbackPublicClient: true,
    // Loopback redirects match any port: learn.microsoft.com/entra/identity-platform/reply-url#localhost-exceptions
    publicClient: { redirectUris: ['http://localhost'] },
    requiredResourceAccess,
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
  return { app: { appId: app.appId, objectId: app.id, displayName: app.displayName, servicePrincipalId: sp.id }, cloud, signIn };
}

interface GraphClient {
  post<T>(path: string, body: unknown): Promise<T>;
}

/** POSTs to Graph v1.0 with the user's token: one try (a create is not repeated blindly), the caller's cancel, and Graph's refusals in words. */
function graphClient(profile: CloudProfile, accessToken: string, who: string, signal: AbortSignal, runtime: RetryRuntime): GraphClient {
  const once: RetryRuntime = { ...runtime, policy: { ...runtime.policy, tries: 1 } };
  return {
    post: (path, body) =>
      withAzureRetry(
        async (attempt) => {
          const response = await azureFetch(
            `${graphEndpointOf(profile)}/v1.0${path}`,
            {
              method: 'POST',
              headers: { Authorization: `Bearer ${accessToken}`, 'Content-Type': 'application/json', Accept: 'application/json' },
              body: JSON.stringify(body),
            },
            attempt,
            profile,
          );
          const json = (await response.json().catch(() => undefined)) as unknown;
          if (!response.ok) throw graphFailure(response.status, json, who);
          return json as never;
        },
        { service: 'Microsoft Graph', signal },
        once,
      ),
  };
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
