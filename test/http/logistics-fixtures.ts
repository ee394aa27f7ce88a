import { call, orderJson } from "../support/fixtures.ts";
import type { Harness } from "../support/harness.ts";

/** A merchant set up for logistics: products with customs data, a NL warehouse, a DE hub, settings, ECB rates. */
export async function setUpLogistics(h: Harness, auth: string): Promise<void> {
  const put = async (url: string, body: unknown) => {
    const r = await call(h.app, auth, "PUT", url, body);
    if (r.status >= 300) throw new Error(`${url}: ${r.status} ${JSON.stringify(r.body)}`);
  };
  await put("/api/v1/products/TEE-1", {
    title: "Linen tee",
    category: "apparel",
    hsCode: "610910",
    originCountry: "PT",
    weightGrams: 180,
  });
  await put("/api/v1/products/CAP-1", {
    title: "Cap",
    category: "apparel",
    hsCode: "650500",
    originCountry: "IT",
    weightGrams: 90,
  });
  await put("/api/v1/products/SOCK-1", {
    title: "Socks",
    category: "apparel",
    hsCode: "611595",
    originCountry: "TR",
    weightGrams: 40,
  });
  await put("/api/v1/locations/NL-WH", {
    kind: "warehouse",
    name: "Venlo warehouse",
    country: "NL",
    address: { name: "Northwind Returns", line1: "Logistiekweg 4", city: "Venlo", postalCode: "5928 LB" },
    accepts: ["*"],
    handlingPerUnit: { amount: "2.00", currency: "EUR" },
    asn: { url: "http://127.0.0.1:9/asn", secret: "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw" },
  });
  await put("/api/v1/locations/DE-HUB", {
    kind: "hub",
    name: "Berlin hub",
    country: "DE",
    address: { line1: "Hubstr. 1", city: "Berlin", postalCode: "10115" },
    accepts: ["DE", "AT"],
    handlingPerUnit: { amount: "1.00", currency: "EUR" },
  });
  await put("/api/v1/logistics/settings", {
    customs: {
      signer: "Returns desk, Northwind",
      incoterm: "DAP",
      exportedFrom: "NL",
      importer: {
        name: "Northwind B.V.",
        country: "NL",
        vatNumber: "NL123456789B01",
        eoriNumber: "NL123456789",
      },
    },
    carrierRules: { "*": { rule: "cheapest" }, GB: { rule: "preferred", carrier: "DHLExpress" } },
  });
  await h.deps.store.transaction((r) =>
    r.fx.upsert("ECB", [
      { date: "2026-03-01", currency: "GBP", rate: "0.85" },
      { date: "2026-03-01", currency: "USD", rate: "1.08" },
    ]),
  );
}

/** A GBP order shipped from NL to London (crosses the EU border), delivered on 3 March 2026. */
export function gbOrder(overrides: Record<string, unknown> = {}) {
  return orderJson({
    currency: "GBP",
    customer: {
      email: "emma@example.co.uk",
      name: "Emma Clarke",
      locale: "en-GB",
      timeZone: "Europe/London",
    },
    shippingAddress: { country: "GB", postalCode: "NW1 6XE", city: "London", line1: "1 Baker Street" },
    lines: [
      {
        externalId: "L1",
        sku: "TEE-1",
        title: "Linen tee",
        quantity: 2,
        unitPrice: "45.00",
        tax: "15.00",
        discount: "0",
      },
    ],
    shipping: { amount: "5.00", tax: "0.83", method: "DHL", cheapestStandardAmount: "5.00" },
    duties: { amount: "12.00", paidBy: "merchant", incoterm: "DDP" },
    tenders: [
      {
        kind: "card",
        provider: "stripe",
        reference: "pi_gb",
        amount: "95.00",
        capturedAt: "2026-03-01T09:00:05Z",
      },
    ],
    fulfilments: [
      {
        externalId: "F1",
        lines: [{ lineExternalId: "L1", quantity: 2 }],
        shippedAt: "2026-03-02T08:00:00Z",
        deliveredAt: "2026-03-03T12:00:00Z",
        carrier: "DHL",
        trackingNumber: "JJD0001234",
      },
    ],
    ...overrides,
  });
}
