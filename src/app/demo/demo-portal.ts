import { formatMoney } from "../../domain/money.ts";
import { upsertProduct } from "../catalog.ts";
import { productBody } from "../inputs/product-input.ts";
import type { Deps } from "../ports/index.ts";
import { CATALOG, localPrice } from "./demo-catalog.ts";
import { COUNTRIES } from "./demo-countries.ts";
import { type DemoOrder, seedOrders } from "./demo-orders.ts";
import { DAY_MS } from "./demo-shipments.ts";

/**
 * Orders a newcomer can open in the returns portal (printed by `npm start`, listed in the README),
 * and the size variants the portal offers for exchanges.
 */
export const DEMO_PORTAL_ORDERS = [
  {
    number: "NW-PORTAL-DE1",
    email: "lena.mueller@example.de",
    note: "German shopper, two items, EU withdrawal",
  },
  {
    number: "NW-PORTAL-JP1",
    email: "hanako.sato@example.jp",
    note: "Japanese shopper, exchange for another size",
  },
  { number: "NW-PORTAL-AR1", email: "layla.haddad@example.de", note: "Arabic, store credit with a bonus" },
  { number: "NW-PORTAL-GIFT", giftCode: "NW-GIFT-7Q4K", note: "a gift: look up with the gift code" },
  { number: "NW-PORTAL-LATE", email: "jonas.becker@example.de", note: "delivered 50 days ago: refused" },
  { number: "NW-PORTAL-MKT", email: "clara.schneider@example.de", note: "two marketplace vendors: split" },
] as const;

export const DEMO_PORTAL_HINT = "try order NW-PORTAL-DE1 with lena.mueller@example.de";

const SIZES = ["S", "M", "L", "XL"] as const;

/** T-shirt sizes (XL costs more) and the premium edition, as variants of the organic tee. */
export async function seedVariants(deps: Deps, merchantId: string): Promise<void> {
  const tee = CATALOG.find((p) => p.sku === "NW-TEE-ORG");
  if (!tee) throw new Error("demo catalogue lost its tee");
  const currencies = [...new Set(COUNTRIES.map((c) => c.currency))];
  const prices = (eur: number) =>
    Object.fromEntries(currencies.map((c) => [c, formatMoney({ amount: localPrice(eur, c), currency: c })]));
  const variant = (sku: string, title: string, size: string, eur: number, edition = "Organic") =>
    upsertProduct(
      deps,
      merchantId,
      sku,
      productBody.parse({
        ...tee.body,
        title,
        variantGroup: "NW-TEE",
        variantOptions: { size, edition },
        prices: prices(eur),
      }),
    );
  await variant("NW-TEE-ORG", tee.body.title, "M", tee.eur);
  for (const size of SIZES.filter((s) => s !== "M"))
    await variant(
      `NW-TEE-ORG-${size}`,
      `${tee.body.title} (${size})`,
      size,
      size === "XL" ? tee.eur + 500 : tee.eur,
    );
  await variant("NW-TEE-PRM-M", "Heavyweight premium T-shirt (M)", "M", 4495, "Premium");
}

const incl = (gross: number, rate: number) => Math.round((gross * rate) / (1 + rate));

function order(
  number: string,
  now: number,
  o: {
    currency: string;
    customer: { email: string; name: string; locale: string; timeZone: string };
    address: { country: string; postalCode: string; city: string; line1: string };
    vat: number;
    deliveredDaysAgo: number;
    lines: readonly { sku: string; title: string; unit: number }[];
    shipping: number;
    giftCode?: string;
  },
): DemoOrder {
  const fmt = (amount: number) => formatMoney({ amount, currency: o.currency });
  const delivered = now - o.deliveredDaysAgo * DAY_MS;
  const total = o.lines.reduce((n, l) => n + l.unit, 0) + o.shipping;
  const country = COUNTRIES.find((c) => c.country === o.address.country);
  if (!country) throw new Error(`no demo country ${o.address.country}`);
  return {
    externalId: number,
    country,
    json: {
      placedAt: new Date(delivered - 3 * DAY_MS).toISOString(),
      currency: o.currency,
      customer: o.customer,
      shippingAddress: { ...o.address, region: null },
      taxesIncluded: true,
      lines: o.lines.map((l, i) => ({
        externalId: String(i + 1),
        sku: l.sku,
        title: l.title,
        quantity: 1,
        unitPrice: fmt(l.unit),
        tax: fmt(incl(l.unit, o.vat)),
        discount: fmt(0),
      })),
      shipping: {
        amount: fmt(o.shipping),
        tax: fmt(incl(o.shipping, o.vat)),
        method: "Standard",
        cheapestStandardAmount: fmt(o.shipping),
      },
      duties: null,
      tenders: [
        {
          kind: "card",
          provider: "stripe",
          reference: `pi_${number}`,
          amount: fmt(total),
          capturedAt: new Date(delivered - 3 * DAY_MS).toISOString(),
        },
      ],
      fulfilments: [
        {
          externalId: "P1",
          lines: o.lines.map((_, i) => ({ lineExternalId: String(i + 1), quantity: 1 })),
          shippedAt: new Date(delivered - 2 * DAY_MS).toISOString(),
          deliveredAt: new Date(delivered).toISOString(),
          carrier: "DHL",
          trackingNumber: `00340434${number.length}${o.deliveredDaysAgo}`,
        },
      ],
      returnTermsDisclosed: true,
      ...(o.giftCode ? { giftCode: o.giftCode } : {}),
    },
  };
}

