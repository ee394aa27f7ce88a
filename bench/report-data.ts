import type pg from "pg";

/**
 * Bulk data for the report benchmark: one real order, return and refund made through the API serve
 * as templates, cloned in SQL (generate_series) into millions of orders, cases, lines, events and
 * settlements spread over 400 days, 10 markets, 2,000 SKUs in 20 categories, 10 vendors, 6 reasons
 * and 4 currencies. Ids are derived from the clone's number, so the clones point at each other.
 */

const COUNTRIES = "array['DE','FR','NL','GB','US','JP','AU','BR','MX','KR']";
const REASONS =
  "array['wrong_size','defective','changed_mind','not_as_described','damaged_in_transit','arrived_late']";
const CURRENCIES = "array['EUR','GBP','USD','JPY']";
const SHIFT = "((i % 400) * interval '1 day' + (i % 1440) * interval '1 minute')";

type Overrides = Record<string, string>;

async function columns(db: pg.Client, table: string): Promise<string[]> {
  const r = await db.query(
    `select column_name from information_schema.columns
     where table_schema = 'public' and table_name = $1 and is_identity = 'NO' order by ordinal_position`,
    [table],
  );
  return r.rows.map((x: { column_name: string }) => x.column_name);
}

/** Copies the template rows once per i in [from, to), with some columns computed. */
async function clone(
  db: pg.Client,
  table: string,
  where: string,
  set: Overrides,
  from: number,
  to: number,
): Promise<void> {
  const cols = await columns(db, table);
  const exprs = cols.map((c) => set[c] ?? `t.${c}`);
  await db.query(
    `insert into ${table} (${cols.join(", ")}) select ${exprs.join(", ")}
     from ${table} t cross join generate_series(${from}, ${to - 1}) i where ${where}`,
  );
}

/**
 * Ids ordered by i, like the UUIDv7 the service makes (time first): 12 hex digits of i, then a hash of
 * the kind and the parts. Far below any real UUIDv7, so they never meet the service's own ids.
 */
const uuid = (prefix: string, ...parts: string[]) =>
  `(lpad(to_hex(i), 12, '0') || '7' || substr(md5('${prefix}' || ${[...parts].join(" || '-' || ")}), 1, 19))::uuid`;

export interface Template {
  readonly merchantId: string;
  readonly orderId: string;
  readonly caseId: string;
}

/** Products of the catalogue: 2,000 SKUs, each with a category and a vendor. */
export async function loadProducts(db: pg.Client, merchantId: string): Promise<void> {
  await db.query(
    `insert into products (id, merchant_id, sku, title, category, vendor)
     select md5('p' || n)::uuid, $1, 'SKU-' || n, 'Product ' || n, 'cat-' || (n % 20), 'V' || (n % 10)
     from generate_series(0, 1999) n on conflict do nothing`,
    [merchantId],
  );
}

/**
 * Clones orders [from, to): each with the template's lines and tenders, one return of its lines, its
 * events and refund (the refund against the clone's own tender).
 */
export async function loadChunk(db: pg.Client, t: Template, from: number, to: number): Promise<void> {
  const i = "i::text";
  await clone(
    db,
    "orders",
    `t.id = '${t.orderId}'`,
    {
      id: uuid("o", i),
      external_id: `'B-' || i`,
      placed_at: `t.placed_at - ${SHIFT}`,
      shipping_address: `jsonb_set(t.shipping_address, '{country}', to_jsonb((${COUNTRIES})[1 + i % 10]))`,
      // Counted by the rebuild that follows, not by the server's rollup job while the load runs.
      rolled_hash: "t.content_hash",
    },
    from,
    to,
  );
  await clone(
    db,
    "order_lines",
    `t.order_id = '${t.orderId}'`,
    {
      id: uuid("ol", i, "t.id::text"),
      order_id: uuid("o", i),
      sku: `'SKU-' || ((i * 7 + t.position * 13) % 2000)`,
      quantity: `1 + (i + t.position) % 3`,
    },
    from,
    to,
  );
  await clone(
    db,
    "order_tenders",
    `t.order_id = '${t.orderId}'`,
    { id: uuid("ot", i, "t.id::text"), order_id: uuid("o", i) },
    from,
    to,
  );
  await clone(
    db,
    "return_cases",
    `t.id = '${t.caseId}'`,
    {
      id: uuid("c", i),
      number: `'BR-' || i`,
      order_id: uuid("o", i),
      order_external_id: `'B-' || i`,
      vendor: `'V' || (i % 10)`,
      status: `case when i % 17 = 0 then 'cancelled' else t.status end`,
      created_at: `t.created_at - ${SHIFT}`,
      updated_at: `t.updated_at - ${SHIFT}`,
      group_id: "null",
    },
    from,
    to,
  );
  await clone(
    db,
    "return_lines",
    `t.case_id = '${t.caseId}'`,
    {
      id: uuid("rl", i, "t.id::text"),
      case_id: uuid("c", i),
      order_line_id: uuid("ol", i, "t.order_line_id::text"),
      sku: `'SKU-' || ((i * 7 + t.position * 13) % 2000)`,
      reason: `(${REASONS})[1 + (i + t.position) % 6]`,
      qty_requested: "1",
      qty_approved: `case when i % 23 = 0 then 0 else 1 end`,
      qty_rejected: `case when i % 23 = 0 then 1 else 0 end`,
      qty_resolved: `case when i % 23 = 0 then 0 else least(t.qty_resolved, 1) end`,
    },
    from,
    to,
  );
  await clone(
    db,
    "case_events",
    `t.case_id = '${t.caseId}'`,
    {
      case_id: uuid("c", i),
      at: `t.at - ${SHIFT} + (t.seq * (i % 50)) * interval '1 hour'`,
    },
    from,
    to,
  );
  // Outbox rows before the settlements: anything that appends events to a clone while it loads
  // upserts its outbox row, which must exist by then (an insert racing such an upsert on the same
  // keys deadlocked at 1.5 million lines when pending clones were executed by the recovery sweep).
  await clone(
    db,
    "outbox_cases",
    `t.case_id = '${t.caseId}'`,
    {
      case_id: uuid("c", i),
      settled_seq: "t.last_seq", // delivered (and, not queued for the rollups, counted by the rebuild)
      // The clone's events are shifted in time: its mark keeps no bounds (reads take every month).
      first_at: "null",
      last_at: "null",
    },
    from,
    to,
  );
  await clone(
    db,
    "settlements",
    `t.case_id = '${t.caseId}'`,
    {
      id: uuid("s", i, "t.id::text"),
      case_id: uuid("c", i),
      order_id: uuid("o", i),
      tender_id: uuid("ot", i, "t.tender_id::text"),
      idempotency_key: `'bench-' || i || '-' || t.id`,
      currency: `(${CURRENCIES})[1 + i % 4]`,
      amount: `100 + (i % 9000)`,
      // In progress, in a state no sweep acts on (a pending clone would be executed by the server's
      // recovery sweep during the bench: 1 in 11 of millions of provider calls and their events).
      status: `case when i % 11 = 0 then 'requires_action' else t.status end`,
      created_at: `t.created_at - ${SHIFT} + interval '2 days'`,
    },
    from,
    to,
  );
}
