import type { Deps } from "./ports/index.ts";

/** How long operational records are kept (issue 8 point 13). */
export interface RetentionSettings {
  /** Idempotency keys and their stored responses (a retry after this is a new request). */
  readonly idempotencyDays: number;
  /** Provider webhook events kept for de-duplication (providers stop resending after days). */
  readonly webhookEventDays: number;
}

export const DEFAULT_RETENTION: RetentionSettings = { idempotencyDays: 30, webhookEventDays: 90 };

export interface RetentionRepo {
  purgeIdempotencyKeys(before: Date): Promise<number>;
  purgeWebhookEvents(before: Date): Promise<number>;
}

const DAY = 86_400_000;

/** Deletes what is older than the retention allows; answers how many rows went. */
export async function purgeExpired(
  deps: Deps,
  settings: RetentionSettings = deps.retention ?? DEFAULT_RETENTION,
): Promise<{ idempotencyKeys: number; webhookEvents: number }> {
  const now = deps.clock.now().getTime();
  return deps.store.transaction(async (r) => ({
    idempotencyKeys: await r.retention.purgeIdempotencyKeys(new Date(now - settings.idempotencyDays * DAY)),
    webhookEvents: await r.retention.purgeWebhookEvents(new Date(now - settings.webhookEventDays * DAY)),
  }));
}
