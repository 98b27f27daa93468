import type { ICachePlugin, TokenCacheContext } from '@azure/msal-node';
import type { Vault } from '../vault/vault.ts';

/**
 * MSAL's token cache (refresh tokens, access tokens, accounts) kept as one secret in the vault,
 * never as a plaintext file. Before each access the vault is re-read, so a sign-in or a refresh
 * made by the CLI or another window is seen; after a change the cache is written back under the
 * vault's cross-process lock.
 */
export function vaultCachePlugin(vault: () => Promise<Vault>, secretName: string): ICachePlugin {
  return {
    async beforeCacheAccess(context: TokenCacheContext): Promise<void> {
      const open = await vault();
      await open.reload();
      const stored = open.get(secretName);
      if (stored) context.tokenCache.deserialize(stored);
    },
    async afterCacheAccess(context: TokenCacheContext): Promise<void> {
      if (context.cacheHasChanged) await (await vault()).set(secretName, context.tokenCache.serialize());
    },
  };
}

/** The vault secret holding the MSAL cache of one public client in one cloud, or of one service principal. */
export const msalCacheSecret = {
  publicClient: (cloud: string, clientId: string) => `entra/cache/${cloud}/${clientId}`,
  servicePrincipal: (identityId: string) => `entra/cache/sp/${identityId}`,
};
