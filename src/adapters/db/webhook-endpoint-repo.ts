import { and, asc, eq, gt, isNotNull, or, sql } from "drizzle-orm";
import type { WebhookEndpoint, WebhookEndpointRepo, WebhookSecret } from "../../app/notify/records.ts";
import type { Executor } from "./database.ts";
import { webhookEndpoints } from "./schema.ts";

type Row = typeof webhookEndpoints.$inferSelect;
type SecretJson = { secret: string; createdAt: string; expiresAt: string | null };

const toEndpoint = (r: Row): WebhookEndpoint => ({
  ...r,
  eventTypes: r.eventTypes as string[],
  secrets: (r.secrets as SecretJson[]).map(
    (s): WebhookSecret => ({
      secret: s.secret,
      createdAt: new Date(s.createdAt),
      expiresAt: s.expiresAt ? new Date(s.expiresAt) : null,
    }),
  ),
});

const values = (e: WebhookEndpoint) => ({
  ...e,
  eventTypes: [...e.eventTypes],
  secrets: e.secrets.map(
    (s): SecretJson => ({
      secret: s.secret,
      createdAt: s.createdAt.toISOString(),
      expiresAt: s.expiresAt?.toISOString() ?? null,
    }),
  ),
});

export function webhookEndpointRepo(db: Executor): WebhookEndpointRepo {
  return {
    async insert(e) {
      await db.insert(webhookEndpoints).values(values(e));
    },
    async update(e) {
      const { id, merchantId, ...set } = values(e);
      await db
        .update(webhookEndpoints)
        .set(set)
        .where(and(eq(webhookEndpoints.id, id), eq(webhookEndpoints.merchantId, merchantId)));
    },
    async get(merchantId, id) {
      const [row] = await db
        .select()
        .from(webhookEndpoints)
        .where(and(eq(webhookEndpoints.id, id), eq(webhookEndpoints.merchantId, merchantId)));
      return row ? toEndpoint(row) : null;
    },
    async list(merchantId) {
      const rows = await db
        .select()
        .from(webhookEndpoints)
        .where(eq(webhookEndpoints.merchantId, merchantId))
        .orderBy(asc(webhookEndpoints.createdAt));
      return rows.map(toEndpoint);
    },
    async recordFailure(merchantId, id, at) {
      const [row] = await db
        .update(webhookEndpoints)
        .set({
          consecutiveFailures: sql`${webhookEndpoints.consecutiveFailures} + 1`,
          failingSince: sql`coalesce(${webhookEndpoints.failingSince}, ${at.toISOString()}::timestamptz)`,
        })
        .where(and(eq(webhookEndpoints.merchantId, merchantId), eq(webhookEndpoints.id, id)))
        .returning();
      return row ? toEndpoint(row) : null;
    },
    async recordSuccess(merchantId, id) {
      await db
        .update(webhookEndpoints)
        .set({ consecutiveFailures: 0, failingSince: null })
        .where(
          and(
            eq(webhookEndpoints.merchantId, merchantId),
            eq(webhookEndpoints.id, id),
            or(gt(webhookEndpoints.consecutiveFailures, 0), isNotNull(webhookEndpoints.failingSince)),
          ),
        );
    },
    async disable(merchantId, id, reason, at) {
      const rows = await db
        .update(webhookEndpoints)
        .set({ enabled: false, disabledReason: reason, disabledAt: at, updatedAt: at })
        .where(
          and(
            eq(webhookEndpoints.merchantId, merchantId),
            eq(webhookEndpoints.id, id),
            eq(webhookEndpoints.enabled, true),
          ),
        )
        .returning({ id: webhookEndpoints.id });
      return rows.length > 0;
    },
  };
}
