import { RELEASING_STATUSES } from "../case-status.ts";
import type { RefundTrigger } from "../policy/return-policy.ts";
import type { CaseLine, ReturnCase } from "../return-case.ts";
import type { Track } from "../statutory/statutory-facts.ts";
import type { RefundUnits } from "./refund-calculation.ts";

/** Units of a line that have reached the stage where the policy's trigger lets money move. */
function reached(c: ReturnCase, l: CaseLine, trigger: RefundTrigger): number {
  const k = l.counts;
  if (!c.returnRequired) return k.approved;
  switch (trigger) {
    case "approval":
      return k.approved;
    case "first_scan":
      return Math.max(k.shipped, k.received + k.lost);
    case "hub_receipt":
      return k.received + k.lost;
    case "inspection":
      return k.accepted + k.lost;
  }
}

/**
 * The units whose money is due now and not yet sent: what the refund trigger has reached, and
 * whatever was resolved with a money resolution (resolving always settles). Exchanges move money
 * only on resolution (the replacement is chosen then).
 */
export function unitsDue(
  c: ReturnCase,
  trigger: RefundTrigger,
  trackOf: (orderLineExternalId: string) => Track | null,
): RefundUnits[] {
  if (RELEASING_STATUSES.includes(c.status)) return [];
  const out: RefundUnits[] = [];
  for (const l of c.lines) {
    const byTrigger = l.resolution === "exchange" ? 0 : reached(c, l, trigger);
    const due = Math.max(byTrigger, l.counts.resolved) - l.counts.refunded;
    if (due > 0) {
      out.push({
        caseLineId: l.id,
        orderLineId: l.orderLineId,
        quantity: due,
        resolution: l.resolution,
        track: trackOf(l.orderLineExternalId),
      });
    }
  }
  return out;
}

/** The case after a calculation took `units`: refunded counters up, one version more. */
export function markRefunded(c: ReturnCase, units: readonly RefundUnits[], at: Date): ReturnCase {
  const lines = c.lines.map((l) => {
    const u = units.find((x) => x.caseLineId === l.id);
    return u ? { ...l, counts: { ...l.counts, refunded: l.counts.refunded + u.quantity } } : l;
  });
  return { ...c, lines, version: c.version + 1, updatedAt: at };
}
