import type { HandlersFor, MethodsOf } from '../platform/call-context.ts';
import type { TokensService } from './tokens-service.ts';

/** The ACS identities the app remembers: listed, created (with a token when asked), their tokens revoked, deleted at ACS. */
export const acsIdentitiesHandlers = {
  'acsIdentities.list': ({ services }, input) => services.tokens.listAcsIdentities(input.accountId),
  'acsIdentities.create': ({ services, signal }, input) => services.tokens.createAcsIdentity(input, signal),
  'acsIdentities.show': ({ services, signal }, input) => services.tokens.showAcsIdentity(input.id, input.via, signal),
  'acsIdentities.revoke': ({ services, signal }, input) => services.tokens.revokeAcsIdentity(input.id, input.via, signal),
  'acsIdentities.delete': async ({ services, signal }, input) => ({
    id: input.id,
    revoked: await services.tokens.deleteAcsIdentity(input.id, input.via, signal),
  }),
} satisfies HandlersFor<MethodsOf<'acsIdentities'>, { tokens: TokensService }>;
