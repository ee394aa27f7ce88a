import { afterAll, beforeAll, expect, it } from "vitest";
import { createApiKey } from "../../src/app/merchants.ts";
import { describeEachDb } from "../support/databases.ts";
import { call, type Json, orderJson } from "../support/fixtures.ts";
import { GENEROUS_POLICY, type Harness, merchantWithKey, startHarness } from "../support/harness.ts";

/** Payout approvals (issue 8 point 8): above the four-eyes threshold two different people approve. */
describeEachDb("bank-transfer payouts: four eyes above the threshold", (kind) => {
  let h: Harness;
  let alice: string;
  let bob: string;
  let n = 0;
  const as = (auth: string, method: "GET" | "POST" | "PUT", url: string, body?: unknown) =>
    call(h.app, auth, method, url, body);

  beforeAll(async () => {
    h = await startHarness(kind);
    alice = (
      await merchantWithKey(h.deps, "acme", { policy: { ...GENEROUS_POLICY, refundTrigger: "approval" } })
    ).auth;
    const k = await createApiKey(h.deps, "acme", "second agent");
    if (!k.ok) throw new Error(JSON.stringify(k.error));
    bob = `Bearer ${k.value.key}`;
    const settings = await as(alice, "PUT", "/api/v1/settings", {
      bankTransferApprovalAbove: { EUR: "10.00" },
      payoutFourEyesAbove: { EUR: "50.00" },
    });
    expect(settings.body.payoutFourEyesAbove).toEqual({ EUR: "50.00" });
  });
  afterAll(() => h.close());

  /** A cash-on-delivery order refunded by bank transfer of `quantity` × 44.90, account given. */
  async function transfer(quantity: number): Promise<string> {
    const id = `COD-${++n}`;
    const o = orderJson({
      customer: { email: `p${n}@example.de` },
      tenders: [{ kind: "cash_on_delivery", amount: "124.60" }],
    });
    expect((await as(alice, "PUT", `/api/v1/orders/${id}`, o)).status).toBe(201);
    const c = await as(alice, "POST", "/api/v1/returns", {
      orderExternalId: id,
      lines: [{ orderLineExternalId: "L1", quantity, reason: "changed_mind" }],
      requestedResolution: "refund",
    });
    const approved = await as(alice, "POST", `/api/v1/returns/${c.body.id}/approve`, {});
    const s = (approved.body.settlements as Json[])[0] as Json;
    const account = await as(alice, "POST", `/api/v1/settlements/${s.id}/bank-account`, {
      accountHolder: "Ana Schmidt",
      scheme: "iban",
      iban: "DE89 3704 0044 0532 0130 00",
    });
    expect(account.body.status, JSON.stringify(account.body)).toBe("requires_action");
    return s.id as string;
  }
  const approve = (auth: string, id: string) => as(auth, "POST", `/api/v1/settlements/${id}/approve`, {});

  it("above the threshold: the first approval is recorded, the same actor again is refused, another completes it", async () => {
    const id = await transfer(2); // 89.80 EUR > 50.00
    const first = await approve(alice, id);
    expect(first.status, JSON.stringify(first.body)).toBe(200);
    expect([first.body.status, first.body.approvedBy, first.body.firstApprovedBy === null]).toEqual([
      "requires_action",
      null,
      false,
    ]);
    const again = await approve(alice, id);
    expect(again.status).toBe(409);
    expect(again.body).toMatchObject({ code: "settlement_state" });
    expect(String(again.body.detail)).toMatch(/four eyes.*different person/);
    const second = await approve(bob, id);
    expect(second.status, JSON.stringify(second.body)).toBe(200);
    expect(second.body.status).toBe("awaiting_export");
    expect(second.body.approvedBy).not.toBe(first.body.firstApprovedBy);
  });

  it("the same actor approving twice at once: one approval recorded, the transfer still waits", async () => {
    const id = await transfer(2);
    const both = await Promise.all([approve(alice, id), approve(alice, id)]);
    expect(both.map((r) => r.status).sort()).toEqual([200, 409]);
    expect((await as(alice, "GET", `/api/v1/settlements/${id}`)).body.status).toBe("requires_action");
  });

  it("below the four-eyes threshold one approval is enough", async () => {
    const id = await transfer(1); // 44.90 EUR: above 10.00, below 50.00
    const one = await approve(alice, id);
    expect([one.status, one.body.status]).toEqual([200, "awaiting_export"]);
  });
});
