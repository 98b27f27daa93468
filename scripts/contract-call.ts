import type { MethodInput, MethodName, MethodOutput } from '../shared/contract.ts';
import { dispatch } from '../electron/core/api.ts';
import type { Core } from '../electron/core/core.ts';

/** One contract method, run as the UI runs it; a refusal is thrown with the core's own message. */
export type ContractCall = <M extends MethodName>(method: M, input?: MethodInput<M>) => Promise<MethodOutput<M>>;

/** The contract on `core` through `dispatch`, the path every front door takes: for the demo seed and the bench. */
export function contractCall(core: Core): ContractCall {
  return async <M extends MethodName>(method: M, input?: MethodInput<M>) => {
    const result = await dispatch(core, method, input);
    if (!result.ok) throw new Error(`${method}: ${result.error.message}`);
    return result.value as MethodOutput<M>;
  };
}
