import { type SQL, sql } from "drizzle-orm";
import type { RefundHistory } from "../../app/ports/refunds.ts";
import { money } from "../../domain/money.ts";
import type { PriorRefunds } from "../../domain/refund/refund-calculation.ts";
import { runBuilt } from "./built-sql.ts";
import type { Executor } from "./database.ts";
import { uuidArray } from "./uuid-array.ts";

/**
 * Per tender of `tenders` (a row source of tender ids `t.id`), what settlements not failed or cancelled
 * took from it, as JSON: the one definition. Summed tender by tender, so each sum reads its tender's
 * settlements of the merchant through one index (tender_id, merchant_id), whatever the statistics
 * (migration 0032).
 */
const refundedOf = (
  tenders: SQL,
) => sql`(select coalesce(json_agg(json_build_object('tenderId', t.id, 'total', s.total)), '[]'::json)
      from ${tenders}
      cross join lateral (select sum(amount) as total from settlements
        where tender_id = t.id and merchant_id = ${sql.placeholder("m")}::uuid
          and status not in ('failed', 'cancelled')) s
      where s.total is not null)`;

const REFUNDED = refundedOf(sql`(select distinct unnest(${sql.placeholder("t")}::uuid[]) as id) t`);

/**
 * Units refunded per order line over `calcs` (a row source named `calcs` with `units`), as JSON.
 * With `sumsJson`, the one definition of what an order was refunded before.
 */
const unitsJson = (
  calcs: SQL,
): SQL<UnitsJson> => sql`(select coalesce(json_agg(json_build_object('orderLineId', u.id, 'quantity', u.n)), '[]'::json)
      from (select x->>'orderLineId' as id, sum((x->>'quantity')::numeric) as n
        from ${calcs} cross join lateral jsonb_array_elements(calcs.units) x group by 1) u)`;

/** Shipping, duties and goodwill given back over `calcs` (with `lines`), and whether `caseId` charged its fee. */
const sumsJson = (calcs: SQL, caseId: SQL): SQL<SumsJson> => sql`(select json_build_object(
        'shipping', coalesce(sum((l->'amount'->>'amount')::numeric) filter (where l->>'type' = 'outbound_shipping'), 0),
        'duties', coalesce(sum((l->'amount'->>'amount')::numeric) filter (where l->>'type' = 'duties'), 0),
        'goodwill', coalesce(sum((l->'amount'->>'amount')::numeric) filter (where l->>'type' = 'goodwill'), 0),
        'feeCharged', coalesce(bool_or(l->>'type' = 'return_shipping_fee')
          filter (where calcs.case_id = ${caseId}), false))
      from ${calcs} cross join lateral jsonb_array_elements(calcs.lines) l)`;

/** The calculations of the cases of the order `orderId` of `merchantId` (SQL expressions). */
const calcsOf = (merchantId: SQL, orderId: SQL) => sql`(select rc.case_id, rc.units, rc.lines
      from refund_calculations rc join return_cases c on c.id = rc.case_id
      where c.merchant_id = ${merchantId} and c.order_id = ${orderId})`;

/**
 * What the order `orderId` of `merchantId` (SQL expressions) was refunded before, as two JSON fields
 * (`priorUnits`, `priorSums`) of a select that reads more: a preview's refund with its inputs in
 * one statement. `priorFrom` reads them.
 */
export const priorColumns = (merchantId: SQL, orderId: SQL) => ({
  priorUnits: unitsJson(sql`${calcsOf(merchantId, orderId)} calcs`),
  priorSums: sumsJson(sql`${calcsOf(merchantId, orderId)} calcs`, sql`null::uuid`),
});

/**
 * What an order's cases were refunded before, summed by PostgreSQL: units per order line, shipping,
 * duties and goodwill given back, this case's calculations and whether one charged its return fee; and
 * what the named tenders of the order gave back. One statement, built once, whose answer has the same
 * size however many refunds the order had (it carried every calculation's lines as JSON, and the server
 * parsed and summed them: 0.9 ms of PostgreSQL and a growing parse per refund on an order with a hundred
 * returns). The tenders are found through the order, so PostgreSQL expects one or two of them and keeps
 * one plan for the statement (from an array alone it expects ten and plans every call afresh: 0.36 ms).
 */
const historySql =
  () => sql`with calcs as ${calcsOf(sql`${sql.placeholder("m")}::uuid`, sql`${sql.placeholder("o")}::uuid`)}
  select
    ${unitsJson(sql`calcs`)} as units,
    ${sumsJson(sql`calcs`, sql`${sql.placeholder("c")}::uuid`)} as sums,
    (select count(*)::int from calcs where case_id = ${sql.placeholder("c")}::uuid) as versions,
    ${refundedOf(sql`(select id from order_tenders
      where order_id = ${sql.placeholder("o")}::uuid and id = any(${sql.placeholder("t")}::uuid[])) t`)} as refunded`;

type UnitsJson = { orderLineId: string; quantity: number | string }[];

export interface SumsJson {
  shipping: number | string;
  duties: number | string;
  goodwill: number | string;
  feeCharged: boolean;
}

/** A sum PostgreSQL made of integer minor units (numeric, so never wrapped): a safe integer or a bug. */
function whole(n: number | string): number {
  const v = Number(n);
  if (!Number.isSafeInteger(v)) throw new Error(`refund history sum is not a safe integer: ${n}`);
  return v;
}

type RefundedJson = { tenderId: string; total: number | string }[];
const refundedMap = (rows: RefundedJson) => new Map(rows.map((r) => [r.tenderId, Number(r.total)] as const));

/** SettlementRepo.refundedByTender: what each tender gave back, by the same definition. */
export async function readRefundedByTender(
  db: Executor,
  merchantId: string,
  tenderIds: readonly string[],
): Promise<Map<string, number>> {
  if (tenderIds.length === 0) return new Map();
  const [row] = (await runBuilt(db, "refunded_by_tender", () => sql`select ${REFUNDED} as refunded`, {
    m: merchantId,
    t: uuidArray(tenderIds),
  })) as { refunded: RefundedJson }[];
  return refundedMap(row?.refunded ?? []);
}

export async function readHistory(
  db: Executor,
  merchantId: string,
  orderId: string,
  caseId: string,
  currency: string,
  tenderIds: readonly string[],
): Promise<RefundHistory> {
  const [row] = (await runBuilt(db, "refund_history", historySql, {
    m: merchantId,
    o: orderId,
    // "": the order alone, no case of its own.
    c: caseId === "" ? null : caseId,
    t: uuidArray(tenderIds),
  })) as {
    units: UnitsJson;
    sums: SumsJson;
    versions: number;
    refunded: RefundedJson;
  }[];
  if (!row) throw new Error("the refund history read answered no row");
  return {
    prior: { ...priorFrom(row.units, row.sums, currency), caseVersions: row.versions },
    refundedByTender: refundedMap(row.refunded),
  };
}

/** `PriorRefunds` from the sums PostgreSQL made (`priorColumns`, the history read). */
export function priorFrom(units: UnitsJson, sums: SumsJson, currency: string): PriorRefunds {
  return {
    unitsByOrderLine: new Map(units.map((u) => [u.orderLineId, whole(u.quantity)] as const)),
    shippingRefunded: money(whole(sums.shipping), currency),
    dutiesRefunded: money(whole(sums.duties), currency),
    goodwillGiven: money(whole(sums.goodwill), currency),
    returnFeeCharged: sums.feeCharged,
  };
}
