/**
 * Which e-mails a case event means for the shopper (none for most): the facts each one states,
 * read from the event's data with type guards. Pure; the time of each fact comes from the event.
 */
import type { Money } from "../../money.ts";
import type { CaseEvent, ReturnCase } from "../../return-case.ts";
import type { EmailFacts, RefundMethod } from "./email-values.ts";

type Record_ = Readonly<Record<string, unknown>>;

const isRecord = (v: unknown): v is Record_ => typeof v === "object" && v !== null && !Array.isArray(v);
const text = (v: unknown): string | null => (typeof v === "string" && v.trim() ? v : null);
const count = (v: unknown): number => (typeof v === "number" && Number.isInteger(v) && v > 0 ? v : 0);
function moneyOf(v: unknown): Money | null {
  if (!isRecord(v)) return null;
  const { amount, currency } = v;
  return Number.isSafeInteger(amount) && typeof amount === "number" && typeof currency === "string"
    ? { amount, currency }
    : null;
}

/** Working days a refund takes to reach the shopper, by how it travels (a cautious estimate). */
export const ARRIVAL_WORKING_DAYS: Readonly<Record<RefundMethod, number>> = {
  original_payment: 10,
  bank_transfer: 3,
};

/** `from` plus `n` working days (Monday to Friday). */
export function addWorkingDays(from: Date, n: number): Date {
  const at = new Date(from);
  for (let left = n; left > 0; ) {
    at.setUTCDate(at.getUTCDate() + 1);
    const day = at.getUTCDay();
    if (day !== 0 && day !== 6) left--;
  }
  return at;
}

export interface PlanContext {
  readonly case: Pick<ReturnCase, "lines" | "returnRequired" | "shipBy">;
  /** The merchant's store-credit validity (null: it does not expire). */
  readonly storeCreditExpiryDays: number | null;
  /** The survey link of the case, for the final e-mail (`return.closed`). */
  readonly surveyUrl?: string | null;
}

export function emailsForEvent(
  e: Pick<CaseEvent, "type" | "at" | "reason" | "data">,
  ctx: PlanContext,
): EmailFacts[] {
  const d = e.data;
  switch (e.type) {
    case "return.requested":
      return [
        {
          kind: "request_received",
          items: ctx.case.lines.map((l) => ({ title: l.title, quantity: l.counts.requested })),
        },
      ];
    case "return.approved":
      return [{ kind: "approved", returnRequired: ctx.case.returnRequired, shipBy: ctx.case.shipBy }];
    case "return.rejected":
      return [{ kind: "rejected", reason: text(e.reason) }];
    case "shipment.label_created":
      return [
        {
          kind: "label_ready",
          carrier: text(d.carrierName) ?? text(d.carrier) ?? "",
          trackingNumber: text(d.trackingNumber) ?? "",
        },
      ];
    case "return.received":
      return [{ kind: "received" }];
    case "return.closed":
      return ctx.surveyUrl ? [{ kind: "completed", surveyUrl: ctx.surveyUrl }] : [];
    case "return.inspected": {
      const lines = Array.isArray(d.lines) ? d.lines.filter(isRecord) : [];
      const sum = (outcome: string) =>
        lines.filter((l) => l.outcome === outcome).reduce((s, l) => s + count(l.quantity), 0);
      return [{ kind: "inspected", accepted: sum("accepted"), refused: sum("refused") }];
    }
    case "settlement.succeeded": {
      const amount = moneyOf(d.amount);
      const method = d.method;
      if (!amount || amount.amount <= 0 || (method !== "original_payment" && method !== "bank_transfer"))
        return [];
      return [
        { kind: "refunded", amount, method, arrival: addWorkingDays(e.at, ARRIVAL_WORKING_DAYS[method]) },
      ];
    }
    case "refund.issued":
      return refundIssued(e.at, d, ctx.storeCreditExpiryDays);
    case "case.delayed":
      return [
        {
          kind: "delayed",
          trackingNumber: text(d.trackingNumber) ?? text(d.code) ?? "",
          daysLate: count(d.daysLate),
        },
      ];
    default:
      return [];
  }
}

function refundIssued(at: Date, d: Record_, expiryDays: number | null): EmailFacts[] {
  const by = isRecord(d.byDestination) ? d.byDestination : {};
  const out: EmailFacts[] = [];
  const credit = moneyOf(by.store_credit);
  if (credit && credit.amount > 0)
    out.push({
      kind: "store_credit_issued",
      amount: credit,
      expires: expiryDays ? new Date(at.getTime() + expiryDays * 86_400_000) : null,
    });
  const exchange = moneyOf(by.exchange);
  if (exchange && exchange.amount < 0)
    out.push({ kind: "payment_request", amount: { ...exchange, amount: -exchange.amount } });
  return out;
}

/** The reminder before the ship-by date: whole days left in the shopper's favour (at least 0). */
export function shipByReminder(shipBy: Date, at: Date): EmailFacts {
  const daysLeft = Math.max(0, Math.ceil((shipBy.getTime() - at.getTime()) / 86_400_000));
  return { kind: "ship_by_reminder", shipBy, daysLeft };
}
