/**
 * What a merchant has configured (the merchant, API keys, markets, legal entities, locations, policies,
 * webhook endpoints, platform connections, e-mail templates) is read on almost every request and job
 * and changes rarely. A process keeps what it read until the merchant's configuration changes:
 * - writes through this process's repositories forget at once (cached-config.ts);
 * - every committed change, from any process or from SQL, is announced by a trigger on its table with
 *   NOTIFY (migration 0028) and forgotten when the announcement arrives (config-watch.ts);
 * - while the announcements cannot be heard (not yet listening, connection lost), nothing is kept
 *   and every read goes to the database;
 * - a load that overlaps a change is returned but not kept (a generation counter);
 * - entries expire after `ttlMs` in any case, and the whole cache is dropped past `maxEntries`.
 * Kept values are frozen: callers share them and must not change them.
 */
export interface ConfigCache {
  /**
   * `load()`'s answer, kept under `key` for the merchant (`merchantId`, or `ownerOf` the answer when
   * the merchant is known only from it). `keepNull`: a null answer is kept too (only for keys a
   * stranger cannot choose).
   */
  read<T>(key: string, load: () => Promise<T>, owner: Owner<T>, keepNull?: boolean): Promise<T>;
  /** Forgets what is kept of a merchant (null: of every merchant). */
  forget(merchantId: string | null): void;
  /** Forgets the entries whose value matches. */
  forgetWhere(match: (value: unknown) => boolean): void;
  /** Entries kept now (for tests and diagnostics). */
  size(): number;
}

/** The merchant a kept value belongs to: known before the load, or read from the answer. */
export type Owner<T> = string | ((value: NonNullable<T>) => string);

/** Tells whether changes are being heard; calls `onChange` with a merchant id, or null for "maybe any". */
export type ConfigWatch = (onChange: (merchantId: string | null) => void) => { live(): boolean };

interface Entry {
  readonly merchantId: string;
  readonly value: unknown;
  readonly expires: number;
}

export function configCache(
  watch: ConfigWatch,
  opts: { readonly ttlMs?: number; readonly maxEntries?: number; readonly now?: () => number } = {},
): ConfigCache {
  const ttlMs = opts.ttlMs ?? 300_000;
  const maxEntries = opts.maxEntries ?? 20_000;
  const now = opts.now ?? Date.now;
  const entries = new Map<string, Entry>();
  const byMerchant = new Map<string, Set<string>>();
  let generation = 0;

  const forget = (merchantId: string | null) => {
    generation++;
    if (merchantId === null) {
      entries.clear();
      byMerchant.clear();
      return;
    }
    for (const key of byMerchant.get(merchantId) ?? []) entries.delete(key);
    byMerchant.delete(merchantId);
  };
  const heard = watch(forget);

  const keep = (key: string, merchantId: string, value: unknown) => {
    if (entries.size >= maxEntries) forget(null);
    entries.set(key, { merchantId, value, expires: now() + ttlMs });
    let keys = byMerchant.get(merchantId);
    if (!keys) {
      keys = new Set();
      byMerchant.set(merchantId, keys);
    }
    keys.add(key);
  };

  return {
    async read<T>(key: string, load: () => Promise<T>, owner: Owner<T>, keepNull = false): Promise<T> {
      if (!heard.live()) return load();
      const hit = entries.get(key);
      if (hit && hit.expires > now()) return hit.value as T;
      const before = generation;
      const value = await load();
      if (value === null && !keepNull) return value;
      if (generation !== before || !heard.live()) return value;
      const merchantId =
        typeof owner === "string" ? owner : value === null ? null : owner(value as NonNullable<T>);
      if (merchantId === null) return value;
      keep(key, merchantId, deepFreeze(value));
      return value;
    },
    forget,
    forgetWhere(match) {
      generation++;
      for (const [key, e] of entries) if (match(e.value)) entries.delete(key);
    },
    size: () => entries.size,
  };
}

/** Freezes plain objects and arrays all the way down (Dates and other class instances are left as they are). */
function deepFreeze<T>(value: T): T {
  if (value === null || typeof value !== "object" || Object.isFrozen(value)) return value;
  const proto = Object.getPrototypeOf(value);
  if (!Array.isArray(value) && proto !== Object.prototype && proto !== null) return value;
  Object.freeze(value);
  for (const v of Object.values(value)) deepFreeze(v);
  return value;
}
