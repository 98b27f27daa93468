import type { AcsIdentitiesStore } from './acs-identities-store.ts';
import type { RetryRuntime } from '../azure/azure-retry.ts';
import type { AcsClients } from './communication-identity.ts';
import type { TokenRegistry } from './token-registry.ts';
import type { Sources } from './token-sources.ts';

/** What the minting functions share: where sources come from, the registry, the remembered ACS identities, the ACS clients and the
 * retry policy. */
export interface TokensContext extends Sources {
  registry: TokenRegistry;
  acsIdentities: AcsIdentitiesStore;
  acsClients: AcsClients;
  runtime: RetryRuntime;
}
