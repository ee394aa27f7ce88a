/**
 * Instants ↔ local dates in IANA time zones.
 *
 * `Intl.DateTimeFormat#formatToParts` costs a few microseconds, too slow for the decision hot
 * path, so the zone's UTC offset is cached per zone and UTC day: when the offset at the start
 * and at the end of a UTC day agree, the whole day uses it; a day with a transition (two a year
 * in DST zones) is computed exactly every time.
 */
import { type DayNumber, dayNumberOf, type LocalDate, localDateOfDay, MS_PER_DAY } from "./local-date.ts";

const formatters = new Map<string, Intl.DateTimeFormat | null>();

function formatterFor(zone: string): Intl.DateTimeFormat | null {
  let f = formatters.get(zone);
  if (f === undefined) {
    try {
      f = new Intl.DateTimeFormat("en-US", {
        timeZone: zone,
        hourCycle: "h23",
        year: "numeric",
        month: "numeric",
        day: "numeric",
        hour: "numeric",
        minute: "numeric",
        second: "numeric",
      });
    } catch {
      f = null;
    }
    formatters.set(zone, f);
  }
  return f;
}

/** Whether the runtime knows this IANA zone name. */
export function isValidTimeZone(zone: string): boolean {
  return formatterFor(zone) !== null;
}

function requireFormatter(zone: string): Intl.DateTimeFormat {
  const f = formatterFor(zone);
  if (!f) throw new RangeError(`unknown time zone: ${zone}`);
  return f;
}

/** Exact offset (local − UTC, in ms) of `zone` at instant `ms`, whole seconds. */
function exactOffset(f: Intl.DateTimeFormat, ms: number): number {
  const base = Math.floor(ms / 1000) * 1000;
  let y = 0;
  let mo = 0;
  let d = 0;
  let h = 0;
  let mi = 0;
  let s = 0;
  for (const p of f.formatToParts(base)) {
    if (p.type === "year") y = Number(p.value);
    else if (p.type === "month") mo = Number(p.value);
    else if (p.type === "day") d = Number(p.value);
    else if (p.type === "hour") h = Number(p.value);
    else if (p.type === "minute") mi = Number(p.value);
    else if (p.type === "second") s = Number(p.value);
  }
  const asUtc = new Date(0).setUTCFullYear(y, mo - 1, d) + h * 3_600_000 + mi * 60_000 + s * 1000;
  return asUtc - base;
}

const MAX_CACHED_DAYS = 200_000;
const offsetCache = new Map<string, Map<number, number>>();

/** UTC offset (local − UTC, in ms) of `zone` at the instant `ms`. */
export function zoneOffsetMs(zone: string, ms: number): number {
  const f = requireFormatter(zone);
  let days = offsetCache.get(zone);
  if (!days) {
    days = new Map();
    offsetCache.set(zone, days);
  }
  const utcDay = Math.floor(ms / MS_PER_DAY);
  let cached = days.get(utcDay);
  if (cached === undefined) {
    const atStart = exactOffset(f, utcDay * MS_PER_DAY);
    const atEnd = exactOffset(f, (utcDay + 1) * MS_PER_DAY - 1000);
    cached = atStart === atEnd ? atStart : Number.NaN;
    if (days.size >= MAX_CACHED_DAYS) days.clear();
    days.set(utcDay, cached);
  }
  return Number.isNaN(cached) ? exactOffset(f, ms) : cached;
}

/** Local day number of an instant (epoch ms) in `zone`. */
export function localDayOfInstant(ms: number, zone: string): DayNumber {
  return Math.floor((ms + zoneOffsetMs(zone, ms)) / MS_PER_DAY);
}

/** The local calendar date of `instant` in `zone`. */
export function localDateOf(instant: Date, zone: string): LocalDate {
  return localDateOfDay(localDayOfInstant(instant.getTime(), zone));
}

/** Epoch ms of the last millisecond (23:59:59.999 local) of a local day in `zone`. */
export function endOfLocalDayMs(dayNumber: DayNumber, zone: string): number {
  const target = (dayNumber + 1) * MS_PER_DAY - 1;
  let t = target - zoneOffsetMs(zone, target);
  t = target - zoneOffsetMs(zone, t);
  // A transition between the guesses: step back to the last instant still on that local day.
  while (localDayOfInstant(t, zone) > dayNumber) t -= 60_000;
  return t;
}

/**
 * The instant at which a deadline on local date `date` expires in `zone`: 23:59:59.999 local.
 * Anything at or before it is in time (`at.getTime() <= endOfLocalDay(...).getTime()`).
 */
export function endOfLocalDay(date: LocalDate, zone: string): Date {
  return new Date(endOfLocalDayMs(dayNumberOf(date), zone));
}
