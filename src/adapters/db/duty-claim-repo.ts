import { and, desc, eq } from "drizzle-orm";
import type { DutyClaim, DutyClaimRepo } from "../../app/logistics/records.ts";
import type { ClaimState, DutyRegime } from "../../domain/logistics/duty-recovery.ts";
import type { Executor } from "./database.ts";
import { dutyClaims } from "./schema.ts";

type Row = typeof dutyClaims.$inferSelect;

const toClaim = (r: Row): DutyClaim => ({
  ...r,
  regime: r.regime as DutyRegime,
  state: r.state as ClaimState,
  paid: { amount: r.paid, currency: r.currency },
  recoverable: { amount: r.recoverable, currency: r.currency },
  recovered: r.recovered === null ? null : { amount: r.recovered, currency: r.currency },
  evidence: r.evidence as Record<string, unknown>,
});

function toRow(c: DutyClaim): Row {
  return {
    ...c,
    currency: c.paid.currency,
    paid: c.paid.amount,
    recoverable: c.recoverable.amount,
    recovered: c.recovered?.amount ?? null,
    evidence: c.evidence,
  };
}

export function dutyClaimRepo(db: Executor): DutyClaimRepo {
  return {
    async insert(c) {
      const rows = await db
        .insert(dutyClaims)
        .values(toRow(c))
        .onConflictDoNothing()
        .returning({ id: dutyClaims.id });
      return rows.length > 0;
    },
    async update(c) {
      const { id, ...set } = toRow(c);
      await db.update(dutyClaims).set(set).where(eq(dutyClaims.id, id));
    },
    async get(merchantId, id) {
      const [row] = await db
        .select()
        .from(dutyClaims)
        .where(and(eq(dutyClaims.merchantId, merchantId), eq(dutyClaims.id, id)))
        .for("update");
      return row ? toClaim(row) : null;
    },
    async list(merchantId, q) {
      const rows = await db
        .select()
        .from(dutyClaims)
        .where(
          and(
            eq(dutyClaims.merchantId, merchantId),
            q.state ? eq(dutyClaims.state, q.state) : undefined,
            q.regime ? eq(dutyClaims.regime, q.regime) : undefined,
            q.caseId ? eq(dutyClaims.caseId, q.caseId) : undefined,
          ),
        )
        .orderBy(desc(dutyClaims.createdAt), dutyClaims.id)
        .limit(q.limit);
      return rows.map(toClaim);
    },
  };
}
