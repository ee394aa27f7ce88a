import { lt } from "drizzle-orm";
import type { RetentionRepo } from "../../app/retention.ts";
import type { Executor } from "./database.ts";
import { idempotencyKeys, webhookEvents } from "./schema.ts";

export function retentionRepo(db: Executor): RetentionRepo {
  return {
    async purgeIdempotencyKeys(before) {
      const gone = await db
        .delete(idempotencyKeys)
        .where(lt(idempotencyKeys.updatedAt, before))
        .returning({ k: idempotencyKeys.key });
      return gone.length;
    },
    async purgeWebhookEvents(before) {
      const gone = await db
        .delete(webhookEvents)
        .where(lt(webhookEvents.receivedAt, before))
        .returning({ k: webhookEvents.eventId });
      return gone.length;
    },
  };
}
