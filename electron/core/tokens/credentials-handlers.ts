import type { HandlersFor, MethodsOf } from '../platform/call-context.ts';
import type { TokensService } from './tokens-service.ts';

/** Using a credential: the ARR account test, the ACS request signer, and the right credential for an SDK. */
export const credentialsHandlers = {
  'arr.testAccount': ({ services, signal }, input) => services.tokens.testArr(input, signal),
  'acs.signRequest': ({ services }, input) => services.tokens.signAcsRequest(input),
  'credentials.forAcsSdk': ({ services, signal }, input) => services.tokens.forAcsSdk(input, signal),
  'credentials.forArr': ({ services, signal }, input) => services.tokens.forArr(input, signal),
} satisfies HandlersFor<MethodsOf<'arr' | 'acs' | 'credentials'>, { tokens: TokensService }>;
