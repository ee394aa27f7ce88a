import { and, asc, desc, eq, gte, isNotNull, isNull, lt, ne, or, sql } from "drizzle-orm";
import type {
  Settlement,
  SettlementChange,
  SettlementFx,
  SettlementMethod,
  SettlementRepo,
  SettlementStatus,
} from "../../app/ports/index.ts";
import type { BankSeal } from "./bank-seal.ts";
import { insertRow, updateRows } from "./built-rows.ts";
import type { Executor } from "./database.ts";
import { prepared } from "./prepared.ts";
import { readRefundedByTender } from "./refund-history.ts";
import { settlements } from "./schema.ts";

type Row = typeof settlements.$inferSelect;

/** Settlement ids are UUIDs; anything else (a provider's stray reference) is no settlement. */
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function fromRow(r: Row, seal: BankSeal): Settlement {
  return {
    id: r.id,
    merchantId: r.merchantId,
    caseId: r.caseId,
    orderId: r.orderId,
    tenderId: r.tenderId,
    method: r.method as SettlementMethod,
    gateway: r.gateway,
    amount: { amount: r.amount, currency: r.currency },
    status: r.status as SettlementStatus,
    idempotencyKey: r.idempotencyKey,
    providerReference: r.providerReference,
    failureReason: r.failureReason,
    attempts: r.attempts,
    createdAt: r.createdAt,
    updatedAt: r.updatedAt,
    calculationId: r.calculationId,
    fx: (r.fx as SettlementFx | null) ?? null,
    bankAccount: seal.open(r.bankAccount),
    approvedBy: r.approvedBy,
    approvedAt: r.approvedAt,
    firstApprovedBy: r.firstApprovedBy,
    firstApprovedAt: r.firstApprovedAt,
    exportedAt: r.exportedAt,
    nextAttemptAt: r.nextAttemptAt,
  };
}

function toRow(s: Settlement, seal: BankSeal): Row {
  return {
    id: s.id,
    merchantId: s.merchantId,
    caseId: s.caseId,
    orderId: s.orderId,
    tenderId: s.tenderId,
    method: s.method,
    gateway: s.gateway,
    amount: s.amount.amount,
    currency: s.amount.currency,
    status: s.status,
    idempotencyKey: s.idempotencyKey,
    providerReference: s.providerReference,
    failureReason: s.failureReason,
    ledgerTransactionId: null,
    attempts: s.attempts,
    createdAt: s.createdAt,
    updatedAt: s.updatedAt,
    calculationId: s.calculationId ?? null,
    settlementCurrency: s.fx?.currency ?? null,
    settlementAmount: s.fx?.amount ?? null,
    fx: s.fx ?? null,
    bankAccount: seal.seal(s.bankAccount),
    approvedBy: s.approvedBy ?? null,
    approvedAt: s.approvedAt ?? null,
    firstApprovedBy: s.firstApprovedBy ?? null,
    firstApprovedAt: s.firstApprovedAt ?? null,
    exportedAt: s.exportedAt ?? null,
    nextAttemptAt: s.nextAttemptAt ?? null,
  };
}

/** Only refunds through a payment provider are ever claimed for a provider call (never bank transfers). */
const providerRefund = and(eq(settlements.method, "original_payment"), isNotNull(settlements.gateway));

/** The columns a state change writes (undefined fields stay as they are). */
function changeColumns(c: SettlementChange, seal: BankSeal): Partial<Row> {
  const out: Partial<Row> = {};
  if (c.status !== undefined) out.status = c.status;
  if (c.providerReference !== undefined) out.providerReference = c.providerReference;
  if (c.failureReason !== undefined) out.failureReason = c.failureReason;
  if (c.fx !== undefined) {
    out.fx = c.fx;
    out.settlementCurrency = c.fx?.currency ?? null;
    out.settlementAmount = c.fx?.amount ?? null;
  }
  if (c.bankAccount !== undefined) out.bankAccount = seal.seal(c.bankAccount);
  if (c.approvedBy !== undefined) out.approvedBy = c.approvedBy;
  if (c.approvedAt !== undefined) out.approvedAt = c.approvedAt;
  if (c.firstApprovedBy !== undefined) out.firstApprovedBy = c.firstApprovedBy;
  if (c.firstApprovedAt !== undefined) out.firstApprovedAt = c.firstApprovedAt;
  if (c.exportedAt !== undefined) out.exportedAt = c.exportedAt;
  if (c.attempts !== undefined) out.attempts = c.attempts;
  return out;
}

