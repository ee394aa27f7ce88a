import { logisticsSettingsBody } from "../inputs/logistics-input.ts";
import { createShipment } from "../logistics/shipments.ts";
import type { Deps, Repos } from "../ports/index.ts";

/** What each demo location accepts and costs to handle (the locations themselves come from demo-merchant.ts). */
const LOGISTICS: Readonly<
  Record<string, { accepts: string[]; handling: number; currency: string; vendor?: string }>
> = {
  "NL-VENLO": { accepts: ["*"], handling: 250, currency: "EUR" },
  "GB-DAVENTRY": { accepts: ["GB", "IE"], handling: 180, currency: "GBP" },
  "US-CA-ONTARIO": { accepts: ["US", "MX", "CA"], handling: 300, currency: "USD" },
  "JP-CHIBA": { accepts: ["JP", "KR"], handling: 350, currency: "JPY" },
  "AU-SYDNEY": { accepts: ["AU", "NZ"], handling: 400, currency: "AUD" },
  "VND-KYOTO": { accepts: ["*"], handling: 0, currency: "EUR", vendor: "kyoto-ceramics" },
  "VND-INNSBRUCK": { accepts: ["*"], handling: 0, currency: "EUR", vendor: "alpine-outfitters" },
};

/**
 * Turns the demo locations into a return network (countries accepted, handling costs) and sets
 * routing and customs defaults, before the demo returns are approved (and routed).
 */
export async function seedDemoNetwork(d: Deps, repos: Repos, merchantId: string): Promise<void> {
  for (const l of await repos.locations.list(merchantId)) {
    const x = LOGISTICS[l.code];
    if (!x) continue;
    await repos.locations.upsert(merchantId, {
      ...l,
      accepts: x.accepts,
      handling: { amount: x.handling, currency: x.currency },
      vendorCode: x.vendor ?? null,
    });
  }
  const settings = logisticsSettingsBody.parse({
    customs: { signer: "Returns desk, Northwind Apparel & Goods", incoterm: "DAP", exportedFrom: "NL" },
    carrierRules: { "*": { rule: "cheapest" }, US: { rule: "fastest" } },
    liquidate: { percent: 25, cost: { amount: "6.00", currency: "EUR" }, countries: ["BR"] },
  });
  await repos.locations.saveSettings(merchantId, settings, d.clock.now());
}

/** A few returns waiting for shipment get a QR drop-off parcel to the Venlo warehouse. */
export async function seedDemoParcels(d: Deps, repos: Repos, merchantId: string): Promise<number> {
  let parcels = 0;
  for (const c of await repos.cases.list(merchantId, { statuses: ["awaiting_shipment"], limit: 20 })) {
    if (parcels >= 4) break;
    const r = await createShipment(
      d,
      merchantId,
      c.id,
      { method: "qr_dropoff", destination: "NL-VENLO" },
      { kind: "system", id: "demo" },
    );
    if (r.ok) parcels++;
  }
  return parcels;
}
