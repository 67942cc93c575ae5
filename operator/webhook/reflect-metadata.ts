// The few Reflect metadata functions tsyringe (a dependency of @peculiar/x509) checks for at load
// time; the reflect-metadata package is not a dependency. Import this before @peculiar/x509.
type Key = unknown;
const store = new WeakMap<object, Map<string | symbol | undefined, Map<Key, unknown>>>();

function table(target: object, property: string | symbol | undefined, create: boolean) {
  let byProperty = store.get(target);
  if (!byProperty) {
    if (!create) return undefined;
    byProperty = new Map();
    store.set(target, byProperty);
  }
  let entries = byProperty.get(property);
  if (!entries && create) {
    entries = new Map();
    byProperty.set(property, entries);
  }
  return entries;
}

const R = Reflect as unknown as Record<string, unknown>;
if (typeof R.getMetadata !== 'function') {
  const getOwnMetadata = (key: Key, target: object, property?: string | symbol) =>
    table(target, property, false)?.get(key);
  Object.assign(R, {
    defineMetadata: (key: Key, value: unknown, target: object, property?: string | symbol) => {
      table(target, property, true)!.set(key, value);
    },
    getOwnMetadata,
    hasOwnMetadata: (key: Key, target: object, property?: string | symbol) =>
      table(target, property, false)?.has(key) ?? false,
    getMetadata: (key: Key, target: object, property?: string | symbol) => {
      for (let t: object | null = target; t; t = Object.getPrototypeOf(t)) {
        const v = getOwnMetadata(key, t, property);
        if (v !== undefined) return v;
      }
      return undefined;
    },
    metadata: (key: Key, value: unknown) => (target: object, property?: string | symbol) => {
      table(target, property, true)!.set(key, value);
    },
  });
}
