import type { Order } from "../../domain/order.ts";
import type { ReturnCase } from "../../domain/return-case.ts";
import type { Location, Repos } from "../ports/index.ts";

/**
 * Where the shopper sends a self-shipped return: the vendor's return location, else a hub or
 * warehouse in the shopper's country, else one in the shopper's market, else the first warehouse.
 */
export async function returnAddressFor(
  r: Repos,
  c: Pick<ReturnCase, "merchantId" | "vendor">,
  order: Order,
): Promise<Location | null> {
  const locations = (await r.setup.locations(c.merchantId)).filter((l) => l.kind !== "vendor" || c.vendor);
  if (c.vendor) {
    const vendor = (await r.setup.vendors(c.merchantId)).find((v) => v.code === c.vendor);
    const own = locations.find((l) => l.id === vendor?.returnLocationId);
    if (own) return own;
  }
  const ours = locations.filter((l) => l.kind !== "vendor");
  const country = order.shippingAddress.country;
  const local = ours.find((l) => l.country === country);
  if (local) return local;
  const market = (await r.setup.markets(c.merchantId)).find((m) => m.countries.includes(country));
  const inMarket = ours.find((l) => market?.countries.includes(l.country));
  return inMarket ?? ours.find((l) => l.kind === "warehouse") ?? ours[0] ?? null;
}
