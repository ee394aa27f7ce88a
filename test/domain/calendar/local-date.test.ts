import fc from "fast-check";
import { describe, expect, test } from "vitest";
import {
  addCalendarDays,
  addMonths,
  civilFromDay,
  compareLocalDates,
  dayFromCivil,
  dayNumberOf,
  isLocalDate,
  localDateOfDay,
  weekdayOf,
} from "../../../src/domain/calendar/local-date.ts";

describe("local dates", () => {
  test("day numbers match the JavaScript calendar", () => {
    fc.assert(
      fc.property(fc.integer({ min: -200_000, max: 200_000 }), (day) => {
        const iso = new Date(day * 86_400_000).toISOString().slice(0, 10);
        expect(localDateOfDay(day)).toBe(iso);
        expect(dayNumberOf(iso)).toBe(day);
        const { year, month, day: d } = civilFromDay(day);
        expect(dayFromCivil(year, month, d)).toBe(day);
      }),
    );
  });

  test("weekdays: 1 March 2026 is a Sunday, 2 March a Monday", () => {
    expect(weekdayOf("2026-03-01")).toBe(0);
    expect(weekdayOf("2026-03-02")).toBe(1);
    expect(weekdayOf("1970-01-01")).toBe(4);
  });

  test("calendar days cross months and years", () => {
    expect(addCalendarDays("2026-03-02", 14)).toBe("2026-03-16");
    expect(addCalendarDays("2026-03-02", 30)).toBe("2026-04-01");
    expect(addCalendarDays("2026-12-25", 14)).toBe("2027-01-08");
    expect(addCalendarDays("2028-02-28", 1)).toBe("2028-02-29");
  });

  test("months: a missing day becomes the month's last day (Reg. 1182/71 Art. 3(2)(c))", () => {
    expect(addMonths("2026-03-16", 12)).toBe("2027-03-16");
    expect(addMonths("2026-01-31", 1)).toBe("2026-02-28");
    expect(addMonths("2028-02-29", 12)).toBe("2029-02-28");
    expect(addMonths("2026-11-30", 3)).toBe("2027-02-28");
    expect(addMonths("2026-03-31", -1)).toBe("2026-02-28");
  });

  test("validation", () => {
    expect(isLocalDate("2026-02-29")).toBe(false);
    expect(isLocalDate("2028-02-29")).toBe(true);
    expect(isLocalDate("2026-3-1")).toBe(false);
    expect(() => dayNumberOf("16/03/2026")).toThrow(RangeError);
    expect(compareLocalDates("2026-03-16", "2026-03-17")).toBeLessThan(0);
  });
});
