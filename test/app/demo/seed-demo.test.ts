import { randomBytes } from "node:crypto";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fieldCipher } from "../../../src/adapters/crypto/field-cipher.ts";
import type { Database } from "../../../src/adapters/db/database.ts";
import { dbStore } from "../../../src/adapters/db/store.ts";
import { pdfDocuments } from "../../../src/adapters/documents/pdf-documents.ts";
import { manualGateway } from "../../../src/adapters/payments/manual-gateway.ts";
import { uuidv7Source } from "../../../src/adapters/system.ts";
import { buildDemoOrders } from "../../../src/app/demo/demo-orders.ts";
import { mulberry32 } from "../../../src/app/demo/prng.ts";
import { DEMO_API_KEY, type DemoSeedResult, seedDemo } from "../../../src/app/demo/seed-demo.ts";
import { authenticate } from "../../../src/app/merchants.ts";
import type { Deps } from "../../../src/app/ports/index.ts";
import { describeEachDb, freshDatabase } from "../../support/databases.ts";

const TODAY = new Date("2026-03-16T09:30:00Z");
const COUNTRIES = ["DE", "FR", "NL", "GB", "US", "JP", "AU", "BR", "MX", "KR"];
const LOCALES = ["de-DE", "fr-FR", "nl-NL", "en-GB", "en-US", "ja-JP", "en-AU", "pt-BR", "es-MX", "ko-KR"];
const FLAGS = ["final_sale", "personalised", "perishable", "sealed_hygiene", "sealed_media", "digital"];
const STATUSES = ["requested", "needs_review", "approved", "rejected", "awaiting_shipment", "in_transit"];
const LATER_STATUSES = ["received", "inspected", "resolved", "closed", "cancelled", "expired"];

/** Each query must find at least one row. */
const SHOWCASE: readonly (readonly [string, string])[] = [
  [
    "California, tax added",
    "select 1 from orders where shipping_address->>'region' = 'CA' and not taxes_included",
  ],
  [
    "another US state",
    "select 1 from orders where shipping_address->>'country' = 'US' and shipping_address->>'region' <> 'CA'",
  ],
  [
    "split fulfilment",
    "select order_id from fulfilments where carrier <> 'email' group by order_id having count(distinct shipped_at) > 1",
  ],
  [
    "card + gift card",
    "select order_id from order_tenders group by order_id having bool_or(kind = 'card') and bool_or(kind = 'gift_card')",
  ],
  [
    "DDP paid by the customer",
    "select 1 from orders where duties_paid_by = 'customer' and duties_incoterm = 'DDP'",
  ],
  ["duties paid by the merchant", "select 1 from orders where duties_paid_by = 'merchant'"],
  ["cash on delivery", "select 1 from order_tenders where kind = 'cash_on_delivery'"],
  ["bank transfer", "select 1 from order_tenders where kind = 'bank_transfer'"],
  ["discount", "select 1 from order_lines where discount > 0"],
  ["quantity > 1", "select 1 from order_lines where quantity > 1"],
  ["cheapest standard shipping", "select 1 from orders where cheapest_standard_amount > 0"],
  ["terms not disclosed", "select 1 from orders where not return_terms_disclosed"],
  [
    "shipped, not delivered",
    "select 1 from fulfilments where shipped_at is not null and delivered_at is null",
  ],
  [
    "not shipped yet",
    "select 1 from orders o where not exists (select 1 from fulfilments f where f.order_id = o.id)",
  ],
  [
    "partial receipt",
    "select 1 from return_lines l join return_cases c on c.id = l.case_id where c.status = 'received' and l.qty_received < l.qty_approved",
  ],
  [
    "refused at inspection",
    "select 1 from inspections where outcome = 'refused' and disposition = 'return_to_shopper'",
  ],
  ["refund settled", "select 1 from settlements where method = 'original_payment' and status = 'succeeded'"],
  ["store credit issued", "select 1 from settlements where method = 'store_credit' and status = 'succeeded'"],
  ["vendor return", "select 1 from return_cases where vendor is not null"],
];

type Row = Record<string, unknown>;
async function rows(database: Database, query: string): Promise<Row[]> {
  return ((await database.db.execute(sql.raw(query))) as unknown as { rows: Row[] }).rows;
}
const column = async (database: Database, query: string) =>
  (await rows(database, query)).map((r) => String(Object.values(r)[0]));
const count = async (database: Database, query: string) =>
  Number((await column(database, `select count(*)::int from (${query}) q`))[0]);