/** Bank details are sealed on every write and opened on every read (`bank-seal.ts`). */
export function settlementRepo(db: Executor, seal: BankSeal): SettlementRepo {
  const toSettlement = (r: Row) => fromRow(r, seal);
  return {
    async insert(s) {
      await insertRow(db, settlements, toRow(s, seal));
    },
    async transition(id, expected, change, at) {
      const [row] = await updateRows(
        db,
        "settlement_transition",
        settlements,
        { ...changeColumns(change, seal), updatedAt: at },
        () =>
          and(
            eq(settlements.id, sql.placeholder("id")),
            eq(settlements.status, sql.placeholder("expected")),
          ) ?? sql`false`,
        { id, expected },
      );
      return row ? toSettlement(row) : null;
    },
    async lock(id) {
      if (!UUID.test(id)) return null;
      const q = prepared(db, "settlement_lock", () =>
        db
          .select()
          .from(settlements)
          .where(eq(settlements.id, sql.placeholder("id")))
          .for("update")
          .prepare("settlement_lock"),
      );
      const [row] = await q.execute({ id });
      return row ? toSettlement(row) : null;
    },
    async byCase(merchantId, caseId) {
      const rows = await db
        .select()
        .from(settlements)
        .where(and(eq(settlements.merchantId, merchantId), eq(settlements.caseId, caseId)))
        .orderBy(asc(settlements.createdAt), asc(settlements.id));
      return rows.map(toSettlement);
    },
    async get(merchantId, id) {
      if (!UUID.test(id)) return null;
      const [row] = await db
        .select()
        .from(settlements)
        .where(and(eq(settlements.id, id), eq(settlements.merchantId, merchantId)));
      return row ? toSettlement(row) : null;
    },
    async claim(id, at, staleBefore, maxAttempts) {
      const q = prepared(db, "settlement_claim", () =>
        db
          .update(settlements)
          .set({
            status: "processing",
            attempts: sql`${settlements.attempts} + 1`,
            updatedAt: sql`${sql.placeholder("at")}::timestamptz`,
          })
          .where(
            and(
              eq(settlements.id, sql.placeholder("id")),
              providerRefund,
              lt(settlements.attempts, sql.placeholder("maxAttempts")),
              or(
                eq(settlements.status, "pending"),
                and(
                  eq(settlements.status, "processing"),
                  lt(settlements.updatedAt, sql`${sql.placeholder("staleBefore")}::timestamptz`),
                ),
              ),
            ),
          )
          .returning()
          .prepare("settlement_claim"),
      );
      const [row] = await q.execute({ id, at, staleBefore, maxAttempts });
      return row ? toSettlement(row) : null;
    },
    async recoverable(staleBefore, limit) {
      const rows = await db
        .select()
        .from(settlements)
        .where(
          and(
            providerRefund,
            or(
              eq(settlements.status, "pending"),
              and(eq(settlements.status, "processing"), lt(settlements.updatedAt, staleBefore)),
            ),
          ),
        )
        .orderBy(asc(settlements.createdAt))
        .limit(limit);
      return rows.map(toSettlement);
    },
    async earliestClaimSince(since) {
      const [row] = await db
        .select({ at: sql<Date | string | null>`min(${settlements.updatedAt})` })
        .from(settlements)
        .where(and(providerRefund, eq(settlements.status, "processing"), gte(settlements.updatedAt, since)));
      return row?.at ? new Date(row.at) : null;
    },
    async stuck(status, before, limit) {
      const rows = await db
        .select()
        .from(settlements)
        .where(and(providerRefund, eq(settlements.status, status), lt(settlements.updatedAt, before)))
        .orderBy(asc(settlements.updatedAt))
        .limit(limit);
      return rows.map(toSettlement);
    },
    async fxReport(merchantId, from, to) {
      const rows = await db
        .select({
          currency: settlements.currency,
          settlementCurrency: sql<string>`coalesce(${settlements.settlementCurrency}, '')`,
          refunds: sql<string>`count(*)`,
          refunded: sql<string>`sum(${settlements.amount})`,
          settlementValue: sql<string>`coalesce(sum(${settlements.settlementAmount}), 0)`,
          valueAtCapture: sql<string>`coalesce(sum((${settlements.fx}->>'amountAtCapture')::bigint), 0)`,
          gainLoss: sql<string>`coalesce(sum((${settlements.fx}->>'gainLoss')::bigint), 0)`,
          unvalued: sql<string>`count(*) filter (where ${settlements.fx} is null)`,
        })
        .from(settlements)
        .where(
          and(
            eq(settlements.merchantId, merchantId),
            eq(settlements.status, "succeeded"),
            ne(settlements.method, "store_credit"),
            gte(settlements.updatedAt, from),
            lt(settlements.updatedAt, to),
          ),
        )
        .groupBy(settlements.currency, sql`coalesce(${settlements.settlementCurrency}, '')`)
        .orderBy(settlements.currency);
      return rows.map((r) => ({
        currency: r.currency,
        settlementCurrency: r.settlementCurrency,
        refunds: Number(r.refunds),
        refunded: Number(r.refunded),
        settlementValue: Number(r.settlementValue),
        valueAtCapture: Number(r.valueAtCapture),
        gainLoss: Number(r.gainLoss),
        unvalued: Number(r.unvalued),
      }));
    },
    async byProviderReference(gateway, reference) {
      const [row] = await db
        .select()
        .from(settlements)
        .where(and(eq(settlements.gateway, gateway), eq(settlements.providerReference, reference)));
      return row ? toSettlement(row) : null;
    },
    async exportable(merchantId, currency) {
      const rows = await db
        .select()
        .from(settlements)
        .where(
          and(
            eq(settlements.merchantId, merchantId),
            eq(settlements.method, "bank_transfer"),
            eq(settlements.status, "awaiting_export"),
            eq(settlements.currency, currency),
            isNotNull(settlements.approvedAt),
            isNull(settlements.exportedAt),
          ),
        )
        .orderBy(asc(settlements.createdAt))
        .for("update");
      return rows.map(toSettlement);
    },
    async list(merchantId, q) {
      const where = [eq(settlements.merchantId, merchantId)];
      if (q.status) where.push(eq(settlements.status, q.status));
      if (q.method) where.push(eq(settlements.method, q.method));
      const rows = await db
        .select()
        .from(settlements)
        .where(and(...where))
        .orderBy(desc(settlements.createdAt))
        .limit(q.limit);
      return rows.map(toSettlement);
    },
    async ofOrder(merchantId, orderId) {
      const rows = await db
        .selectDistinct({ tenderId: settlements.tenderId })
        .from(settlements)
        .where(and(eq(settlements.merchantId, merchantId), eq(settlements.orderId, orderId)));
      return {
        any: rows.length > 0,
        tenderIds: new Set(rows.flatMap((r) => (r.tenderId ? [r.tenderId] : []))),
      };
    },
    refundedByTender: (merchantId, tenderIds) => readRefundedByTender(db, merchantId, tenderIds),
  };
}