const price = (sku: string, currency: string) => {
  const p = CATALOG.find((x) => x.sku === sku);
  if (!p) throw new Error(`no demo product ${sku}`);
  return { sku, title: p.body.title, unit: localPrice(p.eur, currency) };
};

/** The showcase orders of DEMO_PORTAL_ORDERS, delivered a few days before `now` (the late one long before). */
export async function seedPortalOrders(deps: Deps, merchantId: string): Promise<number> {
  const now = deps.clock.now().getTime();
  const de = (email: string, name: string, locale = "de-DE") => ({
    email,
    name,
    locale,
    timeZone: "Europe/Berlin",
  });
  const eur = { currency: "EUR", vat: 0.19, shipping: 490 };
  const orders = [
    order("NW-PORTAL-DE1", now, {
      ...eur,
      customer: de("lena.mueller@example.de", "Lena Müller"),
      address: { country: "DE", postalCode: "10115", city: "Berlin", line1: "Invalidenstraße 1" },
      deliveredDaysAgo: 4,
      lines: [price("NW-HOOD-MER", "EUR"), price("NW-SNK-TRL", "EUR")],
    }),
    order("NW-PORTAL-JP1", now, {
      currency: "JPY",
      vat: 0.1,
      shipping: 0,
      customer: {
        email: "hanako.sato@example.jp",
        name: "佐藤 花子",
        locale: "ja-JP",
        timeZone: "Asia/Tokyo",
      },
      address: { country: "JP", postalCode: "150-0001", city: "渋谷区", line1: "神宮前 1-2-3" },
      deliveredDaysAgo: 3,
      lines: [price("NW-TEE-ORG", "JPY")],
    }),
    order("NW-PORTAL-AR1", now, {
      ...eur,
      customer: de("layla.haddad@example.de", "ليلى حداد", "ar"),
      address: { country: "DE", postalCode: "20095", city: "Hamburg", line1: "Mönckebergstraße 7" },
      deliveredDaysAgo: 6,
      lines: [price("NW-SCF-CSH", "EUR"), price("NW-BAG-TOT", "EUR")],
    }),
    order("NW-PORTAL-GIFT", now, {
      ...eur,
      customer: de("max.weber@example.de", "Max Weber"),
      address: { country: "DE", postalCode: "80331", city: "München", line1: "Marienplatz 8" },
      deliveredDaysAgo: 5,
      lines: [price("NW-HOME-THR", "EUR")],
      giftCode: "NW-GIFT-7Q4K",
    }),
    order("NW-PORTAL-LATE", now, {
      ...eur,
      customer: de("jonas.becker@example.de", "Jonas Becker"),
      address: { country: "DE", postalCode: "50667", city: "Köln", line1: "Hohe Straße 52" },
      deliveredDaysAgo: 50,
      lines: [price("NW-JKT-RAIN", "EUR")],
    }),
    order("NW-PORTAL-MKT", now, {
      ...eur,
      customer: de("clara.schneider@example.de", "Clara Schneider"),
      address: { country: "DE", postalCode: "60311", city: "Frankfurt am Main", line1: "Zeil 12" },
      deliveredDaysAgo: 3,
      lines: [price("VK-BOWL-MAT", "EUR"), price("VA-POLE-TRK", "EUR")],
    }),
  ];
  return seedOrders(deps, merchantId, orders);
}
