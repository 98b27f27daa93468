/**
 * The few `Reflect` metadata functions @peculiar/x509's dependency injection (tsyringe) looks for
 * at load time; the project installs no reflect polyfill package, so this supplies them.
 * See https://github.com/PeculiarVentures/x509#-reflect-polyfill-required.
 */

type Store = Map<unknown, Map<string | symbol | undefined, unknown>>;
const stores = new WeakMap<object, Store>();

function ownMap(target: object, property: string | symbol | undefined, create: boolean): Map<string | symbol | undefined, unknown> | undefined {
  let store = stores.get(target);
  if (!store && create) stores.set(target, (store = new Map()));
  let map = store?.get(property);
  if (!map && create && store) store.set(property, (map = new Map()));
  return map;
}

const metadataApi = {
  defineMetadata(key: unknown, value: unknown, target: object, property?: string | symbol): void {
    ownMap(target, property, true)?.set(key as string, value);
  },
  getOwnMetadata(key: unknown, target: object, property?: string | symbol): unknown {
    return ownMap(target, property, false)?.get(key as string);
  },
  hasOwnMetadata(key: unknown, target: object, property?: string | symbol): boolean {
    return ownMap(target, property, false)?.has(key as string) ?? false;
  },
  getMetadata(key: unknown, target: object, property?: string | symbol): unknown {
    for (let t: object | null = target; t; t = Object.getPrototypeOf(t) as object | null) {
      const map = ownMap(t, property, false);
      if (map?.has(key as string)) return map.get(key as string);
    }
    return undefined;
  },
  hasMetadata(key: unknown, target: object, property?: string | symbol): boolean {
    return metadataApi.getMetadata(key, target, property) !== undefined;
  },
  metadata(key: unknown, value: unknown) {
    return (target: object, property?: string | symbol): void => metadataApi.defineMetadata(key, value, target, property);
  },
};

const reflect = Reflect as unknown as Record<string, unknown>;
for (const [name, fn] of Object.entries(metadataApi)) if (typeof reflect[name] !== 'function') reflect[name] = fn;
