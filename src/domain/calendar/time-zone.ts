/**
 * Instants ↔ local dates in IANA time zones.
 *
 * `Intl.DateTimeFormat#formatToParts` costs a few microseconds, too slow for the decision hot
 * path, so the zone's UTC offset is cached per zone and UTC day: when the offset at the start
 * and at the end of a UTC day agree, the whole day uses it; a day with a transition (two a year
 * in DST zones) is computed exactly every time.
 */
import { boundedMemo } from "../memo.ts";
import { type DayNumber, dayNumberOf, type LocalDate, localDateOfDay, MS_PER_DAY } from "./local-date.ts";

/** The zone's formatter (null: a zone the runtime does not know), kept per zone. */
const formatterFor = boundedMemo(
  2_000,
  (zone: string) => zone,
  (zone): Intl.DateTimeFormat | null => {
    try {
      return new Intl.DateTimeFormat("en-US", {
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
      return null;
    }
  },
);

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

/** A UTC day's offset: constant, or one transition at `at` (epoch ms) from `before` to `after`. */
type DayOffset = number | { readonly at: number; readonly before: number; readonly after: number };

const MAX_CACHED_DAYS = 200_000;
const offsetCache = new Map<string, Map<number, DayOffset>>();

function dayOffset(f: Intl.DateTimeFormat, utcDay: number): DayOffset {
  const start = utcDay * MS_PER_DAY;
  const before = exactOffset(f, start);
  const after = exactOffset(f, start + MS_PER_DAY - 1000);
  if (before === after) return before;
  // One transition inside the day: find its first second by bisection (done once per zone-day).
  let lo = start;
  let hi = start + MS_PER_DAY - 1000;
  while (hi - lo > 1000) {
    const mid = lo + Math.floor((hi - lo) / 2000) * 1000;
    if (exactOffset(f, mid) === before) lo = mid;
    else hi = mid;
  }
  return { at: hi, before, after };
}

/** UTC offset (local − UTC, in ms) of `zone` at the instant `ms`. */
export function zoneOffsetMs(zone: string, ms: number): number {
  let days = offsetCache.get(zone);
  if (!days) {
    days = new Map();
    offsetCache.set(zone, days);
  }
  const utcDay = Math.floor(ms / MS_PER_DAY);
  let cached = days.get(utcDay);
  if (cached === undefined) {
    cached = dayOffset(requireFormatter(zone), utcDay);
    if (days.size >= MAX_CACHED_DAYS) days.clear();
    days.set(utcDay, cached);
  }
  if (typeof cached === "number") return cached;
  return ms < cached.at ? cached.before : cached.after;
}

/** Local day number of an instant (epoch ms) in `zone`. */
export function localDayOfInstant(ms: number, zone: string): DayNumber {
  return Math.floor((ms + zoneOffsetMs(zone, ms)) / MS_PER_DAY);
}

/** The local calendar date of `instant` in `zone`. */
export function localDateOf(instant: Date, zone: string): LocalDate {
  return localDateOfDay(localDayOfInstant(instant.getTime(), zone));
}

/**
 * Epoch ms of the last millisecond of a local day in `zone` (23:59:59.999 local, or the last
 * instant before a transition that skips it; after a fall-back at midnight, the later one).
 * Found by bisection over the instants whose local time can be that moment (offsets −12 h…+14 h).
 */
export function endOfLocalDayMs(dayNumber: DayNumber, zone: string): number {
  let days = endCache.get(zone);
  if (!days) {
    days = new Map();
    endCache.set(zone, days);
  }
  let end = days.get(dayNumber);
  if (end === undefined) {
    end = searchEndOfLocalDay(dayNumber, zone);
    if (days.size >= MAX_CACHED_DAYS) days.clear();
    days.set(dayNumber, end);
  }
  return end;
}

/** Per zone, per local day: the end instant (a pure function of both, so cached). */
const endCache = new Map<string, Map<DayNumber, number>>();

function searchEndOfLocalDay(dayNumber: DayNumber, zone: string): number {
  const target = (dayNumber + 1) * MS_PER_DAY - 1;
  let lo = target - 15 * 3_600_000; // local time ≤ target − 1 h: on or before the day
  let hi = target + 13 * 3_600_000; // local time ≥ target + 1 h: after the day
  while (hi - lo > 1) {
    const mid = lo + Math.floor((hi - lo) / 2);
    if (localDayOfInstant(mid, zone) <= dayNumber) lo = mid;
    else hi = mid;
  }
  return lo;
}

/**
 * The instant at which a deadline on local date `date` expires in `zone`: 23:59:59.999 local.
 * Anything at or before it is in time (`at.getTime() <= endOfLocalDay(...).getTime()`).
 */
export function endOfLocalDay(date: LocalDate, zone: string): Date {
  return new Date(endOfLocalDayMs(dayNumberOf(date), zone));
}
