import { createApi, type Api } from '../shared/api-client.ts';
import { methodNames } from '../shared/contract.ts';
import { takeFirstCall } from './first-calls.ts';
import { transport } from './transport.ts';

export { isBrowserMode } from './transport.ts';

/** The contract, grouped by domain, over whichever transport this window has; a call sent at start-up is answered from there. */
export const api: Api = createApi(methodNames, (method, input) => takeFirstCall(method, input) ?? transport(method, input));