async function tableCounts(database: Database): Promise<Record<string, number>> {
  const tables = await column(
    database,
    "select table_name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE'",
  );
  const out: Record<string, number> = {};
  for (const t of tables.sort()) out[t] = await count(database, `select 1 from "${t}"`);
  return out;
}

describe("demo orders", () => {
  it("have the same shapes on every run", () => {
    const a = buildDemoOrders(TODAY, mulberry32(1), 50).map((o) => o.json);
    expect(buildDemoOrders(TODAY, mulberry32(1), 50).map((o) => o.json)).toEqual(a);
  });
});

describeEachDb("seedDemo", (kind) => {
  let database: Database;
  let drop: () => Promise<void>;
  let deps: Deps;
  let first: DemoSeedResult;

  beforeAll(async () => {
    ({ database, drop } = await freshDatabase(kind));
    const clock = { now: () => TODAY };
    deps = {
      store: dbStore(database, fieldCipher({ currentId: "t", keys: new Map([["t", randomBytes(32)]]) })),
      clock,
      ids: uuidv7Source(clock),
      gateways: new Map([["manual", manualGateway()]]),
      documents: pdfDocuments,
    };
    const started = performance.now();
    first = await seedDemo(deps);
    console.info(`seedDemo on ${kind}: ${((performance.now() - started) / 1000).toFixed(2)} s`);
  });
  afterAll(() => drop());

  it("creates the merchant with its API key, set-up and a catalogue with every kind of item", async () => {
    expect(first).toMatchObject({ slug: "demo", created: true });
    expect(await authenticate(deps, DEMO_API_KEY)).not.toBeNull();
    expect(await rows(database, "select name, settlement_currency from merchants")).toEqual([
      { name: "Northwind Apparel & Goods", settlement_currency: "EUR" },
    ]);
    expect(await column(database, "select country from legal_entities order by 1")).toEqual([
      "GB",
      "NL",
      "US",
    ]);
    expect(await column(database, "select distinct unnest(countries) from markets")).toEqual(
      expect.arrayContaining(COUNTRIES),
    );
    expect(await column(database, "select distinct kind from locations order by 1")).toEqual([
      "hub",
      "vendor",
      "warehouse",
    ]);
    expect(await count(database, "select 1 from vendors")).toBeGreaterThanOrEqual(2);
    expect(await count(database, "select 1 from products")).toBeGreaterThanOrEqual(30);
    for (const flag of [...FLAGS, "vendor is not null and true"]) {
      expect(await count(database, `select 1 from products where ${flag}`), flag).toBeGreaterThan(0);
    }
    const incomplete =
      "select 1 from products where not digital and (hs_code is null or origin_country is null or weight_grams is null)";
    expect(await count(database, incomplete)).toBe(0);
  });

  it("imports orders across countries and currencies, with every international complication", async () => {
    expect(first.orders).toBeGreaterThanOrEqual(200);
    expect(await count(database, "select 1 from orders")).toBe(first.orders);
    const countries = await column(database, "select distinct shipping_address->>'country' from orders");
    expect(countries).toEqual(expect.arrayContaining(COUNTRIES));
    expect(await column(database, "select distinct currency from orders order by 1")).toEqual([
      "AUD",
      "BRL",
      "EUR",
      "GBP",
      "JPY",
      "KRW",
      "MXN",
      "USD",
    ]);
    expect(await column(database, "select distinct locale from customers")).toEqual(
      expect.arrayContaining(LOCALES),
    );
    const oddYen =
      "select 1 from order_lines l join orders o on o.id = l.order_id where o.currency in ('JPY', 'KRW') and l.unit_price % 100 <> 0";
    expect(await count(database, oddYen)).toBe(0);
    for (const [what, query] of SHOWCASE) expect(await count(database, query), what).toBeGreaterThan(0);
  });

  it("opens returns in every state", async () => {
    expect(first.returns).toBeGreaterThanOrEqual(20);
    expect(await count(database, "select 1 from return_cases")).toBe(first.returns);
    const statuses = await column(database, "select distinct status from return_cases");
    expect(statuses).toEqual(expect.arrayContaining([...STATUSES, ...LATER_STATUSES]));
  });

  it("does nothing the second time", async () => {
    const before = await tableCounts(database);
    expect(await seedDemo(deps)).toEqual({ slug: "demo", created: false, orders: 0, returns: 0 });
    expect(await tableCounts(database)).toEqual(before);
  });
});
