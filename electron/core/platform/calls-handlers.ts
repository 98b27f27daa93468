import type { HandlersFor, MethodsOf } from './call-context.ts';

/** Stops any long call started with that operationId: a mint, a sign-in, an ACS identity's revoke or delete, discovery, an audit, a key rotation. */
export const callsHandlers = {
  'calls.cancel': ({ calls, signal }, input) => ({ cancelled: calls.cancel(input.operationId, signal) }),
} satisfies HandlersFor<MethodsOf<'calls'>, unknown>;
