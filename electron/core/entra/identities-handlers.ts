import type { HandlersFor, MethodsOf } from '../platform/call-context.ts';
import type { EntraService } from './entra-service.ts';

/** The Entra identities' contract methods: sign-ins (started, waited for, cancelled), service principals, sign-out. */
export const identitiesHandlers = {
  'identities.list': ({ services }) => services.entra.list(),
  'identities.signIn': ({ services }, input) => services.entra.startSignIn(input),
  'identities.waitSignIn': ({ services }, input) => services.entra.waitSignIn(input.operationId, input.waitSeconds),
  'identities.addServicePrincipal': ({ services }, input) => services.entra.addServicePrincipal(input),
  'identities.signOut': async ({ services }, input) => (await services.entra.signOut(input.id), { id: input.id }),
} satisfies HandlersFor<MethodsOf<'identities'>, { entra: EntraService }>;
