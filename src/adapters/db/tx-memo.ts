import type { Repos } from "../../app/ports/index.ts";

/**
 * Inside one transaction, a merchant and an order (by id) are read from the database once: a case
 * command that routes, refunds and issues a credit note asked for the same order three times and the
 * merchant twice. Writes through the same repositories (`orders.save`, `merchants.updateSettings`,
 * `merchants.insert`) forget what was read. Readers treat the objects as read-only (they are `readonly`).
 */
export function memoized(r: Repos): Repos {
  const orders = new Map<string, ReturnType<Repos["orders"]["getById"]>>();
  const merchants = new Map<string, ReturnType<Repos["merchants"]["byId"]>>();
  const once = <T>(memo: Map<string, T>, key: string, read: () => T): T => {
    const seen = memo.get(key);
    if (seen) return seen;
    const fresh = read();
    memo.set(key, fresh);
    return fresh;
  };
  return {
    ...r,
    orders: {
      ...r.orders,
      getById: (merchantId, id) =>
        once(orders, `${merchantId}/${id}`, () => r.orders.getById(merchantId, id)),
      // The order it reads is the one getById would answer next.
      withHeld: async (merchantId, id, exceptCaseId) => {
        const found = await r.orders.withHeld(merchantId, id, exceptCaseId);
        if (found) orders.set(`${merchantId}/${id}`, Promise.resolve(found.order));
        return found;
      },
      save: (...args) => {
        orders.clear();
        return r.orders.save(...args);
      },
    },
    merchants: {
      ...r.merchants,
      byId: (id) => once(merchants, id, () => r.merchants.byId(id)),
      insert: (m) => {
        merchants.clear();
        return r.merchants.insert(m);
      },
      updateSettings: (id, settings) => {
        merchants.clear();
        return r.merchants.updateSettings(id, settings);
      },
    },
  };
}
