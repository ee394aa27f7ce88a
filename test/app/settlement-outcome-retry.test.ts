import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { GatewayRefundRequest, PaymentGateway } from "../../src/app/ports/index.ts";
import { call, type Json, orderJson } from "../support/fixtures.ts";
import { GENEROUS_POLICY, type Harness, merchantWithKey, startHarness } from "../support/harness.ts";

const url = process.env.TEST_DATABASE_URL;

/**
 * After the provider call, a settlement's outcome is written in a transaction; a deadlock there used
 * to leave the refund `processing` until the recovery sweep minutes later. Here a second session makes
 * that transaction deadlock once (it holds the case's outbox mark, then asks for the settlement row
 * the outcome holds): the outcome is written on the next try, the provider called once.
 * PostgreSQL only: it takes two sessions (PGlite has one).
 */
describe.skipIf(!url)(
  `a settlement's outcome survives a deadlock [postgres]${url ? "" : " — skipped: set TEST_DATABASE_URL"}`,
  () => {
    let h: Harness;
    let auth = "";
    let other: pg.Client;
    let watcher: pg.Client;
    const calls: string[] = [];

    /** Holds the case's outbox mark, waits until the outcome waits for it, then asks for the settlement. */
    async function deadlockOnce(req: GatewayRefundRequest): Promise<void> {
      const pid = (await other.query("select pg_backend_pid() as pid")).rows[0]?.pid as number;
      await other.query("begin");
      await other.query(
        "select 1 from outbox_cases where case_id = (select case_id from settlements where id = $1) for update",
        [req.settlementId],
      );
      void (async () => {
        for (;;) {
          const w = await watcher.query(
            "select 1 from pg_stat_activity where $1 = any(pg_blocking_pids(pid))",
            [pid],
          );
          if (w.rows.length > 0) break;
          await new Promise((r) => setTimeout(r, 10));
        }
        // The outcome's transaction waits for this session: asking for its settlement row closes the cycle.
        await other.query("select 1 from settlements where id = $1 for update", [req.settlementId]);
        await other.query("commit");
      })();
    }

    const gateway: PaymentGateway = {
      name: "manual",
      async refund(req) {
        calls.push(req.settlementId);
        if (calls.length === 1) await deadlockOnce(req);
        return { status: "succeeded", providerReference: `manual:${req.settlementId}` };
      },
    };

    beforeAll(async () => {
      h = await startHarness("postgres", { gateways: [gateway] });
      auth = (
        await merchantWithKey(h.deps, "retry", {
          policy: { ...GENEROUS_POLICY, window: { days: 3650 }, refundTrigger: "approval" },
        })
      ).auth;
      other = new pg.Client({ connectionString: h.database.location });
      watcher = new pg.Client({ connectionString: h.database.location });
      await other.connect();
      await watcher.connect();
    });
    afterAll(async () => {
      await other?.end();
      await watcher?.end();
      await h?.close();
    });

    const deadlocks = async () =>
      Number(
        (await watcher.query("select deadlocks from pg_stat_database where datname = current_database()"))
          .rows[0]?.deadlocks,
      );

    it("writes the outcome on the next try and calls the provider once", async () => {
      const tender = { kind: "card", provider: "manual", reference: "t-1", amount: "124.60" };
      expect(
        (await call(h.app, auth, "PUT", "/api/v1/orders/ORD-D", orderJson({ tenders: [tender] }))).status,
      ).toBe(201);
      const opened = await call(h.app, auth, "POST", "/api/v1/returns", {
        orderExternalId: "ORD-D",
        lines: [{ orderLineExternalId: "L1", quantity: 1, reason: "changed_mind" }],
        requestedResolution: "refund",
      });
      expect(opened.status).toBe(201);
      const before = await deadlocks();
      const approved = await call(
        h.app,
        auth,
        "POST",
        `/api/v1/returns/${(opened.body as Json).id}/approve`,
        {},
      );
      expect(approved.status).toBe(200);
      const settlements = (approved.body as { settlements: Json[] }).settlements;
      expect(settlements.map((s) => s.status)).toEqual(["succeeded"]);
      expect(calls).toEqual([settlements[0]?.id]);
      // pg_stat_database counts it once the session reports its statistics (within a second or so).
      for (let i = 0; i < 50 && (await deadlocks()) === before; i++)
        await new Promise((r) => setTimeout(r, 100));
      expect(await deadlocks()).toBe(before + 1);
    });
  },
);
