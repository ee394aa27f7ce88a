import { localDateOf } from "../../domain/calendar/time-zone.ts";
import type { RefundTrigger } from "../../domain/policy/return-policy.ts";
import type { RefundCalculation } from "../../domain/refund/refund-calculation.ts";

/** How long each way of refunding takes to reach the shopper once issued (days, a range). */
const METHOD_DAYS: Readonly<Record<string, readonly [number, number]>> = {
  original_payment: [3, 10],
  store_credit: [0, 0],
  bank_transfer: [1, 3],
  exchange: [0, 0],
};

/** Typical days from submitting until the policy's refund trigger is reached (goods travel back). */
const TRIGGER_LEAD_DAYS: Readonly<Record<RefundTrigger, number>> = {
  approval: 1,
  first_scan: 3,
  hub_receipt: 10,
  inspection: 12,
};

export interface RefundTiming {
  readonly method: string;
  readonly trigger: RefundTrigger;
  readonly processingDays: readonly [number, number];
  /** A local date: when the money should have arrived if the goods travel as usual. */
  readonly expectedBy: string;
}

/** When each part of a refund is expected: an estimate shown with the trigger that starts it. */
export function refundTiming(
  calc: RefundCalculation,
  trigger: RefundTrigger,
  now: Date,
  timeZone: string,
): RefundTiming[] {
  const out: RefundTiming[] = [];
  for (const [method, amount] of Object.entries(calc.byDestination)) {
    if (amount.amount <= 0) continue;
    const days = METHOD_DAYS[method] ?? [3, 10];
    const expected = new Date(now.getTime() + (TRIGGER_LEAD_DAYS[trigger] + days[1]) * 86_400_000);
    out.push({ method, trigger, processingDays: days, expectedBy: localDateOf(expected, timeZone) });
  }
  return out;
}
