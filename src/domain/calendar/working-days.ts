/**
 * Working (business) days: every day except the weekend days and the public holidays of a
 * country/region. Used for business-day periods (MX, CO "días hábiles") and for rolling a last
 * day that falls on a Saturday, Sunday or public holiday forward (Reg. 1182/71 Art. 3(4)).
 */
import { type HolidayCalendar, holidayCalendar } from "./holidays.ts";
import { type DayNumber, dayNumberOf, type LocalDate, localDateOfDay, weekdayOfDay } from "./local-date.ts";

/** Saturday and Sunday (0 = Sunday … 6 = Saturday). */
export const SATURDAY_SUNDAY: readonly number[] = [6, 0];

export interface WorkingDays {
  readonly holidays: HolidayCalendar | null;
  /** Bit i set = weekday i is a weekend day. */
  readonly weekendMask: number;
}

export function workingDays(
  country: string,
  region: string | null,
  weekendDays: readonly number[] = SATURDAY_SUNDAY,
  publicHolidays = true,
): WorkingDays {
  let weekendMask = 0;
  for (const d of weekendDays) weekendMask |= 1 << d;
  return { holidays: publicHolidays ? holidayCalendar(country, region) : null, weekendMask };
}

export function isWeekendDay(day: DayNumber, wd: WorkingDays): boolean {
  return (wd.weekendMask & (1 << weekdayOfDay(day))) !== 0;
}

export function isWorkingDay(day: DayNumber, wd: WorkingDays): boolean {
  return !isWeekendDay(day, wd) && !(wd.holidays?.isHoliday(day) ?? false);
}

export interface DayShift {
  readonly day: DayNumber;
  /** The result differs from the naive count because of a weekend day or a public holiday. */
  readonly moved: boolean;
  /** A public holiday (not only a weekend) changed the result. */
  readonly overHoliday: boolean;
}

/** The `n`-th working day after `start` (`start` itself is not counted; n = 0 gives `start`). */
export function addWorkingDaysToDay(start: DayNumber, n: number, wd: WorkingDays): DayShift {
  let day = start;
  let counted = 0;
  let overHoliday = false;
  while (counted < n) {
    day += 1;
    if (isWeekendDay(day, wd)) continue;
    if (wd.holidays?.isHoliday(day)) {
      overHoliday = true;
      continue;
    }
    counted += 1;
  }
  return { day, moved: day !== start + n, overHoliday };
}

/** `day` itself when it is a working day, else the next working day. */
export function rollForwardDay(day: DayNumber, wd: WorkingDays): DayShift {
  let d = day;
  let overHoliday = false;
  for (;;) {
    if (isWeekendDay(d, wd)) {
      d += 1;
      continue;
    }
    if (wd.holidays?.isHoliday(d)) {
      overHoliday = true;
      d += 1;
      continue;
    }
    return { day: d, moved: d !== day, overHoliday };
  }
}

/** The `days`-th business day after `date` (Saturdays, Sundays and the public holidays excluded). */
export function addBusinessDays(
  date: LocalDate,
  days: number,
  country: string,
  region: string | null,
): LocalDate {
  return localDateOfDay(addWorkingDaysToDay(dayNumberOf(date), days, workingDays(country, region)).day);
}

/** `date` moved to the next working day when it is a Saturday, Sunday or public holiday. */
export function rollForward(date: LocalDate, country: string, region: string | null): LocalDate {
  return localDateOfDay(rollForwardDay(dayNumberOf(date), workingDays(country, region)).day);
}
