import type { Adapter, AdapterFactory, AdapterPayload } from 'oidc-provider';

interface Entry {
  payload: AdapterPayload;
  expiresAt: number;
}

/**
 * Creates an oidc-provider adapter factory over one private in-memory store. oidc-provider's own
 * memory adapter keeps a process-wide LRU of 1000 entries, which several dev orgs in one test run
 * would share and evict from. `transform` may rewrite a payload on read (fault injection).
 */
export function createMemoryAdapter(
  transform: (model: string, payload: AdapterPayload) => AdapterPayload = (_model, payload) => payload,
): AdapterFactory {
  const store = new Map<string, Entry>();
  const grants = new Map<string, Set<string>>();
  const read = (key: string): AdapterPayload | undefined => {
    const entry = store.get(key);
    if (!entry) return undefined;
    if (entry.expiresAt <= Date.now()) {
      store.delete(key);
      return undefined;
    }
    return entry.payload;
  };

  return (model: string): Adapter => {
    const keyFor = (id: string): string => `${model}:${id}`;
    return {
      async upsert(id, payload, expiresIn) {
        const key = keyFor(id);
        store.set(key, { payload, expiresAt: expiresIn ? Date.now() + expiresIn * 1000 : Infinity });
        if (payload.grantId) {
          const members = grants.get(payload.grantId) ?? new Set<string>();
          members.add(key);
          grants.set(payload.grantId, members);
        }
        if (payload.uid)
          store.set(`${model}:uid:${payload.uid}`, { payload: { jti: id }, expiresAt: Infinity });
        if (payload.userCode)
          store.set(`${model}:userCode:${payload.userCode}`, { payload: { jti: id }, expiresAt: Infinity });
      },
      async find(id) {
        const payload = read(keyFor(id));
        return payload ? transform(model, payload) : undefined;
      },
      async findByUid(uid) {
        const jti = read(`${model}:uid:${uid}`)?.jti;
        return jti ? read(keyFor(jti)) : undefined;
      },
      async findByUserCode(userCode) {
        const jti = read(`${model}:userCode:${userCode}`)?.jti;
        return jti ? read(keyFor(jti)) : undefined;
      },
      async consume(id) {
        const payload = read(keyFor(id));
        if (payload) payload.consumed = Math.floor(Date.now() / 1000);
      },
      async destroy(id) {
        store.delete(keyFor(id));
      },
      async revokeByGrantId(grantId) {
        for (const key of grants.get(grantId) ?? []) store.delete(key);
        grants.delete(grantId);
      },
    };
  };
}
