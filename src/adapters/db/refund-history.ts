import { type SQL, sql } from "drizzle-orm";
import type { RefundHistory } from "../../app/ports/refunds.ts";
import { money } from "../../domain/money.ts";
import type { RefundLine, RefundUnits } from "../../domain/refund/refund-calculation.ts";
import { runBuilt } from "./built-sql.ts";
import type { Executor } from "./database.ts";

interface CalcJson {
  caseId: string;
  units: RefundUnits[];
  lines: RefundLine[];
}

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
 * What an order's cases were refunded before (the calculations of all of its cases) and what the
 * named tenders of the order gave back: one statement, built once. The tenders are found through the
 * order, so PostgreSQL expects one or two of them and keeps one plan for the statement (from an array
 * alone it expects ten and plans every call afresh: 0.36 ms).
 */
const historySql = () => sql`select
    (select coalesce(json_agg(json_build_object('caseId', rc.case_id, 'units', rc.units, 'lines', rc.lines)), '[]'::json)
      from refund_calculations rc join return_cases c on c.id = rc.case_id
      where c.merchant_id = ${sql.placeholder("m")}::uuid and c.order_id = ${sql.placeholder("o")}::uuid) as calcs,
    ${refundedOf(sql`(select id from order_tenders
      where order_id = ${sql.placeholder("o")}::uuid and id = any(${sql.placeholder("t")}::uuid[])) t`)} as refunded`;

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
    t: `{${tenderIds.join(",")}}`,
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
    t: `{${tenderIds.join(",")}}`,
  })) as { calcs: CalcJson[]; refunded: RefundedJson }[];
  return {
    prior: priorFrom(row?.calcs ?? [], caseId, currency),
    refundedByTender: refundedMap(row?.refunded ?? []),
  };
}

/** Sums what earlier calculations gave back; `caseId`'s own count is its next version − 1. */
function priorFrom(calcs: readonly CalcJson[], caseId: string, currency: string) {
  const units = new Map<string, number>();
  let shipping = 0;
  let duties = 0;
  let feeCharged = false;
  let goodwill = 0;
  let caseVersions = 0;
  for (const c of calcs) {
    if (c.caseId === caseId) caseVersions++;
    for (const u of c.units) units.set(u.orderLineId, (units.get(u.orderLineId) ?? 0) + u.quantity);
    for (const l of c.lines) {
      if (l.type === "outbound_shipping") shipping += l.amount.amount;
      if (l.type === "duties") duties += l.amount.amount;
      if (l.type === "goodwill") goodwill += l.amount.amount;
      if (l.type === "return_shipping_fee" && c.caseId === caseId) feeCharged = true;
    }
  }
  return {
    unitsByOrderLine: units,
    shippingRefunded: money(shipping, currency),
    dutiesRefunded: money(duties, currency),
    goodwillGiven: money(goodwill, currency),
    returnFeeCharged: feeCharged,
    caseVersions,
  };
}
