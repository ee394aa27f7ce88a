import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { call, orderJson } from "../../support/fixtures.ts";
import { GENEROUS_POLICY, type Harness, merchantWithKey, startHarness } from "../../support/harness.ts";

const url = process.env.TEST_DATABASE_URL;

/**
 * A case's and an order's locks (case-repo.ts, order-repo.ts) exclude other lockers but not the
 * foreign-key checks (FOR KEY SHARE) of rows naming them: with FOR UPDATE, the outbox relay's release
 * (its progress names the case) and a case transaction (waiting for the outbox mark the release held)
 * deadlocked under load. Two sessions are needed, so PostgreSQL only (PGlite has one).
 */
describe.skipIf(!url)(
  `row locks of cases and orders [postgres]${url ? "" : " — skipped: set TEST_DATABASE_URL"}`,
  () => {
    let h: Harness;
    let other: pg.Client;
    let merchantId = "";
    let caseId = "";
    let orderId = "";

    beforeAll(async () => {
      h = await startHarness("postgres");
      const m = await merchantWithKey(h.deps, "locks", { policy: GENEROUS_POLICY });
      merchantId = m.merchantId;
      expect((await call(h.app, m.auth, "PUT", "/api/v1/orders/ORD-L", orderJson())).status).toBe(201);
      const res = await call(h.app, m.auth, "POST", "/api/v1/returns", {
        orderExternalId: "ORD-L",
        lines: [{ orderLineExternalId: "L1", quantity: 1, reason: "changed_mind" }],
        requestedResolution: "refund",
      });
      expect(res.status).toBe(201);
      const body = res.body as { id: string };
      caseId = body.id;
      other = new pg.Client({ connectionString: h.database.location });
      await other.connect();
      await other.query("set lock_timeout = '2s'");
      orderId = (await other.query("select order_id from return_cases where id = $1", [caseId])).rows[0]
        ?.order_id;
    });
    afterAll(async () => {
      await other?.end();
      await h?.close();
    });

    /** Runs `probe` on the other session while this one holds the lock `take` took. */
    const whileLocked = (
      take: (r: Parameters<Parameters<Harness["deps"]["store"]["transaction"]>[0]>[0]) => Promise<unknown>,
      probe: () => Promise<unknown>,
    ) =>
      h.deps.store.transaction(async (r) => {
        await take(r);
        return probe().then(
          () => "passed",
          (e: unknown) => (e instanceof Error ? e.message : String(e)),
        );
      });

    it("a locked case lets rows naming it be written, and keeps other lockers out", async () => {
      const keyShare = () => other.query("select 1 from return_cases where id = $1 for key share", [caseId]);
      const lock = () => other.query("select 1 from return_cases where id = $1 for no key update", [caseId]);
      expect(await whileLocked((r) => r.cases.lockForEvents(merchantId, caseId), keyShare)).toBe("passed");
      expect(await whileLocked((r) => r.cases.lockForEvents(merchantId, caseId), lock)).toMatch(
        /lock timeout/,
      );
    });

    it("a locked order lets rows naming it be written, and keeps other lockers out", async () => {
      const keyShare = () => other.query("select 1 from orders where id = $1 for key share", [orderId]);
      const lock = () => other.query("select 1 from orders where id = $1 for no key update", [orderId]);
      expect(await whileLocked((r) => r.orders.lock(merchantId, { id: orderId }), keyShare)).toBe("passed");
      expect(await whileLocked((r) => r.orders.lock(merchantId, { id: orderId }), lock)).toMatch(
        /lock timeout/,
      );
    });
  },
);
