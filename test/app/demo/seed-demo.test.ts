import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../../../src/adapters/db/database.ts";
import { dbStore } from "../../../src/adapters/db/store.ts";
import { manualGateway } from "../../../src/adapters/payments/manual-gateway.ts";
import { uuidv7Source } from "../../../src/adapters/system.ts";
import { buildDemoOrders } from "../../../src/app/demo/demo-orders.ts";
import { mulberry32 } from "../../../src/app/demo/prng.ts";
import { DEMO_API_KEY, type DemoSeedResult, seedDemo } from "../../../src/app/demo/seed-demo.ts";
import { authenticate } from "../../../src/app/merchants.ts";
import type { Deps } from "../../../src/app/ports.ts";
import { describeEachDb, freshDatabase } from "../../support/databases.ts";

const TODAY = new Date("2026-03-16T09:30:00Z");

type Row = Record<string, unknown>;
async function rows(database: Database, query: ReturnType<typeof sql>): Promise<Row[]> {
  const r = (await database.db.execute(query)) as unknown as { rows: Row[] };
  return r.rows;
}
const column = (rs: Row[], name: string) => rs.map((r) => String(r[name]));

async function tableCounts(database: Database): Promise<Record<string, number>> {
  const tables = column(
    await rows(database, sql`select table_name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE'`),
    "table_name",
  );
  const out: Record<string, number> = {};
  for (const t of tables.sort()) {
    const [r] = await rows(database, sql.raw(`select count(*)::int as n from "${t}"`));
    out[t] = Number(r?.n);
  }
  return out;
}

describe("demo orders", () => {
  it("have the same shapes on every run", () => {
    const a = buildDemoOrders(TODAY, mulberry32(1), 50).map((o) => o.json);
    const b = buildDemoOrders(TODAY, mulberry32(1), 50).map((o) => o.json);
    expect(b).toEqual(a);
  });
});

