import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type DeadlockSessions, deadlockSessions } from "../support/deadlock-sessions.ts";
import { call, type Json, orderJson } from "../support/fixtures.ts";
import { type Harness, merchantWithKey, startHarness } from "../support/harness.ts";

const url = process.env.TEST_DATABASE_URL;

/**
 * A case command's transaction that PostgreSQL kills as a deadlock victim is run again whole (the
 * store retries 40P01 / 40001, tx-retry.ts): the shopper's approval answers 200 instead of 500, and the
 * approval is recorded once. A second session holds the case's outbox mark; once the approval (holding
 * the case row it has just updated) waits for that mark, the session asks for the case row and closes
 * the cycle. Its own deadlock_timeout is long, so the approval's backend is the one that detects it.
 * PostgreSQL only: it takes two sessions (PGlite has one).
 */
describe.skipIf(!url)(
  `a case command survives a deadlock [postgres]${url ? "" : " — skipped: set TEST_DATABASE_URL"}`,
  () => {
    let h: Harness;
    let auth = "";
    let s: DeadlockSessions;

    beforeAll(async () => {
      h = await startHarness("postgres");
      auth = (await merchantWithKey(h.deps, "cmd-retry")).auth;
      s = await deadlockSessions(h.database.location);
    });
    afterAll(async () => {
      await s?.end();
      await h?.close();
    });

    it("approves on the next try, with one approval event", async () => {
      expect((await call(h.app, auth, "PUT", "/api/v1/orders/ORD-DL", orderJson())).status).toBe(201);
      const opened = await call(h.app, auth, "POST", "/api/v1/returns", {
        orderExternalId: "ORD-DL",
        lines: [{ orderLineExternalId: "L1", quantity: 1, reason: "changed_mind" }],
        requestedResolution: "refund",
      });
      expect(opened.status).toBe(201);
      const caseId = (opened.body as Json).id as string;
      // The outbox delivers the opening's events first: wait until nothing holds the case's mark.
      for (let i = 0; i < 200; i++) {
        const lease = await s.watcher.query("select lease_until from outbox_cases where case_id = $1", [
          caseId,
        ]);
        if (lease.rows[0]?.lease_until === null) break;
        await new Promise((r) => setTimeout(r, 20));
      }
      const before = await s.deadlocks();
      const { other } = s;
      const pid = (await other.query("select pg_backend_pid() as pid")).rows[0]?.pid as number;
      await other.query("begin");
      await other.query("set local deadlock_timeout = '60s'");
      await other.query("select 1 from outbox_cases where case_id = $1 for update", [caseId]);

      const approving = call(h.app, auth, "POST", `/api/v1/returns/${caseId}/approve`, {});
      await s.blockedBy(pid);
      // The approval holds the case row and waits for the mark: asking for the row closes the cycle.
      await other.query("select 1 from return_cases where id = $1 for update", [caseId]);
      await other.query("commit");

      const approved = await approving;
      expect(approved.status).toBe(200);
      expect((approved.body as Json).status).toBe("awaiting_shipment");
      const events = await s.watcher.query(
        "select count(*)::int as n from case_events where case_id = $1 and type = 'return.approved'",
        [caseId],
      );
      expect(events.rows[0]?.n).toBe(1);
      expect(await s.deadlockAfter(before)).toBe(before + 1);
    });
  },
);
