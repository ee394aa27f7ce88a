import { and, desc, eq, inArray, isNotNull, isNull } from "drizzle-orm";
import type { BlindReceipt, ReceivingRepo } from "../../app/receiving/records.ts";
import type { Actor } from "../../domain/actor.ts";
import type { BlindReceiptStatus, ParkedItem } from "../../domain/receiving/blind-receipt.ts";
import { nextCounter } from "./counter.ts";
import type { Executor } from "./database.ts";
import { blindReceipts, locations, products, receipts, returnCases } from "./schema.ts";

type Row = typeof blindReceipts.$inferSelect;

const toBlind = (r: Row): BlindReceipt => ({
  id: r.id,
  merchantId: r.merchantId,
  number: r.number,
  locationId: r.locationId,
  scannedCode: r.scannedCode,
  items: r.items as ParkedItem[],
  note: r.note,
  status: r.status as BlindReceiptStatus,
  caseId: r.caseId,
  parkedAt: r.parkedAt,
  parkedBy: r.parkedBy as Actor,
  matchedAt: r.matchedAt,
  matchedBy: (r.matchedBy as Actor | null) ?? null,
});

export function receivingRepo(db: Executor): ReceivingRepo {
  return {
    nextBlindNumber: (merchantId) => nextCounter(db, merchantId, "blind_receipt"),
    async insertBlind(b) {
      await db.insert(blindReceipts).values({ ...b, items: [...b.items] });
    },
    async blind(merchantId, id, lock = false) {
      const q = db
        .select()
        .from(blindReceipts)
        .where(and(eq(blindReceipts.merchantId, merchantId), eq(blindReceipts.id, id)));
      const [row] = lock ? await q.for("update") : await q;
      return row ? toBlind(row) : null;
    },
    async listBlind(merchantId, q) {
      const rows = await db
        .select()
        .from(blindReceipts)
        .where(
          and(
            eq(blindReceipts.merchantId, merchantId),
            q.status ? eq(blindReceipts.status, q.status) : undefined,
          ),
        )
        .orderBy(desc(blindReceipts.parkedAt), desc(blindReceipts.id))
        .limit(q.limit);
      return rows.map(toBlind);
    },
    async markMatched(merchantId, id, caseId, at, by) {
      await db
        .update(blindReceipts)
        .set({ status: "matched", caseId, matchedAt: at, matchedBy: by })
        .where(and(eq(blindReceipts.merchantId, merchantId), eq(blindReceipts.id, id)));
    },
    async caseIdByNumber(merchantId, number) {
      const [row] = await db
        .select({ id: returnCases.id })
        .from(returnCases)
        .where(and(eq(returnCases.merchantId, merchantId), eq(returnCases.number, number)));
      return row?.id ?? null;
    },
    async caseIdsByOrder(merchantId, orderId) {
      const rows = await db
        .select({ id: returnCases.id })
        .from(returnCases)
        .where(and(eq(returnCases.merchantId, merchantId), eq(returnCases.orderId, orderId)))
        .orderBy(desc(returnCases.createdAt))
        .limit(20);
      return rows.map((r) => r.id);
    },
    async gtins(merchantId, skus) {
      if (skus.length === 0) return new Map();
      const rows = await db
        .select({ sku: products.sku, gtin: products.gtin })
        .from(products)
        .where(
          and(
            eq(products.merchantId, merchantId),
            inArray(products.sku, [...skus]),
            isNotNull(products.gtin),
          ),
        );
      return new Map(rows.flatMap((r) => (r.gtin ? [[r.sku, r.gtin] as const] : [])));
    },
    async receiptLocations(merchantId, caseId) {
      const rows = await db
        .select({ lineId: receipts.lineId, code: locations.code })
        .from(receipts)
        .innerJoin(locations, eq(locations.id, receipts.locationId))
        .where(
          and(eq(locations.merchantId, merchantId), eq(receipts.caseId, caseId), isNull(receipts.exception)),
        )
        .orderBy(receipts.at);
      const out = new Map<string, string>();
      for (const r of rows) if (r.lineId) out.set(r.lineId, r.code);
      return out;
    },
  };
}
