import type { MethodInput, MethodName, MethodOutput } from './contract.ts';
import type { Result } from './result.ts';

/** Carries one call to the core: IPC in Electron, HTTP in browser mode, a direct call in the CLI. */
export type Transport = (method: MethodName, input: unknown) => Promise<Result<unknown>>;

type DomainOf<M> = M extends `${infer D}.${string}` ? D : never;
type VerbOf<M, D extends string> = M extends `${D}.${infer V}` ? V : never;
type Call<M extends MethodName> =
  undefined extends MethodInput<M>
    ? (input?: MethodInput<M>) => Promise<Result<MethodOutput<M>>>
    : (input: MethodInput<M>) => Promise<Result<MethodOutput<M>>>;

/** The contract grouped by domain: `api.settings.update({ theme: 'dark' })`. */
export type Api = {
  [D in DomainOf<MethodName>]: { [V in VerbOf<MethodName, D>]: Call<`${D}.${V}` & MethodName> };
};

/** Builds the grouped API over a transport from the contract's method names. */
export function createApi(methodNames: readonly MethodName[], transport: Transport): Api {
  const api: Record<string, Record<string, (input?: unknown) => Promise<Result<unknown>>>> = {};
  for (const name of methodNames) {
    const [domain, verb] = name.split('.') as [string, string];
    (api[domain] ??= {})[verb] = (input?: unknown) => transport(name, input);
  }
  return api as unknown as Api;
}
