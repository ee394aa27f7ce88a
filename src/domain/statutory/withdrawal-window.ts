/**
 * The statutory withdrawal window of one line: when it starts and its last local day.
 * Counting follows the pack: calendar or business days, the day after the event (Reg. 1182/71,
 * CN) or the event day as day 1 (JP), roll-forward of a last day on a Saturday, Sunday or public
 * holiday (EU/EEA), and the extension when the withdrawal information was missing.
 */
import { addMonthsToDay, type DayNumber, weekdayOfDay } from "../calendar/local-date.ts";
import { localDayOfInstant } from "../calendar/time-zone.ts";
import {
  addWorkingDaysToDay,
  rollForwardDay,
  type WorkingDays,
  workingDays,
} from "../calendar/working-days.ts";
import type { EffectivePack, RuleRef } from "./pack-schema.ts";
import { present } from "./rule-refs.ts";
import type { StatutoryLineFacts } from "./statutory-facts.ts";

type Period = NonNullable<EffectivePack["withdrawal"]["period"]>;

export interface WithdrawalWindow {
  /** not_started: the start event has not happened by `at`; open: started, no end can be computed. */
  readonly state: "not_started" | "dated" | "open";
  readonly startDay: DayNumber | null;
  readonly endDay: DayNumber | null;
  /** Rules that shaped the dates (for confidence and citations). */
  readonly used: RuleRef[];
  /** Short English fragments describing how the end was reached. */
  readonly how: string[];
}

/** The start event of the period, if it happened by `at`. */
export function startInstant(period: Period, f: StatutoryLineFacts): Date | null {
  let ev: Date | null;
  if (period.start === "purchase") ev = f.placedAt;
  else if (period.start === "line_delivered") ev = f.lineDeliveredAt;
  else if (!f.orderFullyDeliveredAt) ev = null;
  else if (f.lineDeliveredAt && f.lineDeliveredAt > f.orderFullyDeliveredAt) ev = f.lineDeliveredAt;
  else ev = f.orderFullyDeliveredAt;
  return ev && ev.getTime() <= f.at.getTime() ? ev : null;
}

export const START_LABEL: Readonly<Record<Period["start"], string>> = {
  order_fully_delivered: "delivery of the last item of the order",
  line_delivered: "delivery",
  purchase: "purchase",
};

interface RollContext {
  readonly pack: EffectivePack;
  readonly f: StatutoryLineFacts;
  readonly used: RuleRef[];
  wd: WorkingDays | null;
}

function working(ctx: RollContext): WorkingDays {
  const cal = ctx.pack.calendar.nonWorkingDays;
  ctx.wd ??= workingDays(ctx.f.country, ctx.f.region, cal?.weekendDays, cal?.publicHolidays ?? true);
  return ctx.wd;
}

/** `day` rolled forward when the pack has roll-forward; records the rules that moved it. */
function roll(ctx: RollContext, day: DayNumber): DayNumber {
  const w = ctx.pack.withdrawal;
  if (!w.rollForward?.enabled) return day;
  const s = rollForwardDay(day, working(ctx));
  if (s.moved) {
    ctx.used.push(w.rollForward);
    const cal = ctx.pack.calendar.nonWorkingDays;
    if (s.overHoliday && cal) ctx.used.push(cal);
  }
  return s.day;
}

export function withdrawalWindow(pack: EffectivePack, f: StatutoryLineFacts, zone: string): WithdrawalWindow {
  const w = pack.withdrawal;
  const period = present(w.period, "withdrawal.period");
  const used: RuleRef[] = [period];
  const how: string[] = [];
  const ev = startInstant(period, f);
  if (!ev) return { state: "not_started", startDay: null, endDay: null, used, how };
  const startDay = localDayOfInstant(ev.getTime(), zone);

  const ctx: RollContext = { pack, f, used, wd: null };
  const base = period.countFrom === "event_day" ? startDay - 1 : startDay;
  let end: DayNumber;
  if (period.dayKind === "business") {
    const s = addWorkingDaysToDay(base, period.days, working(ctx));
    if (s.overHoliday && pack.calendar.nonWorkingDays) used.push(pack.calendar.nonWorkingDays);
    end = s.day;
  } else {
    end = base + period.days;
  }
  const rolled = roll(ctx, end);
  if (rolled !== end) how.push("moved to the next working day");
  else if (w.rollForward && !w.rollForward.enabled && weekdayOfDay(end) % 6 === 0) {
    used.push(w.rollForward); // ends on a weekend: whether the law rolls it forward decides the date
  }
  end = rolled;

  const ni = w.notInformed;
  if (!f.returnTermsDisclosed && ni && ni.kind !== "none") {
    used.push(ni);
    if (ni.kind === "period_not_started") {
      how.push("the period has not started because the required information was not given");
      return { state: "open", startDay, endDay: null, used, how };
    }
    let ext = end;
    if (ni.kind === "months_after_normal_end") ext = roll(ctx, addMonthsToDay(end, ni.amount ?? 0));
    else if (ni.kind === "months_after_start") ext = roll(ctx, addMonthsToDay(startDay, ni.amount ?? 0));
    else ext = roll(ctx, startDay + (ni.amount ?? 0));
    let reason = "extended because the withdrawal information was not given";
    const info = f.withdrawalInfoGivenAt;
    if (info && ni.lateInformationDays !== null && info.getTime() <= f.at.getTime()) {
      const infoDay = localDayOfInstant(info.getTime(), zone);
      if (infoDay <= ext) {
        ext = roll(ctx, infoDay + ni.lateInformationDays);
        reason = `${ni.lateInformationDays} days after the missing information was given late`;
      }
    }
    if (ext > end) {
      end = ext;
      how.push(reason);
    }
  }
  return { state: "dated", startDay, endDay: end, used, how };
}