describeEachDb("seedDemo", (kind) => {
  let database: Database;
  let drop: () => Promise<void>;
  let deps: Deps;
  let first: DemoSeedResult;
  let seconds: number;

  beforeAll(async () => {
    ({ database, drop } = await freshDatabase(kind));
    const clock = { now: () => TODAY };
    deps = { store: dbStore(database), clock, ids: uuidv7Source(clock), gateways: new Map([["manual", manualGateway()]]) };
    const started = performance.now();
    first = await seedDemo(deps);
    seconds = (performance.now() - started) / 1000;
    console.info(`seedDemo on ${kind}: ${seconds.toFixed(2)} s`);
  });
  afterAll(() => drop());

  it("creates the demo merchant with its key, set-up and catalogue", async () => {
    expect(first).toMatchObject({ slug: "demo", created: true });
    expect(seconds).toBeLessThan(60);
    expect(await authenticate(deps, DEMO_API_KEY)).not.toBeNull();
    const [m] = await rows(database, sql`select name, settlement_currency from merchants where slug = 'demo'`);
    expect(m).toEqual({ name: "Northwind Apparel & Goods", settlement_currency: "EUR" });
    expect(column(await rows(database, sql`select country from legal_entities order by country`), "country")).toEqual(["GB", "NL", "US"]);
    const markets = column(await rows(database, sql`select unnest(countries) as c from markets`), "c");
    expect(markets).toEqual(expect.arrayContaining(["DE", "FR", "NL", "GB", "US", "JP", "AU", "BR", "MX", "KR"]));
    const kinds = column(await rows(database, sql`select distinct kind from locations`), "kind");
    expect(kinds.sort()).toEqual(["hub", "vendor", "warehouse"]);
    const [p] = await rows(
      database,
      sql`select count(*)::int as n, count(*) filter (where final_sale)::int as final_sale,
        count(*) filter (where personalised)::int as personalised, count(*) filter (where perishable)::int as perishable,
        count(*) filter (where sealed_hygiene)::int as sealed_hygiene, count(*) filter (where sealed_media)::int as sealed_media,
        count(*) filter (where digital)::int as digital, count(*) filter (where vendor is not null)::int as vendor,
        count(*) filter (where not digital and (hs_code is null or origin_country is null or weight_grams is null))::int as incomplete
        from products`,
    );
    expect(Number(p?.n)).toBeGreaterThanOrEqual(30);
    for (const k of ["final_sale", "personalised", "perishable", "sealed_hygiene", "sealed_media", "digital", "vendor"]) {
      expect(Number(p?.[k]), k).toBeGreaterThan(0);
    }
    expect(Number(p?.incomplete)).toBe(0);
  });

  it("imports orders across countries, currencies and the hard cases", async () => {
    expect(first.orders).toBeGreaterThanOrEqual(200);
    const [n] = await rows(database, sql`select count(*)::int as n from orders`);
    expect(Number(n?.n)).toBe(first.orders);
    const countries = column(await rows(database, sql`select distinct shipping_address->>'country' as c from orders`), "c");
    expect(countries).toEqual(expect.arrayContaining(["DE", "FR", "NL", "GB", "US", "JP", "AU", "BR", "MX", "KR"]));
    const currencies = column(await rows(database, sql`select distinct currency from orders`), "currency");
    expect(currencies.sort()).toEqual(["AUD", "BRL", "EUR", "GBP", "JPY", "KRW", "MXN", "USD"]);
    const has = async (what: string, query: ReturnType<typeof sql>) => {
      const [r] = await rows(database, query);
      expect(Number(r?.n), what).toBeGreaterThan(0);
    };
    await has("California, tax added", sql`select count(*)::int as n from orders where shipping_address->>'region' = 'CA' and not taxes_included`);
    await has("another US state", sql`select count(*)::int as n from orders where shipping_address->>'country' = 'US' and shipping_address->>'region' <> 'CA'`);
    await has("split fulfilment", sql`select count(*)::int as n from (select order_id from fulfilments where carrier <> 'email' group by order_id having count(distinct shipped_at) > 1) s`);
    await has("mixed tender", sql`select count(*)::int as n from (select order_id from order_tenders group by order_id having count(distinct kind) > 1 and bool_or(kind = 'gift_card')) s`);
    await has("DDP paid by customer", sql`select count(*)::int as n from orders where duties_paid_by = 'customer' and duties_incoterm = 'DDP'`);
    await has("duties paid by merchant", sql`select count(*)::int as n from orders where duties_paid_by = 'merchant'`);
    await has("cash on delivery", sql`select count(*)::int as n from order_tenders where kind = 'cash_on_delivery'`);
    await has("bank transfer", sql`select count(*)::int as n from order_tenders where kind = 'bank_transfer'`);
    await has("discount", sql`select count(*)::int as n from order_lines where discount > 0`);
    await has("quantity > 1", sql`select count(*)::int as n from order_lines where quantity > 1`);
    await has("terms not disclosed", sql`select count(*)::int as n from orders where not return_terms_disclosed`);
    await has("shipped, not delivered", sql`select count(*)::int as n from fulfilments where shipped_at is not null and delivered_at is null`);
    await has("not shipped yet", sql`select count(*)::int as n from orders o where not exists (select 1 from fulfilments f where f.order_id = o.id)`);
    const [jp] = await rows(database, sql`select count(*)::int as n from order_lines l join orders o on o.id = l.order_id where o.currency in ('JPY', 'KRW') and l.unit_price % 100 <> 0`);
    expect(Number(jp?.n)).toBe(0);
    const locales = column(await rows(database, sql`select distinct locale from customers`), "locale");
    expect(locales).toEqual(expect.arrayContaining(["de-DE", "fr-FR", "nl-NL", "en-GB", "en-US", "ja-JP", "en-AU", "pt-BR", "es-MX", "ko-KR"]));
  });

  it("opens returns in many states, with refunds, store credit and inspections", async () => {
    expect(first.returns).toBeGreaterThanOrEqual(20);
    const statuses = await rows(database, sql`select status, count(*)::int as n from return_cases group by status order by status`);
    const names = column(statuses, "status");
    expect(names.length).toBeGreaterThanOrEqual(8);
    expect(names).toEqual(
      expect.arrayContaining(["requested", "needs_review", "approved", "rejected", "awaiting_shipment", "in_transit", "received", "inspected", "resolved", "closed", "cancelled"]),
    );
    expect(statuses.reduce((s, r) => s + Number(r.n), 0)).toBe(first.returns);
    const methods = column(await rows(database, sql`select distinct method from settlements where status = 'succeeded'`), "method");
    expect(methods.sort()).toEqual(["original_payment", "store_credit"]);
    const outcomes = column(await rows(database, sql`select distinct outcome from inspections`), "outcome");
    expect(outcomes.sort()).toEqual(["accepted", "refused"]);
    const [partial] = await rows(database, sql`select count(*)::int as n from return_lines l join return_cases c on c.id = l.case_id where c.status = 'received' and l.received < l.approved`);
    expect(Number(partial?.n)).toBeGreaterThan(0);
  });

  it("does nothing the second time", async () => {
    const before = await tableCounts(database);
    expect(await seedDemo(deps)).toEqual({ slug: "demo", created: false, orders: 0, returns: 0 });
    expect(await tableCounts(database)).toEqual(before);
  });
});
