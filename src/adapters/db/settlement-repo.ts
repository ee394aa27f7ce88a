import {
  and,
  asc,
  desc,
  eq,
  gte,
  inArray,
  isNotNull,
  isNull,
  lt,
  ne,
  notInArray,
  or,
  sql,
} from "drizzle-orm";
import type {
  Settlement,
  SettlementFx,
  SettlementMethod,
  SettlementRepo,
  SettlementStatus,
} from "../../app/ports.ts";
import type { Executor } from "./database.ts";
import { settlements } from "./schema.ts";

type Row = typeof settlements.$inferSelect;

function toSettlement(r: Row): Settlement {
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
    bankAccount: (r.bankAccount as Record<string, unknown> | null) ?? null,
    approvedBy: r.approvedBy,
    approvedAt: r.approvedAt,
    exportedAt: r.exportedAt,
    nextAttemptAt: r.nextAttemptAt,
  };
}

function toRow(s: Settlement): Row {
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
    bankAccount: s.bankAccount ?? null,
    approvedBy: s.approvedBy ?? null,
    approvedAt: s.approvedAt ?? null,
    exportedAt: s.exportedAt ?? null,
    nextAttemptAt: s.nextAttemptAt ?? null,
  };
}

export function settlementRepo(db: Executor): SettlementRepo {
  return {
    async insert(s) {
      await db.insert(settlements).values(toRow(s));
    },
    async update(s) {
      const { id, merchantId, caseId, createdAt, idempotencyKey, ledgerTransactionId, ...rest } = toRow(s);
      await db.update(settlements).set(rest).where(eq(settlements.id, id));
    },
    async byCase(caseId) {
      const rows = await db
        .select()
        .from(settlements)
        .where(eq(settlements.caseId, caseId))
        .orderBy(asc(settlements.createdAt), asc(settlements.id));
      return rows.map(toSettlement);
    },
    async get(id) {
      const [row] = await db.select().from(settlements).where(eq(settlements.id, id));
      return row ? toSettlement(row) : null;
    },
    async claim(id, at, staleBefore) {
      const [row] = await db
        .update(settlements)
        .set({ status: "processing", attempts: sql`${settlements.attempts} + 1`, updatedAt: at })
        .where(
          and(
            eq(settlements.id, id),
            or(
              eq(settlements.status, "pending"),
              and(eq(settlements.status, "processing"), lt(settlements.updatedAt, staleBefore)),
            ),
          ),
        )
        .returning();
      return row ? toSettlement(row) : null;
    },
    async recoverable(staleBefore, limit) {
      const rows = await db
        .select()
        .from(settlements)
        .where(
          or(
            eq(settlements.status, "pending"),
            and(eq(settlements.status, "processing"), lt(settlements.updatedAt, staleBefore)),
          ),
        )
        .orderBy(asc(settlements.createdAt))
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
            eq(settlements.status, "processing"),
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
    async refundedByTender(tenderIds) {
      if (tenderIds.length === 0) return new Map();
      const rows = await db
        .select({ tenderId: settlements.tenderId, total: sql<string>`sum(${settlements.amount})` })
        .from(settlements)
        .where(
          and(
            inArray(settlements.tenderId, [...tenderIds]),
            notInArray(settlements.status, ["failed", "cancelled"]),
          ),
        )
        .groupBy(settlements.tenderId);
      return new Map(rows.flatMap((r) => (r.tenderId ? [[r.tenderId, Number(r.total)] as const] : [])));
    },
  };
}
