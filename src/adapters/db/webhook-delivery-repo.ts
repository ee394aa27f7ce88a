import { and, asc, desc, eq, lt } from "drizzle-orm";
import type { DeliveryStatus, WebhookDelivery, WebhookDeliveryRepo } from "../../app/notify/records.ts";
import type { Executor } from "./database.ts";
import { webhookAttempts, webhookDeliveries } from "./schema.ts";

const toDelivery = (r: typeof webhookDeliveries.$inferSelect): WebhookDelivery => ({
  ...r,
  payload: r.payload as Record<string, unknown>,
  status: r.status as DeliveryStatus,
});

export function webhookDeliveryRepo(db: Executor): WebhookDeliveryRepo {
  return {
    async ensure(d) {
      await db.insert(webhookDeliveries).values(d).onConflictDoNothing();
      const [row] = await db
        .select()
        .from(webhookDeliveries)
        .where(
          d.eventId === null
            ? eq(webhookDeliveries.id, d.id)
            : and(eq(webhookDeliveries.endpointId, d.endpointId), eq(webhookDeliveries.eventId, d.eventId)),
        );
      if (!row) throw new Error(`webhook delivery ${d.id} vanished`);
      return toDelivery(row);
    },
    async get(merchantId, id) {
      const [row] = await db
        .select()
        .from(webhookDeliveries)
        .where(and(eq(webhookDeliveries.id, id), eq(webhookDeliveries.merchantId, merchantId)));
      return row ? toDelivery(row) : null;
    },
    async list(merchantId, endpointId, q) {
      const where = [
        eq(webhookDeliveries.merchantId, merchantId),
        eq(webhookDeliveries.endpointId, endpointId),
      ];
      if (q.status) where.push(eq(webhookDeliveries.status, q.status));
      if (q.before) where.push(lt(webhookDeliveries.id, q.before));
      const rows = await db
        .select()
        .from(webhookDeliveries)
        .where(and(...where))
        .orderBy(desc(webhookDeliveries.id))
        .limit(q.limit);
      return rows.map(toDelivery);
    },
    async recordAttempt(d, a) {
      await db.insert(webhookAttempts).values(a);
      await db
        .update(webhookDeliveries)
        .set({
          status: d.status,
          attempts: d.attempts,
          lastStatus: d.lastStatus,
          lastError: d.lastError,
          deliveredAt: d.deliveredAt,
        })
        .where(eq(webhookDeliveries.id, d.id));
    },
    async attempts(merchantId, deliveryId) {
      const rows = await db
        .select({ a: webhookAttempts })
        .from(webhookAttempts)
        .innerJoin(webhookDeliveries, eq(webhookDeliveries.id, webhookAttempts.deliveryId))
        .where(and(eq(webhookDeliveries.merchantId, merchantId), eq(webhookAttempts.deliveryId, deliveryId)))
        .orderBy(asc(webhookAttempts.n));
      return rows.map(({ a: { n: _, ...a } }) => a);
    },
  };
}
