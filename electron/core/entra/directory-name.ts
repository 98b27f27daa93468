import { graphEndpointOf, type CloudProfile } from '../../../shared/clouds.ts';
import { azureFetch } from '../azure/azure-http.ts';

/** How long the app waits for Graph to name a service principal it adds: a name is a nicety, the sign-in does not wait long for it. */
const lookupTimeoutMs = 5000;

/**
 * A service principal's display name in Microsoft Graph, found by its application (client) ID with
 * `GET /servicePrincipals?$filter=appId eq '{appId}'` (https://learn.microsoft.com/graph/api/serviceprincipal-list,
 * Application.Read.All or a delegated read of the directory). Tries each token in turn, as one may be
 * refused what another is allowed; undefined when none gets an answer with a name.
 */
export async function servicePrincipalDirectoryName(
  profile: CloudProfile,
  appId: string,
  tokens: readonly (() => Promise<string>)[],
): Promise<string | undefined> {
  const filter = encodeURIComponent(`appId eq '${appId}'`);
  const url = `${graphEndpointOf(profile)}/v1.0/servicePrincipals?$filter=${filter}&$select=id,appId,displayName`;
  for (const token of tokens) {
    try {
      const response = await azureFetch(
        url,
        { method: 'GET', headers: { Authorization: `Bearer ${await token()}`, Accept: 'application/json' } },
        AbortSignal.timeout(lookupTimeoutMs),
        profile,
      );
      const body = (await response.json().catch(() => undefined)) as { value?: { appId?: unknown; displayName?: unknown }[] } | undefined;
      if (!response.ok) continue;
      const found = body?.value?.find((sp) => typeof sp.appId === 'string' && sp.appId.toLowerCase() === appId.toLowerCase());
      if (typeof found?.displayName === 'string' && found.displayName.trim()) return found.displayName.trim().slice(0, 256);
    } catch {
      // Refused, unreachable or slow: the next token, else no name.
    }
  }
  return undefined;
}
