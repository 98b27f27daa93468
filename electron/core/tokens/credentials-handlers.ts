import type { HandlersFor, MethodsOf } from '../platform/call-context.ts';
import type { TokensService } from './tokens-service.ts';

/** Using a credential: the ARR account test, the ACS request signer, and the right credential for an SDK. */
export const credentialsHandlers = {
  'arr.testAccount': ({ services }, input) => services.tokens.testArr(input),
  'acs.signRequest': ({ services }, input) => services.tokens.signAcsRequest(input),
  'credentials.forAcsSdk': ({ services }, input) => services.tokens.forAcsSdk(input),
  'credentials.forArr': ({ services }, input) => services.tokens.forArr(input),
} satisfies HandlersFor<MethodsOf<'arr' | 'acs' | 'credentials'>, { tokens: TokensService }>;
