import { sql } from "drizzle-orm";
import type { Database } from "../../src/adapters/db/database.ts";
import type { ReportScope } from "../../src/app/reports/report-records.ts";
import { MILESTONES, type RateDimension, STEPS } from "../../src/domain/reports/report-figures.ts";

/**
 * The dashboard's figures recounted the slow way: every row of the tables read into memory and counted
 * in plain TypeScript, to check the rollups against (issue 12 point 7's proof).
 */

type Row = Record<string, unknown>;
const rows = async (d: Database, q: string): Promise<Row[]> =>
  ((await d.db.execute(sql.raw(q))) as unknown as { rows: Row[] }).rows;
const day = (v: unknown) => new Date(String(v instanceof Date ? v.toISOString() : v)).getTime();

export interface Tables {
  orders: Row[];
  lines: Row[];
  products: Row[];
  cases: Row[];
  returnLines: Row[];
  settlements: Row[];
  events: Row[];
  shipments: Row[];
  surveys: Row[];
}

export async function loadTables(d: Database): Promise<Tables> {
  return {
    orders: await rows(
      d,
      "select id, merchant_id, placed_at, shipping_address->>'country' as country from orders",
    ),
    lines: await rows(d, "select id, order_id, sku, title, quantity from order_lines"),
    products: await rows(d, "select merchant_id, sku, category, vendor from products"),
    cases: await rows(d, "select id, merchant_id, order_id, status, vendor, created_at from return_cases"),
    returnLines: await rows(
      d,
      "select case_id, order_line_id, qty_requested as requested, qty_rejected as rejected, reason from return_lines",
    ),
    settlements: await rows(
      d,
      "select case_id, method, status, amount, currency, created_at from settlements",
    ),
    events: await rows(d, "select case_id, type, at from case_events"),
    shipments: await rows(
      d,
      "select case_id, carrier, cost, cost_currency, status, created_at from return_shipments",
    ),
    surveys: await rows(d, "select case_id, score, created_at from survey_responses"),
  };
}

const inPeriod = (s: ReportScope, at: unknown) => day(at) >= s.from.getTime() && day(at) < s.to.getTime();
const add = (m: Map<string | null, number>, k: string | null, n: number) => m.set(k, (m.get(k) ?? 0) + n);

export function recount(t: Tables, s: ReportScope) {
  const orderOf = new Map(t.orders.map((o) => [o.id, o]));
  const lineOf = new Map(t.lines.map((l) => [l.id, l]));
  const caseOf = new Map(t.cases.map((c) => [c.id, c]));
  const product = (o: Row, sku: unknown) =>
    t.products.find((p) => p.merchant_id === o.merchant_id && p.sku === sku) ?? {};
  const keyOf = (by: RateDimension, o: Row, l: Row, p: Row, reason?: unknown) =>
    ({ product: l.sku, category: p.category, vendor: p.vendor, market: o.country, reason })[by] as
      | string
      | null;
  const orderIn = (o: Row, p: Row) =>
    o.merchant_id === s.merchantId &&
    inPeriod(s, o.placed_at) &&
    (!s.market || o.country === s.market) &&
    (!s.vendor || p.vendor === s.vendor);
  const caseIn = (c: Row) => {
    const o = orderOf.get(c.order_id) ?? {};
    return (
      c.merchant_id === s.merchantId &&
      (!s.vendor || c.vendor === s.vendor) &&
      (!s.market || o.country === s.market)
    );
  };

  const ordered = (by: RateDimension) => {
    const m = new Map<string | null, number>();
    for (const l of t.lines) {
      const o = orderOf.get(l.order_id) ?? {};
      const p = product(o, l.sku);
      if (orderIn(o, p)) add(m, keyOf(by, o, l, p) ?? null, Number(l.quantity));
    }
    return m;
  };
  const returned = (by: RateDimension) => {
    const m = new Map<string | null, number>();
    for (const rl of t.returnLines) {
      const c = caseOf.get(rl.case_id) ?? {};
      const l = lineOf.get(rl.order_line_id) ?? {};
      const o = orderOf.get(l.order_id) ?? {};
      const p = product(o, l.sku);
      const units = Number(rl.requested) - Number(rl.rejected);
      if (c.merchant_id !== s.merchantId || ["cancelled", "expired"].includes(String(c.status))) continue;
      if (units > 0 && orderIn(o, p)) add(m, keyOf(by, o, l, p, rl.reason) ?? null, units);
    }
    return m;
  };
  const refunds = new Map<
    string,
    { refunded: number; refundedCount: number; open: number; openCount: number }
  >();
  for (const st of t.settlements) {
    const c = caseOf.get(st.case_id);
    if (!c || !caseIn(c) || !inPeriod(s, st.created_at) || st.method === "payment_request") continue;
    if (["failed", "cancelled", "reversed"].includes(String(st.status))) continue;
    const k = `${st.currency}/${st.method}`;
    const r = refunds.get(k) ?? { refunded: 0, refundedCount: 0, open: 0, openCount: 0 };
    if (st.status === "succeeded") {
      r.refunded += Number(st.amount);
      r.refundedCount++;
    } else {
      r.open += Number(st.amount);
      r.openCount++;
    }
    refunds.set(k, r);
  }
  const costs = new Map<string, { cost: number; labels: number }>();
  for (const sh of t.shipments) {
    const c = caseOf.get(sh.case_id);
    if (!c || !caseIn(c) || !inPeriod(s, sh.created_at) || sh.cost === null || !sh.cost_currency) continue;
    if (["purchasing", "failed", "voided", "expired"].includes(String(sh.status))) continue;
    const k = `${sh.cost_currency}/${sh.carrier ?? ""}`;
    const r = costs.get(k) ?? { cost: 0, labels: 0 };
    r.cost += Number(sh.cost);
    r.labels++;
    costs.set(k, r);
  }
  const steps = new Map<string, number[]>();
  for (const c of t.cases) {
    if (!caseIn(c) || !inPeriod(s, c.created_at)) continue;
    const first = (type: string) => {
      const ats = t.events.filter((e) => e.case_id === c.id && e.type === type).map((e) => day(e.at));
      return ats.length ? Math.min(...ats) : null;
    };
    const at = Object.fromEntries(Object.entries(MILESTONES).map(([k, type]) => [k, first(type)]));
    for (const st of STEPS) {
      const a = at[st.from];
      const b = at[st.to];
      if (a != null && b != null && b >= a)
        steps.set(st.step, [...(steps.get(st.step) ?? []), (b - a) / 1000]);
    }
  }
  const surveys = t.surveys.filter((r) => {
    const c = caseOf.get(r.case_id);
    return c && caseIn(c) && inPeriod(s, r.created_at);
  });
  return { ordered, returned, refunds, costs, steps, surveys };
}

/** PostgreSQL's percentile_cont. */
export function percentileCont(values: readonly number[], q: number): number {
  const v = [...values].sort((a, b) => a - b);
  const rank = q * (v.length - 1);
  const lo = Math.floor(rank);
  return (v[lo] ?? 0) + (rank - lo) * ((v[Math.ceil(rank)] ?? 0) - (v[lo] ?? 0));
}
