import { formatMoney } from "../../domain/money.ts";
import { orderBody, toOrderDraft } from "../inputs/order-input.ts";
import { upsertOrder } from "../orders.ts";
import type { Deps } from "../ports/index.ts";
import { CATALOG, type DemoProduct, roundAmount, unitPrice } from "./demo-catalog.ts";
import { COUNTRIES, type DemoCountry, type PaymentStyle } from "./demo-countries.ts";
import { DAY_MS, type OrderJson, planShipments, planTenders } from "./demo-shipments.ts";
import type { Rng } from "./prng.ts";

/** Demo orders as a commerce platform would send them (the public JSON contract), spread over ~120 days. */

export interface DemoOrder {
  readonly externalId: string;
  readonly country: DemoCountry;
  readonly json: OrderJson;
}

const PICK_WEIGHTS: readonly (readonly [DemoProduct, number])[] = CATALOG.map((p) => {
  const b = p.body;
  const special =
    b.finalSale || b.personalised || b.perishable || b.sealedHygiene || b.sealedMedia || b.digital;
  return [p, special || b.vendor ? 1.2 : 3];
});
const MULTI_UNIT = new Set([
  "NW-TEE-ORG",
  "NW-SOCK-3PK",
  "NW-HOME-CND",
  "NW-FOOD-CHC",
  "NW-FOOD-COF",
  "NW-COS-LIP",
  "NW-GIFT-ECARD",
]);

const isGiftCard = (p: DemoProduct) => p.body.category === "gift-cards";

interface Line {
  readonly product: DemoProduct;
  readonly quantity: number;
  readonly unit: number;
  readonly discount: number;
  readonly tax: number;
}

function taxRate(c: DemoCountry, region: string, p: DemoProduct): number {
  if (isGiftCard(p)) return 0; // a multi-purpose voucher: taxed when redeemed, not when sold
  if (c.regions) return p.body.perishable ? 0 : (c.regions[region]?.[0] ?? 0); // US states exempt groceries
  return p.body.perishable ? c.tax.food : c.tax.standard;
}

const taxOf = (c: DemoCountry, net: number, rate: number) =>
  Math.round(c.taxesIncluded ? (net * rate) / (1 + rate) : net * rate);

