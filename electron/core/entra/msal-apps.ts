import type * as Msal from '@azure/msal-node';
import type { ConfidentialClientApplication, Configuration, PublicClientApplication } from '@azure/msal-node';
import type { CloudProfile } from '../../../shared/clouds.ts';
import type { Vault } from '../vault/vault.ts';
import { EntraHttpClient } from './entra-http-client.ts';
import { msalCacheSecret, vaultCachePlugin } from './token-cache-plugin.ts';

/**
 * MSAL client applications for a cloud profile. The authority host is always listed in
 * `knownAuthorities`, so MSAL trusts it without calling the public instance-discovery endpoint
 * (unreachable for sovereign, Azure Stack and emulator clouds, and a needless round trip for the
 * public one). MSAL's own logging is off: its verbose lines can carry user names and URLs.
 *
 * MSAL itself is loaded by the first call that needs it (a sign-in, an Entra token), not with the
 * core: a session that never signs in, and the CLI's other commands, need not load it.
 */

let msal: Promise<typeof Msal> | undefined;

/** `@azure/msal-node`, loaded once, on first use. */
export function loadMsal(): Promise<typeof Msal> {
  return (msal ??= import('@azure/msal-node'));
}

export function authorityOf(profile: Pick<CloudProfile, 'authorityHost'>, tenant: string): string {
  return `${profile.authorityHost.replace(/\/+$/, '')}/${encodeURIComponent(tenant)}`;
}

function baseConfiguration(
  { LogLevel }: typeof Msal,
  profile: CloudProfile,
  tenant: string,
  clientId: string,
  http: EntraHttpClient,
): Configuration {
  return {
    auth: { clientId, authority: authorityOf(profile, tenant), knownAuthorities: [new URL(profile.authorityHost).host] },
    system: {
      networkClient: http.forCloud(profile),
      loggerOptions: { logLevel: LogLevel.Error, piiLoggingEnabled: false, loggerCallback: () => undefined },
    },
  };
}

export type ClientCredential =
  { clientSecret: string } | { clientCertificate: { thumbprintSha256: string; privateKey: string; x5c?: string } };

/**
 * Keeps one application per (cloud, client, tenant) for the life of the process, so MSAL fetches
 * an authority's metadata once; every application shares the vault-backed cache of its client.
 */
export class MsalApps {
  readonly #vault: () => Promise<Vault>;
  readonly #public = new Map<string, PublicClientApplication>();
  /** Shared by every application: remembers Entra's error bodies by correlation id. */
  readonly http: EntraHttpClient;

  /** `vault` is asked on every cache access, so a vault reopened in another mode is picked up. */
  constructor(vault: () => Promise<Vault>, http: EntraHttpClient = new EntraHttpClient()) {
    this.http = http;
    this.#vault = vault;
  }

  async publicClient(
    profile: CloudProfile,
    tenant: string = profile.publicClient.tenant,
    clientId: string = profile.publicClient.clientId,
  ): Promise<PublicClientApplication> {
    const loaded = await loadMsal();
    // The CA too: the application's network client trusts the CA of the profile it was made with.
    const key = `${profile.name}\n${profile.authorityHost}\n${clientId}\n${tenant}\n${profile.trustedCaPem ?? ''}`;
    let app = this.#public.get(key);
    if (!app) {
      const config = baseConfiguration(loaded, profile, tenant, clientId, this.http);
      app = new loaded.PublicClientApplication({
        ...config,
        cache: { cachePlugin: vaultCachePlugin(this.#vault, msalCacheSecret.publicClient(profile.name, clientId)) },
      });
      this.#public.set(key, app);
    }
    return app;
  }

  /** A service principal's application; made per call because its credential comes from the vault each time. */
  async servicePrincipal(
    profile: CloudProfile,
    identity: { id: string; tenantId: string; clientId: string },
    credential: ClientCredential,
  ): Promise<ConfidentialClientApplication> {
    const loaded = await loadMsal();
    const config = baseConfiguration(loaded, profile, identity.tenantId, identity.clientId, this.http);
    return new loaded.ConfidentialClientApplication({
      ...config,
      auth: { ...config.auth, ...credential },
      cache: { cachePlugin: vaultCachePlugin(this.#vault, msalCacheSecret.servicePrincipal(identity.id)) },
    });
  }

  /** Forgets the applications (after the vault was reopened, say). */
  clear(): void {
    this.#public.clear();
  }
}
