import { afterAll, beforeAll, expect, it } from "vitest";
import { purgeExpired } from "../../src/app/retention.ts";
import { readConfig } from "../../src/cli/config.ts";
import { describeEachDb } from "../support/databases.ts";
import { type Harness, merchantWithKey, startHarness } from "../support/harness.ts";

/** Issue 8 point 13: idempotency keys and webhook events are purged after their retention. */
describeEachDb("retention purge", (kind) => {
  let h: Harness;
  let merchantId: string;
  beforeAll(async () => {
    h = await startHarness(kind);
    merchantId = (await merchantWithKey(h.deps, "acme")).merchantId;
  });
  afterAll(() => h.close());

  it("deletes idempotency keys older than 30 days and webhook events older than 90; keeps newer ones", async () => {
    const r = h.deps.store.read;
    await r.idempotency.claim(merchantId, "old-key", "fp", h.clock.now());
    await r.idempotency.finish(merchantId, "old-key", "completed", 201, { iban: "stored" }, h.clock.now());
    await r.webhookEvents.firstSeen("stripe", "evt_old", h.clock.now());
    h.clock.advance(31 * 86_400_000);
    await r.idempotency.claim(merchantId, "new-key", "fp", h.clock.now());
    expect(await purgeExpired(h.deps)).toEqual({ idempotencyKeys: 1, webhookEvents: 0 });
    expect(await r.idempotency.claim(merchantId, "new-key", "fp", h.clock.now())).not.toBeNull();
    // The old key is free again: a claim makes a new row (null = claimed afresh).
    expect(await r.idempotency.claim(merchantId, "old-key", "fp", h.clock.now())).toBeNull();
    h.clock.advance(60 * 86_400_000);
    expect((await purgeExpired(h.deps)).webhookEvents).toBe(1);
    expect(await r.webhookEvents.firstSeen("stripe", "evt_old", h.clock.now())).toBe(true);
  });

  it("reads the retention from the environment", () => {
    expect(readConfig({}).retention).toEqual({ idempotencyDays: 30, webhookEventDays: 90 });
    expect(readConfig({ CROSSBACK_RETENTION_IDEMPOTENCY_DAYS: "7" }).retention.idempotencyDays).toBe(7);
  });
});
