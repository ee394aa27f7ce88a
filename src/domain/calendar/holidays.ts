/**
 * Public holidays per (country, region, year), from date-holidays.
 *
 * One date-holidays instance per (country, region), created on first use; each year's public
 * holidays become a set of day numbers, computed once. Only type "public" counts (not bank,
 * school, optional or observance days). Following the stack notes, the holiday's local `date`
 * string is used, never its `start` instant. An unknown region falls back to the country's
 * national holidays (date-holidays does that itself); an unknown country has none.
 */
import Holidays from "date-holidays";
import { type DayNumber, dayNumberOf, type LocalDate, localDateOfDay, yearOfDay } from "./local-date.ts";

/** Public holidays of one (country, region); years are computed on first use and kept. */
export interface HolidayCalendar {
  readonly country: string;
  readonly region: string | null;
  isHoliday(day: DayNumber): boolean;
  holidaysOf(year: number): ReadonlySet<DayNumber>;
}

class DateHolidaysCalendar implements HolidayCalendar {
  private readonly years = new Map<number, ReadonlySet<DayNumber>>();
  private readonly source: Holidays;

  constructor(
    readonly country: string,
    readonly region: string | null,
  ) {
    const opts = { types: ["public" as const] };
    this.source = region ? new Holidays(country, region, opts) : new Holidays(country, opts);
  }

  holidaysOf(year: number): ReadonlySet<DayNumber> {
    let set = this.years.get(year);
    if (!set) {
      const days = new Set<DayNumber>();
      for (const h of this.source.getHolidays(year) ?? []) {
        if (h.type === "public") days.add(dayNumberOf(h.date.slice(0, 10)));
      }
      set = days;
      this.years.set(year, set);
    }
    return set;
  }

  isHoliday(day: DayNumber): boolean {
    return this.holidaysOf(yearOfDay(day)).has(day);
  }
}

const calendars = new Map<string, HolidayCalendar>();

/** The (cached) public-holiday calendar of a country and optional region ("BY", "US-CA" or "CA"). */
export function holidayCalendar(country: string, region: string | null): HolidayCalendar {
  const cacheKey = region ? `${country}|${region}` : country;
  let cal = calendars.get(cacheKey);
  if (!cal) {
    const c = country.toUpperCase();
    let r = region ? region.toUpperCase() : null;
    if (r?.startsWith(`${c}-`)) r = r.slice(c.length + 1);
    cal = new DateHolidaysCalendar(c, r || null);
    if (calendars.size >= 2_000) calendars.clear();
    calendars.set(cacheKey, cal);
  }
  return cal;
}

export function isPublicHoliday(date: LocalDate, country: string, region: string | null): boolean {
  return holidayCalendar(country, region).isHoliday(dayNumberOf(date));
}

/** The public holidays of a year, sorted (for display and tests). */
export function publicHolidays(country: string, region: string | null, year: number): LocalDate[] {
  return [...holidayCalendar(country, region).holidaysOf(year)].sort((a, b) => a - b).map(localDateOfDay);
}
