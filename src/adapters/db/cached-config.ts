import type { Repos } from "../../app/ports/index.ts";
import type { ConfigCache, Owner } from "./config-cache.ts";

/**
 * Where configuration writes happen. Outside a transaction a write forgets the merchant's cached
 * configuration once it is done. Inside one, it marks the transaction: its later reads skip the cache
 * (they must see its own writes) and the store forgets `touched` merchants after commit or rollback.
 */
export interface ConfigWrites {
  readonly inTransaction: boolean;
  dirty: boolean;
  readonly touched: Set<string | null>;
}

export const configWrites = (inTransaction: boolean): ConfigWrites => ({
  inTransaction,
  dirty: false,
  touched: new Set(),
});

/** The repositories with configuration reads served from `cache` (config-cache.ts). */
export function cachedConfig(r: Repos, cache: ConfigCache, writes: ConfigWrites): Repos {
  const read = <T>(key: string, load: () => Promise<T>, owner: Owner<T>, keepNull = false) =>
    writes.dirty ? load() : cache.read(key, load, owner, keepNull);
  const write = async <T>(merchantId: string | null, run: () => Promise<T>): Promise<T> => {
    if (writes.inTransaction) {
      writes.dirty = true;
      writes.touched.add(merchantId);
      return run();
    }
    try {
      return await run();
    } finally {
      cache.forget(merchantId);
    }
  };
  const { merchants, apiKeys, setup, locations, policies, webhookEndpoints, platforms, emailTemplates } = r;
  return {
    ...r,
    merchants: {
      ...merchants,
      byId: (id) => read(`merchant:${id}`, () => merchants.byId(id), id),
      bySlug: (slug) =>
        read(
          `merchant-slug:${slug}`,
          () => merchants.bySlug(slug),
          (m) => m.id,
        ),
      insert: (m) => write(m.id, () => merchants.insert(m)),
      updateSettings: (id, s) => write(id, () => merchants.updateSettings(id, s)),
    },
    apiKeys: {
      ...apiKeys,
      async activeByHash(hash, at) {
        const key = await read(
          `api-key:${hash}`,
          () => apiKeys.activeByHash(hash, at),
          (k) => k.merchantId,
        );
        // A kept key may have expired since it was read.
        return key && key.expiresAt !== null && key.expiresAt <= at ? null : key;
      },
      insert: (k, hash) => write(k.merchantId, () => apiKeys.insert(k, hash)),
      revoke: (m, idOrPrefix, at) => write(m, () => apiKeys.revoke(m, idOrPrefix, at)),
      // The kept key's "last used" would go stale and ask for a touch on every request.
      async touch(id, at) {
        await apiKeys.touch(id, at);
        cache.forgetWhere((v) => typeof v === "object" && v !== null && "id" in v && v.id === id);
      },
    },
    setup: {
      ...setup,
      legalEntities: (m) => read(`legal-entities:${m}`, () => setup.legalEntities(m), m),
      markets: (m) => read(`markets:${m}`, () => setup.markets(m), m),
      locations: (m) => read(`setup-locations:${m}`, () => setup.locations(m), m),
      insertLegalEntity: (m, e) => write(m, () => setup.insertLegalEntity(m, e)),
      insertMarket: (m, x) => write(m, () => setup.insertMarket(m, x)),
      insertLocation: (m, l) => write(m, () => setup.insertLocation(m, l)),
      upsertLegalEntity: (m, e) => write(m, () => setup.upsertLegalEntity(m, e)),
      upsertMarket: (m, x) => write(m, () => setup.upsertMarket(m, x)),
    },
    locations: {
      ...locations,
      list: (m) => read(`locations:${m}`, () => locations.list(m), m),
      upsert: (m, l) => write(m, () => locations.upsert(m, l)),
    },
    policies: {
      ...policies,
      get: (m, id, version) =>
        read(`policy:${m}:${id}:${version ?? "latest"}`, () => policies.get(m, id, version), m, true),
      latestAll: (m) => read(`policies:${m}`, () => policies.latestAll(m), m),
      insert: (m, p) => write(m, () => policies.insert(m, p)),
    },
    webhookEndpoints: {
      ...webhookEndpoints,
      list: (m) => read(`webhook-endpoints:${m}`, () => webhookEndpoints.list(m), m),
      insert: (e) => write(e.merchantId, () => webhookEndpoints.insert(e)),
      update: (e) => write(e.merchantId, () => webhookEndpoints.update(e)),
      recordFailure: (m, id, at) => write(m, () => webhookEndpoints.recordFailure(m, id, at)),
      // Called after every delivery; it writes only when the endpoint was failing, and then its
      // trigger's announcement makes every process forget (this one too).
      recordSuccess: webhookEndpoints.recordSuccess,
      disable: (m, id, reason, at) => write(m, () => webhookEndpoints.disable(m, id, reason, at)),
    },
    platforms: {
      ...platforms,
      connections: (m) => read(`platform-connections:${m}`, () => platforms.connections(m), m),
      putConnection: (c) => write(c.merchantId, () => platforms.putConnection(c)),
      removeConnection: (m, p) => write(m, () => platforms.removeConnection(m, p)),
    },
    emailTemplates: {
      ...emailTemplates,
      get: (m, kind, locale) =>
        read(`email-template:${m}:${kind}:${locale}`, () => emailTemplates.get(m, kind, locale), m, true),
      put: (m, kind, locale, t, at) => write(m, () => emailTemplates.put(m, kind, locale, t, at)),
      delete: (m, kind, locale) => write(m, () => emailTemplates.delete(m, kind, locale)),
    },
  };
}
