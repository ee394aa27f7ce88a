import { sql } from "drizzle-orm";
import { afterAll, beforeAll, expect, it } from "vitest";
import { type JobRunner, startJobQueue } from "../../src/adapters/jobs/job-queue.ts";
import { runCaseCommand } from "../../src/app/case-commands.ts";
import type { Deps, GatewayRefundRequest, PaymentGateway } from "../../src/app/ports/index.ts";
import { settlement } from "../../src/app/refund-queries.ts";
import { registerSettlementJobs, settlementsHere } from "../../src/jobs/settlement-jobs.ts";
import { AGENT, agentReturn } from "../support/agent-return.ts";
import { describeEachDb } from "../support/databases.ts";
import { call, orderJson } from "../support/fixtures.ts";
import { GENEROUS_POLICY, type Harness, merchantWithKey, startHarness } from "../support/harness.ts";
import { until } from "../support/http-client.ts";

/** A provider that fails retryably on its first call for a settlement, then refunds. */
function flakyProvider(): PaymentGateway & { calls: string[] } {
  const calls: string[] = [];
  return {
    name: "flaky",
    calls,
    async refund(req: GatewayRefundRequest) {
      calls.push(req.settlementId);
      return calls.filter((id) => id === req.settlementId).length === 1
        ? { status: "failed", reason: "provider timed out", retryable: true }
        : { status: "succeeded", providerReference: `re_${req.settlementId}` };
    },
  };
}

/**
 * Settlements due now are paid in the process that committed them, with the real pg-boss queue
 * beside it for retries. No settlement worker runs until the retry test registers one: a settlement
 * sent to the queue instead would never be paid.
 */
describeEachDb("settlements paid where they were committed", (kind) => {
  let h: Harness;
  let jobs: JobRunner;
  let here: ReturnType<typeof settlementsHere>;
  let deps: Deps;
  let merchantId = "";
  const provider = flakyProvider();

  beforeAll(async () => {
    h = await startHarness(kind, { gateways: [provider] });
    jobs = await startJobQueue(h.database, { pollingIntervalSeconds: 0.5 });
    here = settlementsHere({ ...h.deps, jobs }, jobs);
    deps = { ...h.deps, jobs: here.queue };
    const m = await merchantWithKey(h.deps, "here", {
      policy: { ...GENEROUS_POLICY, refundTrigger: "approval" },
    });
    merchantId = m.merchantId;
    const tenders = (provider: string) => [
      { kind: "card", provider, reference: `pi_${provider}`, amount: "124.60" },
    ];
    for (const [id, p] of [
      ["ORD-MANUAL", "manual"],
      ["ORD-FLAKY", "flaky"],
    ] as const)
      expect(
        (await call(h.app, m.auth, "PUT", `/api/v1/orders/${id}`, orderJson({ tenders: tenders(p) }))).status,
      ).toBe(201);
  });
  afterAll(async () => {
    await here.stop();
    await jobs.stop();
    await h.close();
  });

  type Job = { state: string; later: boolean };
  const settlementJobs = async (id: string) => {
    const q = sql`select state::text as state, start_after > now() + interval '1 second' as later
      from pgboss.job where name = 'settlement.execute' and singleton_key = ${id}`;
    return ((await h.database.db.execute(q)) as unknown as { rows: Job[] }).rows;
  };

  async function approvedSettlement(order: string) {
    const id = await agentReturn(deps, merchantId, order);
    const approved = await runCaseCommand(deps, merchantId, id, { type: "approve" }, { actor: AGENT });
    if (!approved.ok) throw new Error(JSON.stringify(approved.error));
    const [s] = approved.value.settlements;
    if (!s) throw new Error("no settlement");
    return s;
  }

  const statusOf = async (id: string) => {
    const got = await settlement(deps, merchantId, id);
    return got.ok ? got.value : null;
  };

  it("pays the settlement in this process, with no job in the queue", async () => {
    const s = await approvedSettlement("ORD-MANUAL");
    expect(s.status).toBe("pending");
    const paid = await until("the settlement paid here", async () => {
      const got = await statusOf(s.id);
      return got?.status === "succeeded" ? got : null;
    });
    expect(paid.attempts).toBe(1);
    expect(await settlementJobs(s.id)).toEqual([]);
  });

  it("hands a retryable failure to the queue for later, whose job pays it", async () => {
    const s = await approvedSettlement("ORD-FLAKY");
    const failed = await until("the first attempt", async () => {
      const got = await statusOf(s.id);
      return got && got.attempts === 1 && got.status === "pending" ? got : null;
    });
    expect(failed.failureReason).toBe("provider timed out");
    const queued = await until("the retry job", async () => {
      const rows = await settlementJobs(s.id);
      return rows.length > 0 ? rows : null;
    });
    expect(queued).toEqual([{ state: "created", later: true }]);
    await registerSettlementJobs({ ...h.deps, jobs }, jobs);
    const paid = await until("the retry", async () => {
      const got = await statusOf(s.id);
      return got?.status === "succeeded" ? got : null;
    });
    expect(paid.attempts).toBe(2);
    expect(provider.calls.filter((id) => id === s.id)).toHaveLength(2);
  });

  it("passes other jobs, and settlements with a start time, to the queue", async () => {
    const id = crypto.randomUUID();
    await here.queue.enqueue(
      "settlement.execute",
      { settlementId: id },
      { singletonKey: id, startAfterSeconds: 60 },
    );
    expect(await settlementJobs(id)).toEqual([{ state: "created", later: true }]);
  });
});
