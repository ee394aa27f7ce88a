/**
 * Local calendar dates ("YYYY-MM-DD", no time, no zone) and their arithmetic.
 *
 * Internally a date is a day number: whole days since 1970-01-01 in the proleptic Gregorian
 * calendar. The conversions use Howard Hinnant's civil-from-days algorithms, so no Date object
 * is created on the hot path.
 */

/** A calendar date in some local zone, formatted `YYYY-MM-DD`. */
export type LocalDate = string;

/** Whole days since 1970-01-01 (day 0 is a Thursday). */
export type DayNumber = number;

export const MS_PER_DAY = 86_400_000;

const LOCAL_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Day number of a civil date (month 1–12). */
export function dayFromCivil(year: number, month: number, day: number): DayNumber {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const mp = (month + 9) % 12;
  const doy = Math.floor((153 * mp + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146_097 + doe - 719_468;
}

/** Civil date of a day number. */
export function civilFromDay(dayNumber: DayNumber): { year: number; month: number; day: number } {
  const z = dayNumber + 719_468;
  const era = Math.floor(z / 146_097);
  const doe = z - era * 146_097;
  const yoe = Math.floor(
    (doe - Math.floor(doe / 1460) + Math.floor(doe / 36_524) - Math.floor(doe / 146_096)) / 365,
  );
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  return { year: yoe + era * 400 + (month <= 2 ? 1 : 0), month, day };
}

export function daysInMonth(year: number, month: number): number {
  return (
    dayFromCivil(month === 12 ? year + 1 : year, month === 12 ? 1 : month + 1, 1) -
    dayFromCivil(year, month, 1)
  );
}

export function isLocalDate(value: string): boolean {
  const m = LOCAL_DATE.exec(value);
  if (!m) return false;
  const month = Number(m[2]);
  const day = Number(m[3]);
  return month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(Number(m[1]), month);
}

/** Day number of a `YYYY-MM-DD` string; throws on anything else (a bug, not an expected outcome). */
export function dayNumberOf(date: LocalDate): DayNumber {
  if (!isLocalDate(date)) throw new RangeError(`not a local date (YYYY-MM-DD): ${date}`);
  return dayFromCivil(Number(date.slice(0, 4)), Number(date.slice(5, 7)), Number(date.slice(8, 10)));
}

const pad2 = (n: number): string => (n < 10 ? `0${n}` : String(n));

const formatted = new Map<DayNumber, LocalDate>();

export function localDateOfDay(dayNumber: DayNumber): LocalDate {
  let text = formatted.get(dayNumber);
  if (text === undefined) {
    const { year, month, day } = civilFromDay(dayNumber);
    text = `${String(year).padStart(4, "0")}-${pad2(month)}-${pad2(day)}`;
    if (formatted.size >= 100_000) formatted.clear();
    formatted.set(dayNumber, text);
  }
  return text;
}

/** 0 = Sunday … 6 = Saturday. */
export function weekdayOfDay(dayNumber: DayNumber): number {
  return (((dayNumber + 4) % 7) + 7) % 7;
}

export function weekdayOf(date: LocalDate): number {
  return weekdayOfDay(dayNumberOf(date));
}

export function yearOfDay(dayNumber: DayNumber): number {
  return civilFromDay(dayNumber).year;
}

/** `date` plus `days` calendar days (negative goes back). */
export function addCalendarDays(date: LocalDate, days: number): LocalDate {
  return localDateOfDay(dayNumberOf(date) + days);
}

/**
 * `months` calendar months after a day. A day that does not exist in the target month becomes
 * that month's last day (Reg. 1182/71 Art. 3(2)(c): 31 Jan + 1 month = 28/29 Feb).
 */
export function addMonthsToDay(dayNumber: DayNumber, months: number): DayNumber {
  const { year, month, day } = civilFromDay(dayNumber);
  const index = year * 12 + (month - 1) + months;
  const y = Math.floor(index / 12);
  const m = index - y * 12 + 1;
  return dayFromCivil(y, m, Math.min(day, daysInMonth(y, m)));
}

export function addMonths(date: LocalDate, months: number): LocalDate {
  return localDateOfDay(addMonthsToDay(dayNumberOf(date), months));
}

/** Negative if a is earlier, 0 if equal, positive if later. */
export function compareLocalDates(a: LocalDate, b: LocalDate): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
