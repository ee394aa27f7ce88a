import { randomUUID } from "node:crypto";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, expect, it } from "vitest";
import { describeEachDb } from "../../support/databases.ts";
import { call, orderJson } from "../../support/fixtures.ts";
import { GENEROUS_POLICY, type Harness, merchantWithKey, startHarness } from "../../support/harness.ts";

/**
 * What each tender gave back: the sum of its settlements that are not failed or cancelled, of this
 * merchant only, read tender by tender (refund-history.ts). Settlements written as rows, one per status.
 */
describeEachDb("refunded by tender", (kind) => {
  let h: Harness;
  let merchant = "";
  let other = "";
  let card = "";
  let gift = "";
  let orderId = "";

  const rows = async <T>(q: ReturnType<typeof sql>) =>
    ((await h.database.db.execute(q)) as unknown as { rows: T[] }).rows;

  const settle = (merchantId: string, tenderId: string, amount: number, status: string) =>
    h.database.db.execute(sql`insert into settlements
      (id, merchant_id, order_id, tender_id, method, gateway, amount, currency, status, idempotency_key,
       created_at, updated_at)
      values (${randomUUID()}, ${merchantId}, ${orderId}, ${tenderId}, 'original_payment', 'manual', ${amount},
       'EUR', ${status}, ${randomUUID()}, now(), now())`);

  beforeAll(async () => {
    h = await startHarness(kind);
    const m = await merchantWithKey(h.deps, "history", { policy: GENEROUS_POLICY });
    merchant = m.merchantId;
    other = (await merchantWithKey(h.deps, "someone-else", { policy: GENEROUS_POLICY })).merchantId;
    expect((await call(h.app, m.auth, "PUT", "/api/v1/orders/ORD-1", orderJson())).status).toBe(201);
    const tenders = await rows<{ id: string; kind: string; order_id: string }>(
      sql`select t.id, t.kind, t.order_id from order_tenders t join orders o on o.id = t.order_id
        where o.merchant_id = ${merchant} order by t.position`,
    );
    card = tenders.find((t) => t.kind === "card")?.id ?? "";
    gift = tenders.find((t) => t.kind === "gift_card")?.id ?? "";
    orderId = tenders[0]?.order_id ?? "";
    const statuses = ["succeeded", "pending", "processing", "awaiting_provider", "failed", "cancelled"];
    for (const [i, status] of statuses.entries()) await settle(merchant, card, 100 * (i + 1), status);
    await settle(merchant, gift, 7, "succeeded");
    // Another merchant's row naming the same tender (it cannot happen through the API) counts for nobody here.
    await settle(other, card, 5000, "succeeded");
  });
  afterAll(() => h.close());

  it("sums each tender's settlements that are not failed or cancelled, of this merchant only", async () => {
    const byTender = await h.deps.store.read.settlements.refundedByTender(merchant, [card, gift, card]);
    expect(byTender).toEqual(
      new Map([
        [card, 100 + 200 + 300 + 400],
        [gift, 7],
      ]),
    );
    const history = await h.deps.store.read.refunds.history(merchant, orderId, "", "EUR", [card, gift]);
    expect(history.refundedByTender).toEqual(byTender);
    expect(await h.deps.store.read.settlements.refundedByTender(other, [card])).toEqual(
      new Map([[card, 5000]]),
    );
    // A tender with nothing refunded is absent, as is every tender of a merchant that has none.
    await h.database.db.execute(sql`delete from settlements where tender_id = ${gift}`);
    expect((await h.deps.store.read.settlements.refundedByTender(merchant, [gift])).size).toBe(0);
    expect((await h.deps.store.read.settlements.refundedByTender(randomUUID(), [card])).size).toBe(0);
  });
});