function buildOrder(n: number, placed: number, rng: Rng, now: number): DemoOrder {
  const externalId = `NW-${100001 + n}`;
  const c = rng.weighted(COUNTRIES.map((x) => [x, x.weight] as const));
  const [name, local, city, postalCode, region, timeZone] = rng.pick(c.customers);
  const fmt = (minor: number) => formatMoney({ amount: minor, currency: c.currency });

  const products = new Set<DemoProduct>();
  const count = rng.weighted([
    [1, 35],
    [2, 35],
    [3, 20],
    [4, 10],
  ] as const);
  while (products.size < count) products.add(rng.weighted(PICK_WEIGHTS));
  const discountKind = rng.weighted([
    ["none", 72],
    ["percent", 18],
    ["fixed", 10],
  ] as const);
  const percent = rng.pick([0.1, 0.15, 0.2]);
  let fixedLeft = roundAmount(c.currency, 0);
  const lines: Line[] = [...products].map((product) => {
    const multi = MULTI_UNIT.has(product.sku) ? 0.45 : product.body.personalised ? 0 : 0.12;
    const quantity = rng.chance(multi) ? rng.int(2, 3) : 1;
    const unit = unitPrice(product, c.currency);
    const discountable = !product.body.finalSale && !isGiftCard(product);
    let discount = 0;
    if (discountable && discountKind === "percent") discount = Math.round(unit * quantity * percent);
    if (discountable && discountKind === "fixed" && fixedLeft > 0) {
      discount = Math.min(fixedLeft, unit * quantity);
      fixedLeft -= discount;
    }
    const tax = taxOf(c, unit * quantity - discount, taxRate(c, region, product));
    return { product, quantity, unit, discount, tax };
  });

  const physical = lines.filter((l) => !l.product.body.digital);
  const goods = physical.reduce((s, l) => s + l.unit * l.quantity - l.discount, 0);
  const express = rng.chance(0.2);
  const [standardMethod, standardPrice] = c.shipping.standard;
  const [expressMethod, expressPrice] = c.shipping.express;
  const free = goods >= c.shipping.freeOver;
  const shippingAmount = physical.length === 0 ? 0 : express ? expressPrice : free ? 0 : standardPrice;
  const regionTax = c.regions?.[region];
  const shippingTax = regionTax
    ? regionTax[1]
      ? Math.round(shippingAmount * regionTax[0])
      : 0
    : taxOf(c, shippingAmount, c.tax.standard);

  const customerPays = rng.chance(0.5);
  let duties: OrderJson["duties"] = null;
  let dutiesPaid = 0;
  if (c.duties && goods > 0) {
    const rate = goods > c.duties.over ? c.duties.rate : c.duties.lowRate;
    const paidBy = c.duties.paidBy === "mixed" ? (customerPays ? "customer" : "merchant") : c.duties.paidBy;
    if (rate) {
      const amount = Math.round(goods * rate);
      duties = { amount: fmt(amount), paidBy, incoterm: "DDP" };
      if (paidBy === "customer") dutiesPaid = amount;
    }
  }

  const ext = (i: number) => `${externalId}-${i + 1}`;
  const shipments = planShipments(
    externalId,
    c,
    placed,
    lines.map((l, i) => ({ externalId: ext(i), quantity: l.quantity, digital: l.product.body.digital })),
    rng,
    now,
  );
  const linesTotal = lines.reduce(
    (s, l) => s + l.unit * l.quantity - l.discount + (c.taxesIncluded ? 0 : l.tax),
    0,
  );
  const total = linesTotal + shippingAmount + (c.taxesIncluded ? 0 : shippingTax) + dutiesPaid;
  const style =
    physical.length === 0 ? "card" : rng.weighted(Object.entries(c.payments) as [PaymentStyle, number][]);
  const giftCard = rng.chance(0.1) ? roundAmount(c.currency, rng.pick([1, 2] as const)) : 0;
  const tenders = planTenders(c, style, total, giftCard, placed, shipments, rng, fmt, now);

  const json: OrderJson = {
    placedAt: new Date(placed).toISOString(),
    currency: c.currency,
    customer: { email: `${local}@example.com`, name, locale: c.locale, timeZone },
    shippingAddress: { country: c.country, region: region || null, postalCode, city },
    taxesIncluded: c.taxesIncluded,
    lines: lines.map((l, i) => ({
      externalId: ext(i),
      sku: l.product.sku,
      title: l.product.body.title,
      quantity: l.quantity,
      unitPrice: fmt(l.unit),
      tax: fmt(l.tax),
      discount: fmt(l.discount),
    })),
    shipping: {
      amount: fmt(shippingAmount),
      tax: fmt(shippingTax),
      method: physical.length === 0 ? "email" : express ? expressMethod : standardMethod,
      cheapestStandardAmount: physical.length === 0 ? null : fmt(free ? 0 : standardPrice),
    },
    duties,
    tenders,
    fulfilments: shipments.fulfilments,
    returnTermsDisclosed: n % 41 !== 17,
  };
  return { externalId, country: c, json };
}

/** `count` orders placed between ~120 days ago and `now`, more of them recent, numbered in placing order. */
export function buildDemoOrders(now: Date, rng: Rng, count: number): DemoOrder[] {
  const ages = Array.from({ length: count }, () => 120 * rng.next() ** 1.5 * DAY_MS + 10 * 60_000);
  ages.sort((a, b) => b - a);
  return ages.map((age, n) => buildOrder(n, now.getTime() - age, rng, now.getTime()));
}

/** Sends each order through the public contract's validation and the order use case. */
export async function seedOrders(
  deps: Deps,
  merchantId: string,
  orders: readonly DemoOrder[],
): Promise<number> {
  for (const o of orders) {
    const body = orderBody.parse(o.json);
    const at = new Date(Math.min(deps.clock.now().getTime(), new Date(body.placedAt).getTime() + 60_000));
    const r = await upsertOrder(
      { ...deps, clock: { now: () => at } },
      merchantId,
      toOrderDraft(o.externalId, body),
    );
    if (!r.ok) throw new Error(`demo order ${o.externalId} refused: ${JSON.stringify(r.error)}`);
  }
  return orders.length;
}
