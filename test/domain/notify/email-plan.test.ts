import { describe, expect, it } from "vitest";
import { addWorkingDays, emailsForEvent } from "../../../src/domain/notify/email/email-plan.ts";
import type { CaseEventType } from "../../../src/domain/return-case.ts";

const at = new Date("2026-03-20T10:00:00Z"); // a Friday
const ctx = {
  case: {
    lines: [],
    returnRequired: true,
    shipBy: new Date("2026-04-03T10:00:00Z"),
  },
  storeCreditExpiryDays: null,
};
const plan = (type: CaseEventType, data: Record<string, unknown>, reason: string | null = null) =>
  emailsForEvent({ type, at, reason, data }, ctx);
const eur = (amount: number) => ({ amount, currency: "EUR" });

describe("which e-mails a case event means for the shopper", () => {
  it("maps the case and money events to e-mails, and nothing else", () => {
    expect(plan("shipment.label_created", { carrierName: "DHL Paket", trackingNumber: "T1" })).toEqual([
      { kind: "label_ready", carrier: "DHL Paket", trackingNumber: "T1" },
    ]);
    expect(plan("case.delayed", { code: "P-1", trackingNumber: "T1", daysLate: 2 })).toEqual([
      { kind: "delayed", trackingNumber: "T1", daysLate: 2 },
    ]);
    expect(plan("return.rejected", {}, "worn")).toEqual([{ kind: "rejected", reason: "worn" }]);
    expect(plan("return.approved", {})).toEqual([
      { kind: "approved", returnRequired: true, shipBy: ctx.case.shipBy },
    ]);
    expect(
      plan("refund.issued", {
        byDestination: { store_credit: eur(500), exchange: eur(-300), original_payment: eur(0) },
      }),
    ).toEqual([
      { kind: "store_credit_issued", amount: eur(500), expires: null },
      { kind: "payment_request", amount: eur(300) },
    ]);
    // Store credit settles inside the refund (its own e-mail above); a payment request is not a refund.
    expect(plan("settlement.succeeded", { method: "store_credit", amount: eur(500) })).toEqual([]);
    expect(plan("settlement.succeeded", { method: "payment_request", amount: eur(500) })).toEqual([]);
    expect(plan("settlement.succeeded", { method: "bank_transfer", amount: eur(500) })).toEqual([
      { kind: "refunded", amount: eur(500), method: "bank_transfer", arrival: addWorkingDays(at, 3) },
    ]);
    for (const t of ["return.shipped", "hub.shortage", "settlement.failed"] as const)
      expect(plan(t, {})).toEqual([]);
    // The final e-mail carries the survey link.
    expect(
      emailsForEvent(
        { type: "return.closed", at, reason: null, data: {} },
        { ...ctx, surveyUrl: "https://x/s/t" },
      ),
    ).toEqual([{ kind: "completed", surveyUrl: "https://x/s/t" }]);
  });

  it("counts working days over the weekend", () => {
    expect(addWorkingDays(at, 1).toISOString()).toBe("2026-03-23T10:00:00.000Z");
    expect(addWorkingDays(at, 10).toISOString()).toBe("2026-04-03T10:00:00.000Z");
  });
});
