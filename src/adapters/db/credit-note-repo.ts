import { and, desc, eq, sql } from "drizzle-orm";
import type { CreditNoteRecord, CreditNoteRepo } from "../../app/ports/index.ts";
import type { Executor } from "./database.ts";
import { creditNoteCounters, creditNotes } from "./schema.ts";

type Row = typeof creditNotes.$inferSelect;
const toRecord = (r: Row): CreditNoteRecord => ({
  id: r.id,
  merchantId: r.merchantId,
  legalEntityId: r.legalEntityId,
  number: r.number,
  caseId: r.caseId,
  calculationId: r.calculationId,
  document: r.document as Record<string, unknown>,
  issuedAt: r.issuedAt,
});

export function creditNoteRepo(db: Executor): CreditNoteRepo {
  return {
    async nextSequence(legalEntityId, year) {
      // The row lock of this upsert serialises issuers per entity and year; a rollback gives the number back.
      const [row] = await db
        .insert(creditNoteCounters)
        .values({ legalEntityId, year, value: 1 })
        .onConflictDoUpdate({
          target: [creditNoteCounters.legalEntityId, creditNoteCounters.year],
          set: { value: sql`${creditNoteCounters.value} + 1` },
        })
        .returning({ value: creditNoteCounters.value });
      if (!row) throw new Error("credit-note counter not advanced");
      return row.value;
    },
    async insert(n) {
      await db.insert(creditNotes).values({ ...n, document: n.document });
    },
    async get(merchantId, id) {
      const [row] = await db
        .select()
        .from(creditNotes)
        .where(and(eq(creditNotes.merchantId, merchantId), eq(creditNotes.id, id)));
      return row ? toRecord(row) : null;
    },
    async byCase(merchantId, caseId) {
      return (
        await db
          .select()
          .from(creditNotes)
          .where(and(eq(creditNotes.merchantId, merchantId), eq(creditNotes.caseId, caseId)))
          .orderBy(creditNotes.issuedAt)
      ).map(toRecord);
    },
    async list(merchantId, limit, caseId) {
      const where = [eq(creditNotes.merchantId, merchantId)];
      if (caseId) where.push(eq(creditNotes.caseId, caseId));
      return (
        await db
          .select()
          .from(creditNotes)
          .where(and(...where))
          .orderBy(desc(creditNotes.issuedAt))
          .limit(limit)
      ).map(toRecord);
    },
  };
}
