import type { DomainError } from "../errors.ts";
import { add, allocate, type Money, zero } from "../money.ts";
import { linePaid, type Order } from "../order.ts";
import { err, ok, type Result } from "../result.ts";
import { type ExtenuatingEvent, eventsAffecting } from "./extenuating-event.ts";
import {
  type CancellationSchedule,
  type CancellationTier,
  PRESET_SCHEDULES,
  type ReturnPolicy,
} from "./return-policy.ts";

export interface CancellationLine {
  readonly orderLineExternalId: string;
  /** Bookings: when the booking starts; goods: null. */
  readonly startsAt: string | null;
  readonly hoursBefore: number | null;
  readonly refundBasisPoints: number;
  readonly paid: Money;
  readonly refund: Money;
  readonly ruleId: string;
  readonly explanation: string;
}

/** How much a cancellation gives back, line by line, and why. Frozen on the cancellation. */
export interface CancellationDecision {
  readonly engine: "crossback-cancellation/1";
  readonly evaluatedAt: string;
  readonly policy: { readonly id: string; readonly version: number } | null;
  readonly schedule: CancellationSchedule;
  readonly extenuatingEvent: { readonly id: string; readonly description: string } | null;
  readonly lines: readonly CancellationLine[];
  readonly shipping: Money;
  readonly duties: Money;
  readonly total: Money;
}

/** Without a schedule in the policy, bookings follow the "moderate" preset. */
export const DEFAULT_SCHEDULE: CancellationSchedule = {
  preset: "moderate",
  tiers: PRESET_SCHEDULES.moderate,
};

const HOUR_MS = 3_600_000;

/** The first tier (largest notice first) whose notice the cancellation still gives; none → nothing back. */
function tierFor(schedule: CancellationSchedule, hoursBefore: number): CancellationTier | null {
  return schedule.tiers.find((t) => hoursBefore >= t.hoursBefore) ?? null;
}

/**
 * Prices cancelling a whole order at `at`: goods not yet shipped come back in full; bookings follow
 * the tiered schedule counted back from their start; a full-refund extenuating event overrides both.
 * Shipped goods cannot be cancelled — they are returned instead.
 */
export function decideCancellation(
  order: Order,
  policy: ReturnPolicy | null,
  events: readonly ExtenuatingEvent[],
  at: Date,
): Result<CancellationDecision, DomainError> {
  const shipped = order.fulfilments.some((f) => f.shippedAt && f.shippedAt.getTime() <= at.getTime());
  const goods = order.lines.filter((l) => !l.startsAt);
  if (shipped && goods.length > 0) {
    const message = "part of the order has shipped: open a return for what was delivered instead";
    return err({ code: "invalid_input", issues: [{ path: "order", message }] });
  }
  const schedule = policy?.cancellation ?? DEFAULT_SCHEDULE;
  const event = eventsAffecting(events, order).find((e) => e.effect === "full_refund") ?? null;
  const ruleBase = policy
    ? `merchant.${policy.id}.v${policy.version}.cancellation`
    : "crossback.cancellation.default";
  const lines: CancellationLine[] = order.lines.map((l) => {
    const paid = linePaid(order, l);
    const base = {
      orderLineExternalId: l.externalId,
      paid,
      startsAt: l.startsAt ? l.startsAt.toISOString() : null,
    };
    if (event) {
      return {
        ...base,
        hoursBefore: null,
        refundBasisPoints: 10_000,
        refund: paid,
        ruleId: `extenuating.${event.id}`,
        explanation: `Full refund: ${event.description}.`,
      };
    }
    if (!l.startsAt) {
      return {
        ...base,
        hoursBefore: null,
        refundBasisPoints: 10_000,
        refund: paid,
        ruleId: "crossback.cancellation.before_shipment",
        explanation: "Not shipped yet: cancelled with a full refund.",
      };
    }
    // Whole hours of notice, rounded down: 23h59m before a 24-hour tier does not qualify.
    const hoursBefore = Math.floor((l.startsAt.getTime() - at.getTime()) / HOUR_MS);
    const tier = tierFor(schedule, hoursBefore);
    const bp = tier?.refundBasisPoints ?? 0;
    const [refund] = allocate(paid, [bp, 10_000 - bp]);
    const explanation = tier
      ? `${bp / 100}% back when cancelling at least ${tier.hoursBefore} hours before the start (${schedule.preset} schedule).`
      : `No refund: cancelled ${hoursBefore < 0 ? "after the start" : `${hoursBefore} hours before the start`} (${schedule.preset} schedule).`;
    return {
      ...base,
      hoursBefore,
      refundBasisPoints: bp,
      refund: refund ?? zero(order.currency),
      ruleId: `${ruleBase}.${tier ? tier.hoursBefore : "none"}`,
      explanation,
    };
  });
  const allFull = lines.every((l) => l.refundBasisPoints === 10_000);
  // Shipping and duties come back when nothing was shipped and the whole order is refunded in full.
  const shipping =
    allFull && !shipped
      ? order.taxesIncluded
        ? order.shipping.amount
        : add(order.shipping.amount, order.shipping.tax)
      : zero(order.currency);
  const duties = allFull && order.duties?.paidBy === "customer" ? order.duties.amount : zero(order.currency);
  const total = [...lines.map((l) => l.refund), shipping, duties].reduce(
    (a, m) => add(a, m),
    zero(order.currency),
  );
  return ok({
    engine: "crossback-cancellation/1",
    evaluatedAt: at.toISOString(),
    policy: policy ? { id: policy.id, version: policy.version } : null,
    schedule,
    extenuatingEvent: event ? { id: event.id, description: event.description } : null,
    lines,
    shipping,
    duties,
    total,
  });
}
