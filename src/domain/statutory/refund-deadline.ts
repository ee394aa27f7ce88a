/**
 * The statutory refund deadline: the last local day by which the trader must refund, counted
 * from the moment of the pack's trigger event (EU: the trader was told of the withdrawal; GB: the
 * goods or evidence of return came back; CN/KR: the returned goods arrived). Used by the money
 * engine. Deliberately no weekend/holiday roll-forward: the earliest legally plausible day is the
 * safe one for a trader to meet.
 */
import { type LocalDate, localDateOfDay } from "../calendar/local-date.ts";
import { resolveTimeZone } from "../calendar/main-time-zones.ts";
import { localDayOfInstant } from "../calendar/time-zone.ts";
import { addWorkingDaysToDay, workingDays } from "../calendar/working-days.ts";
import type { EffectivePack } from "./pack-schema.ts";
import type { Confidence } from "./statutory-facts.ts";

export interface RefundDeadlinePlace {
  readonly country: string;
  readonly region: string | null;
  readonly timeZone: string | null;
}

export interface StatutoryRefundDeadline {
  /** Last local day (YYYY-MM-DD) of the refund period, valid until 23:59:59 local time. */
  readonly dueBy: LocalDate;
  readonly deadlineDays: number;
  readonly deadlineDayKind: "calendar" | "business";
  /** What `triggeredAt` must be, per the pack (e.g. "trader_informed_of_withdrawal"). */
  readonly deadlineTrigger: string | null;
  readonly mayWithholdUntilGoodsOrProof: boolean;
  readonly ruleId: string;
  readonly citation: string;
  readonly url: string | null;
  readonly confidence: Confidence;
  readonly jurisdiction: string;
  readonly timeZone: string;
}

/**
 * Refund deadline of a track's refund rule, or null when the pack sets no day limit
 * (e.g. MX, US-CA, or a jurisdiction without a withdrawal right).
 */
export function statutoryRefundDeadline(
  pack: EffectivePack,
  triggeredAt: Date,
  place: RefundDeadlinePlace,
  track: "statutory_withdrawal" | "legal_guarantee" = "statutory_withdrawal",
): StatutoryRefundDeadline | null {
  const rule = track === "legal_guarantee" ? pack.guarantee.refund : pack.withdrawal.refund;
  if (!rule || rule.deadlineDays === null || rule.deadlineDayKind === null) return null;
  if (track === "statutory_withdrawal" && pack.withdrawal.right.availability === "none") return null;
  const zone = resolveTimeZone(place.timeZone, place.country, place.region);
  const start = localDayOfInstant(triggeredAt.getTime(), zone);
  let due = start + rule.deadlineDays;
  if (rule.deadlineDayKind === "business") {
    const cal = pack.calendar.nonWorkingDays;
    const wd = workingDays(place.country, place.region, cal?.weekendDays, cal?.publicHolidays ?? true);
    due = addWorkingDaysToDay(start, rule.deadlineDays, wd).day;
  }
  return {
    dueBy: localDateOfDay(due),
    deadlineDays: rule.deadlineDays,
    deadlineDayKind: rule.deadlineDayKind,
    deadlineTrigger: rule.deadlineTrigger,
    mayWithholdUntilGoodsOrProof: rule.mayWithholdUntilGoodsOrProof,
    ruleId: rule.ruleId,
    citation: rule.citation,
    url: rule.url ?? null,
    confidence: rule.confidence,
    jurisdiction: pack.id,
    timeZone: zone,
  };
}
