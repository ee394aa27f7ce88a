import { afterAll, beforeAll, expect, it } from "vitest";
import { type JobRunner, startJobQueue } from "../../src/adapters/jobs/job-queue.ts";
import { runCaseCommand } from "../../src/app/case-commands.ts";
import { createReturn } from "../../src/app/create-return.ts";
import type { Deps } from "../../src/app/ports/index.ts";
import { previewReturn } from "../../src/app/preview-return.ts";
import { caseEvents, getReturn, listReturns } from "../../src/app/queries.ts";
import { settlement } from "../../src/app/refund-queries.ts";
import type { Actor } from "../../src/domain/actor.ts";
import { heldQuantity } from "../../src/domain/return-case.ts";
import { registerSettlementJobs } from "../../src/jobs/settlement-jobs.ts";
import { describeEachDb } from "../support/databases.ts";
import { call, orderJson } from "../support/fixtures.ts";
import { GENEROUS_POLICY, type Harness, merchantWithKey, startHarness } from "../support/harness.ts";
import { until } from "../support/http-client.ts";

/**
 * The return use cases called directly (no HTTP): preview, create, approve with the refund at
 * approval, and the settlement job that pays it. The order is written through the API once.
 */
describeEachDb("return use cases", (kind) => {
  let h: Harness;
  let jobs: JobRunner;
  let deps: Deps;
  let merchantId = "";
  let auth = "";
  const agent: Actor = { kind: "agent", id: "agent-7", name: "Agent Seven" };
  const request = (quantity = 1, orderExternalId = "ORD-1") => ({
    orderExternalId,
    lines: [{ orderLineExternalId: "L1", quantity, reason: "changed_mind" as const }],
    requestedResolution: "refund" as const,
    source: "agent" as const,
  });
  const count = async () => (await listReturns(deps, merchantId, { limit: 50 })).items.length;

  beforeAll(async () => {
    h = await startHarness(kind);
    jobs = await startJobQueue(h.database, { pollingIntervalSeconds: 0.5 });
    deps = { ...h.deps, jobs };
    await registerSettlementJobs(deps, jobs);
    const m = await merchantWithKey(h.deps, "use-cases", {
      policy: { ...GENEROUS_POLICY, refundTrigger: "approval" },
    });
    merchantId = m.merchantId;
    auth = m.auth;
    for (const o of ["ORD-1", "ORD-2", "ORD-3"])
      expect((await call(h.app, m.auth, "PUT", `/api/v1/orders/${o}`, orderJson())).status).toBe(201);
  });
  afterAll(async () => {
    await jobs.stop();
    await h.close();
  });

  it("previews without a trace, then opens the case the preview showed", async () => {
    const preview = await previewReturn(deps, merchantId, request());
    if (!preview.ok) throw new Error(JSON.stringify(preview.error));
    expect(preview.value.decision.lines.map((l) => l.eligible)).toEqual([true]);
    expect(preview.value.refund?.total.amount).toBeGreaterThan(0);
    expect(await count()).toBe(0);

    const made = await createReturn(deps, merchantId, request(), agent);
    if (!made.ok) throw new Error(JSON.stringify(made.error));
    expect(made.value.status).toBe("requested");
    expect(made.value.number).toMatch(/^R-\d{6}$/);
    expect(made.value.decision).toEqual(JSON.parse(JSON.stringify(preview.value.decision)));
    expect(await count()).toBe(1);
    const events = await caseEvents(deps, merchantId, made.value.id);
    expect(events.ok && events.value.map((e) => [e.type, e.actor.id])).toEqual([
      ["return.requested", "agent-7"],
    ]);
  });

  it("reads back the case its creation wrote, field for field (a line comment, the frozen decision, its events)", async () => {
    const comment = "Zu groß – « ä » \\ 'quote'";
    const input = request(2, "ORD-3");
    const lines = input.lines.map((l) => ({ ...l, comment }));
    const made = await createReturn(deps, merchantId, { ...input, lines }, agent);
    if (!made.ok) throw new Error(JSON.stringify(made.error));
    const read = await getReturn(deps, merchantId, made.value.id);
    if (!read.ok) throw new Error(JSON.stringify(read.error));
    expect(read.value.case).toEqual(made.value);
    expect(read.value.case.lines[0]?.comment).toBe(comment);
    const events = await caseEvents(deps, merchantId, made.value.id);
    if (!events.ok) throw new Error(JSON.stringify(events.error));
    expect(events.value.map((e) => [e.seq, e.type])).toEqual([[1, "return.requested"]]);
  });

  it("the units an order's cases hold, summed in the database, are each case's held units added up", async () => {
    const o = orderJson({ tenders: [] });
    o.lines = o.lines.slice(0, 1).map((l) => ({ ...l, quantity: 6 }));
    o.fulfilments = o.fulfilments.map((f) => ({ ...f, lines: [{ lineExternalId: "L1", quantity: 6 }] }));
    expect((await call(h.app, auth, "PUT", "/api/v1/orders/ORD-HELD", o)).status).toBe(201);
    const open = async (quantity: number) => {
      const made = await createReturn(deps, merchantId, request(quantity, "ORD-HELD"), agent);
      if (!made.ok) throw new Error(JSON.stringify(made.error));
      return made.value;
    };
    const [partly, waiting, refused, other] = [await open(3), await open(1), await open(1), await open(1)];
    const line = partly.lines[0]?.id ?? "";
    const run = (id: string, command: Parameters<typeof runCaseCommand>[3]) =>
      runCaseCommand(deps, merchantId, id, command, { actor: agent });
    expect((await run(partly.id, { type: "approve", lines: [{ lineId: line, quantity: 1 }] })).ok).toBe(true);
    expect((await run(refused.id, { type: "reject" })).ok).toBe(true);
    expect((await run(other.id, { type: "approve" })).ok).toBe(true);
    const r = deps.store.read;
    const cases = await Promise.all(
      [partly, waiting, refused, other].map((c) => r.cases.load(merchantId, c.id)),
    );
    const heldBy = (c: (typeof cases)[number]) =>
      c ? c.lines.reduce((n, l) => n + heldQuantity(c.status, l), 0) : Number.NaN;
    const all = cases.reduce((n, c) => n + heldBy(c), 0);
    expect(cases.map(heldBy)).toEqual([1, 1, 0, 1]);
    const orderLine = partly.lines[0]?.orderLineId ?? "";
    expect(await r.cases.heldByOrder(merchantId, partly.orderId, null)).toEqual(new Map([[orderLine, all]]));
    const withHeld = await r.orders.withHeld(merchantId, partly.orderId, partly.id);
    expect(withHeld?.held).toEqual(new Map([[orderLine, all - heldBy(cases[0] ?? null)]]));
  });

  it("creations racing for an order's last units: as many open as there are units, the others are refused", async () => {
    expect((await call(h.app, auth, "PUT", "/api/v1/orders/ORD-RACE", orderJson())).status).toBe(201);
    const tries = await Promise.all(
      Array.from({ length: 20 }, () => createReturn(deps, merchantId, request(1, "ORD-RACE"), agent)),
    );
    const opened = tries.filter((t) => t.ok);
    // Line L1 has 2 units. Without the order's lock before the re-check's read, 10 of 20 opened.
    expect(opened).toHaveLength(2);
    expect(tries.filter((t) => !t.ok).map((t) => !t.ok && t.error.code)).toEqual(
      Array(18).fill("quantity_exceeded"),
    );
  });

  it("refuses what it cannot do with a result naming why, and writes nothing", async () => {
    const before = await count();
    const unknown = await createReturn(deps, merchantId, { ...request(), orderExternalId: "NOPE" }, agent);
    expect(!unknown.ok && unknown.error).toMatchObject({ code: "not_found", entity: "order", id: "NOPE" });
    const tooMany = await createReturn(deps, merchantId, request(5), agent);
    expect(!tooMany.ok && tooMany.error.code).toBe("quantity_exceeded");
    const other = await createReturn(deps, "00000000-0000-7000-8000-000000000000", request(), agent);
    expect(!other.ok && other.error.code).toBe("not_found");
    expect(await count()).toBe(before);
  });

  it("approves with the refund at approval; the settlement job pays it once", async () => {
    const made = await createReturn(deps, merchantId, request(), agent);
    if (!made.ok) throw new Error(JSON.stringify(made.error));
    const approved = await runCaseCommand(
      deps,
      merchantId,
      made.value.id,
      { type: "approve" },
      { actor: agent },
    );
    if (!approved.ok) throw new Error(JSON.stringify(approved.error));
    expect(approved.value.case.status).toBe("awaiting_shipment");
    const [s] = approved.value.settlements;
    expect(s).toMatchObject({ status: "pending", method: "original_payment", caseId: made.value.id });
    if (!s) return;
    const paid = await until("the settlement job", async () => {
      const got = await settlement(deps, merchantId, s.id);
      return got.ok && got.value.status === "succeeded" ? got.value : null;
    });
    expect(paid.amount).toEqual(s.amount);
    expect(paid.attempts).toBe(1);
    const events = await caseEvents(deps, merchantId, made.value.id);
    const types = events.ok ? events.value.map((e) => e.type) : [];
    expect(types.filter((t) => t === "refund.issued")).toHaveLength(1);
    expect(types.filter((t) => t === "settlement.succeeded")).toHaveLength(1);
    // The refund's plan reads the order's refund history in one statement: the same as the two reads.
    const r = deps.store.read;
    const tenderIds = [paid.tenderId ?? ""];
    const history = await r.refunds.history(
      merchantId,
      paid.orderId ?? "",
      made.value.id,
      paid.amount.currency,
      tenderIds,
    );
    expect(history.prior.caseVersions).toBe(1);
    // A preview's inputs carry the same sums (no case of its own: no fee charged, no versions).
    const { caseVersions: _, returnFeeCharged: __, ...sums } = history.prior;
    expect((await r.orders.forPreview(merchantId, made.value.orderExternalId))?.prior).toEqual({
      ...sums,
      returnFeeCharged: false,
    });
    expect(sums.unitsByOrderLine.size).toBeGreaterThan(0);
    expect(history.refundedByTender).toEqual(await r.settlements.refundedByTender(merchantId, tenderIds));
    expect(history.refundedByTender.get(paid.tenderId ?? "")).toBe(paid.amount.amount);
    const stranger = await r.refunds.history(
      crypto.randomUUID(),
      paid.orderId ?? "",
      made.value.id,
      paid.amount.currency,
      tenderIds,
    );
    expect([stranger.prior.caseVersions, stranger.refundedByTender.size]).toEqual([0, 0]);
  });

  it("a stale version loses with version_conflict; an illegal step is a result, not a throw", async () => {
    const made = await createReturn(deps, merchantId, request(1, "ORD-2"), agent);
    if (!made.ok) throw new Error(JSON.stringify(made.error));
    const id = made.value.id;
    const rejected = await runCaseCommand(
      deps,
      merchantId,
      id,
      { type: "reject" },
      { actor: agent, reason: "worn" },
    );
    expect(rejected.ok).toBe(true);
    const stale = await runCaseCommand(
      deps,
      merchantId,
      id,
      { type: "approve" },
      {
        actor: agent,
        expectedVersion: made.value.version,
      },
    );
    expect(!stale.ok && stale.error).toMatchObject({
      code: "version_conflict",
      expected: made.value.version,
    });
    const illegal = await runCaseCommand(deps, merchantId, id, { type: "approve" }, { actor: agent });
    expect(!illegal.ok && illegal.error.code).toBe("illegal_transition");
    const events = await caseEvents(deps, merchantId, id);
    expect(events.ok && events.value.map((e) => e.type)).toEqual(["return.requested", "return.rejected"]);
  });
});
