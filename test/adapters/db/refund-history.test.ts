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

  it("sums the order's earlier calculations in the database: units per line, shipping, duties, goodwill, this case's fee and versions", async () => {
    const auth = (await merchantWithKey(h.deps, "history-sums", { policy: GENEROUS_POLICY })).auth;
    const m = await rows<{ id: string }>(sql`select id from merchants where slug = 'history-sums'`);
    const mid = m[0]?.id ?? "";
    expect((await call(h.app, auth, "PUT", "/api/v1/orders/ORD-S", orderJson())).status).toBe(201);
    const open = async () => {
      const res = await call(h.app, auth, "POST", "/api/v1/returns", {
        orderExternalId: "ORD-S",
        lines: [{ orderLineExternalId: "L1", quantity: 1, reason: "changed_mind" }],
        requestedResolution: "refund",
      });
      expect(res.status).toBe(201);
      return String((res.body as { id: string }).id);
    };
    const [a, b] = [await open(), await open()];
    const lineIds = await rows<{ id: string; external_id: string }>(
      sql`select l.id, l.external_id from order_lines l join orders o on o.id = l.order_id
        where o.merchant_id = ${mid} and o.external_id = 'ORD-S'`,
    );
    const l1 = lineIds.find((l) => l.external_id === "L1")?.id ?? "";
    const l2 = lineIds.find((l) => l.external_id === "L2")?.id ?? "";
    const line = (type: string, amount: number) => ({ type, amount: { amount, currency: "EUR" } });
    // Each calculation as written: case, units, lines. Case a has two versions and charged its fee.
    const calcs = [
      {
        caseId: a,
        units: [{ orderLineId: l1, quantity: 1 }],
        lines: [line("item", 3990), line("outbound_shipping", 495), line("return_shipping_fee", -300)],
      },
      {
        caseId: a,
        units: [
          { orderLineId: l1, quantity: 1 },
          { orderLineId: l2, quantity: 1 },
        ],
        lines: [line("item", 2990), line("duties", 120), line("goodwill", 500)],
      },
      {
        caseId: b,
        units: [{ orderLineId: l2, quantity: 2 }],
        lines: [line("outbound_shipping", 5), line("goodwill", 1), line("duties", 7)],
      },
    ];
    for (const [i, c] of calcs.entries())
      await h.database.db.execute(sql`insert into refund_calculations
        (id, merchant_id, case_id, version, currency, total, units, lines, by_destination, created_at, actor_id)
        values (${randomUUID()}, ${mid}, ${c.caseId}, ${i + 1}, 'EUR', 0, ${JSON.stringify(c.units)}::jsonb,
          ${JSON.stringify(c.lines)}::jsonb, '[]'::jsonb, now(), 'test')`);
    // The expected sums, made here from the rows above, not by the code under test.
    const sum = (type: string) =>
      calcs
        .flatMap((c) => c.lines)
        .filter((l) => l.type === type)
        .reduce((t, l) => t + l.amount.amount, 0);
    const units = new Map<string, number>();
    for (const u of calcs.flatMap((c) => c.units))
      units.set(u.orderLineId, (units.get(u.orderLineId) ?? 0) + u.quantity);
    const orderId =
      (
        await rows<{ id: string }>(
          sql`select id from orders where merchant_id = ${mid} and external_id = 'ORD-S'`,
        )
      )[0]?.id ?? "";
    const expected = (caseVersions: number, returnFeeCharged: boolean) => ({
      unitsByOrderLine: units,
      shippingRefunded: { amount: sum("outbound_shipping"), currency: "EUR" },
      dutiesRefunded: { amount: sum("duties"), currency: "EUR" },
      goodwillGiven: { amount: sum("goodwill"), currency: "EUR" },
      returnFeeCharged,
      caseVersions,
    });
    const read = h.deps.store.read.refunds;
    expect((await read.history(mid, orderId, a, "EUR", [])).prior).toEqual(expected(2, true));
    expect((await read.history(mid, orderId, b, "EUR", [])).prior).toEqual(expected(1, false));
    expect((await read.history(mid, orderId, "", "EUR", [])).prior).toEqual(expected(0, false));
    // A preview reads the same sums with its inputs, in one statement.
    const { caseVersions: _, ...previewed } = expected(0, false);
    expect((await h.deps.store.read.orders.forPreview(mid, "ORD-S"))?.prior).toEqual(previewed);
    // Another merchant's view of the same order is empty.
    expect((await read.history(merchant, orderId, a, "EUR", [])).prior).toEqual({
      unitsByOrderLine: new Map(),
      shippingRefunded: { amount: 0, currency: "EUR" },
      dutiesRefunded: { amount: 0, currency: "EUR" },
      goodwillGiven: { amount: 0, currency: "EUR" },
      returnFeeCharged: false,
      caseVersions: 0,
    });
  });
});
