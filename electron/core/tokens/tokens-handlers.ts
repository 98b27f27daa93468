import type { HandlersFor, MethodsOf } from '../platform/call-context.ts';
import type { TokensService } from './tokens-service.ts';

/** The minted tokens' contract methods: minting, the list, reveal and copy, claims, revoke, keep, auto-refresh and export. */
export const tokensHandlers = {
  'tokens.list': ({ services }) => services.tokens.list(),
  'tokens.mintArr': ({ services, signal }, input) => services.tokens.mintArr(input, signal),
  'tokens.mintAcs': ({ services, signal }, input) => services.tokens.mintAcs(input, signal),
  'tokens.mintEntra': ({ services }, input) => services.tokens.mintEntra(input),
  'tokens.exchangeTeams': ({ services, signal }, input) => services.tokens.exchangeTeams(input, signal),
  'tokens.reveal': ({ services }, input) => services.tokens.reveal(input.id),
  'tokens.copy': ({ services }, input) => services.tokens.copy(input.id),
  'tokens.claims': ({ services }, input) => services.tokens.claims(input.id),
  'tokens.revoke': ({ services, signal }, input) => services.tokens.revoke(input.id, input.via, signal),
  'tokens.remove': async ({ services }, input) => (await services.tokens.remove(input.id), { id: input.id }),
  'tokens.setAutoRefresh': ({ services }, input) => services.tokens.setAutoRefresh(input.id, input.on),
  'tokens.keep': ({ services }, input) => services.tokens.keep(input.id, input.keep),
  'tokens.export': ({ services }, input) => services.tokens.export(input),
} satisfies HandlersFor<MethodsOf<'tokens'>, { tokens: TokensService }>;
