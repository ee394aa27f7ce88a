import { and, eq } from "drizzle-orm";
import type { CancellationRepo, ExtenuatingEventRepo } from "../../app/ports/index.ts";
import type { ExtenuatingEvent } from "../../domain/policy/extenuating-event.ts";
import type { Executor } from "./database.ts";
import { extenuatingEvents, orderCancellations } from "./schema.ts";

export function extenuatingEventRepo(db: Executor): ExtenuatingEventRepo {
  return {
    async upsert(merchantId, e, at, actorId, rowId) {
      const values = {
        description: e.description,
        countries: [...e.countries],
        regions: [...e.regions],
        startsAt: e.startsAt,
        endsAt: e.endsAt,
        effect: e.effect,
        extendDays: e.extendDays,
        createdAt: at,
        actorId,
      };
      const [existing] = await db
        .select({ id: extenuatingEvents.id })
        .from(extenuatingEvents)
        .where(and(eq(extenuatingEvents.merchantId, merchantId), eq(extenuatingEvents.externalId, e.id)));
      if (existing)
        await db.update(extenuatingEvents).set(values).where(eq(extenuatingEvents.id, existing.id));
      else await db.insert(extenuatingEvents).values({ id: rowId, merchantId, externalId: e.id, ...values });
    },
    async list(merchantId) {
      const rows = await db
        .select()
        .from(extenuatingEvents)
        .where(eq(extenuatingEvents.merchantId, merchantId))
        .orderBy(extenuatingEvents.startsAt);
      return rows.map(
        (r): ExtenuatingEvent => ({
          id: r.externalId,
          description: r.description,
          countries: r.countries,
          regions: r.regions,
          startsAt: r.startsAt,
          endsAt: r.endsAt,
          effect: r.effect === "extend_window" ? "extend_window" : "full_refund",
          extendDays: r.extendDays,
        }),
      );
    },
  };
}

export function cancellationRepo(db: Executor): CancellationRepo {
  return {
    async insert(merchantId, orderId, c) {
      const rows = await db
        .insert(orderCancellations)
        .values({
          orderId,
          merchantId,
          decision: c.decision,
          reason: c.reason,
          cancelledAt: c.cancelledAt,
          actorId: c.actorId,
        })
        .onConflictDoNothing()
        .returning({ id: orderCancellations.orderId });
      return rows.length > 0;
    },
    async get(merchantId, orderId) {
      const [row] = await db
        .select()
        .from(orderCancellations)
        .where(and(eq(orderCancellations.merchantId, merchantId), eq(orderCancellations.orderId, orderId)));
      return row
        ? { decision: row.decision, reason: row.reason, cancelledAt: row.cancelledAt, actorId: row.actorId }
        : null;
    },
  };
}
