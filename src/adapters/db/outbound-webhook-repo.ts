import { and, asc, eq } from "drizzle-orm";
import type { OutboundWebhook, OutboundWebhookRepo } from "../../app/logistics/records.ts";
import type { Executor } from "./database.ts";
import { outboundWebhooks } from "./schema.ts";

const toWebhook = (r: typeof outboundWebhooks.$inferSelect): OutboundWebhook => ({
  ...r,
  status: r.status as OutboundWebhook["status"],
});

export function outboundWebhookRepo(db: Executor): OutboundWebhookRepo {
  return {
    async insert(w) {
      await db.insert(outboundWebhooks).values(w);
    },
    async update(w) {
      const { id, ...set } = w;
      await db.update(outboundWebhooks).set(set).where(eq(outboundWebhooks.id, id));
    },
    async get(id) {
      const [row] = await db.select().from(outboundWebhooks).where(eq(outboundWebhooks.id, id));
      return row ? toWebhook(row) : null;
    },
    async bySubject(merchantId, subjectId) {
      const rows = await db
        .select()
        .from(outboundWebhooks)
        .where(and(eq(outboundWebhooks.merchantId, merchantId), eq(outboundWebhooks.subjectId, subjectId)))
        .orderBy(asc(outboundWebhooks.createdAt));
      return rows.map(toWebhook);
    },
    async pending(limit) {
      const rows = await db
        .select()
        .from(outboundWebhooks)
        .where(eq(outboundWebhooks.status, "pending"))
        .orderBy(asc(outboundWebhooks.createdAt))
        .limit(limit);
      return rows.map(toWebhook);
    },
  };
}
