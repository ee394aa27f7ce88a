import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { GatewayRefundRequest, PaymentGateway } from "../../src/app/ports/index.ts";
import { type DeadlockSessions, deadlockSessions } from "../support/deadlock-sessions.ts";
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
    let s: DeadlockSessions;
    const calls: string[] = [];

    /** Holds the case's outbox mark, waits until the outcome waits for it, then asks for the settlement. */
    async function deadlockOnce(req: GatewayRefundRequest): Promise<void> {
      const { other } = s;
      const pid = (await other.query("select pg_backend_pid() as pid")).rows[0]?.pid as number;
      await other.query("begin");
      await other.query(
        "select 1 from outbox_cases where case_id = (select case_id from settlements where id = $1) for update",
        [req.settlementId],
      );
      void (async () => {
        await s.blockedBy(pid);
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
      s = await deadlockSessions(h.database.location);
    });
    afterAll(async () => {
      await s?.end();
      await h?.close();
    });

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
      const before = await s.deadlocks();
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
      expect(await s.deadlockAfter(before)).toBe(before + 1);
    });
  },
);
