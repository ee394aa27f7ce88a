import { and, desc, eq, lte } from "drizzle-orm";
import type { FxRepo, WebhookEventRepo } from "../../app/ports/index.ts";
import type { Executor } from "./database.ts";
import { fxRates, webhookEvents } from "./schema.ts";

export function fxRepo(db: Executor): FxRepo {
  return {
    async upsert(source, rates) {
      for (let i = 0; i < rates.length; i += 500) {
        const chunk = rates.slice(i, i + 500).map((r) => ({ source, ...r }));
        await db
          .insert(fxRates)
          .values(chunk)
          .onConflictDoUpdate({
            target: [fxRates.source, fxRates.date, fxRates.currency],
            set: { rate: fxRates.rate },
          });
      }
      return rates.length;
    },
    async rateOn(source, currency, date) {
      const [row] = await db
        .select({ date: fxRates.date, rate: fxRates.rate })
        .from(fxRates)
        .where(and(eq(fxRates.source, source), eq(fxRates.currency, currency), lte(fxRates.date, date)))
        .orderBy(desc(fxRates.date))
        .limit(1);
      return row ?? null;
    },
  };
}

export function webhookEventRepo(db: Executor): WebhookEventRepo {
  return {
    async firstSeen(provider, eventId, at) {
      const rows = await db
        .insert(webhookEvents)
        .values({ provider, eventId, receivedAt: at })
        .onConflictDoNothing()
        .returning({ id: webhookEvents.eventId });
      return rows.length > 0;
    },
  };
}
