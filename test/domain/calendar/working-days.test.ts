import { describe, expect, test } from "vitest";
import { isPublicHoliday, publicHolidays } from "../../../src/domain/calendar/holidays.ts";
import { addBusinessDays, rollForward } from "../../../src/domain/calendar/working-days.ts";

describe("public holidays (date-holidays, type public, local date strings)", () => {
  test("national and regional", () => {
    expect(isPublicHoliday("2026-05-25", "DE", null)).toBe(true); // Pfingstmontag
    expect(isPublicHoliday("2026-01-06", "DE", null)).toBe(false);
    expect(isPublicHoliday("2026-01-06", "DE", "BY")).toBe(true); // Heilige Drei Könige
    expect(isPublicHoliday("2026-01-06", "DE", "DE-BY")).toBe(true);
    expect(isPublicHoliday("2026-07-14", "FR", null)).toBe(true);
    expect(isPublicHoliday("2026-03-16", "MX", null)).toBe(true); // Natalicio de Benito Juárez
    expect(isPublicHoliday("2026-04-02", "MX", null)).toBe(false); // Jueves Santo is not an official holiday
    expect(isPublicHoliday("2026-03-23", "CO", null)).toBe(true); // San José
  });

  test("unknown regions fall back to the country; unknown countries have none", () => {
    expect(publicHolidays("DE", "XX", 2026)).toEqual(publicHolidays("DE", null, 2026));
    expect(publicHolidays("ZZ", null, 2026)).toEqual([]);
  });

  test("observances and bank holidays do not count (Heiligabend in DE is a bank half-day)", () => {
    expect(isPublicHoliday("2026-12-24", "DE", null)).toBe(false);
  });
});

describe("business days and roll-forward", () => {
  test("the n-th business day after a date", () => {
    expect(addBusinessDays("2026-03-02", 5, "MX", null)).toBe("2026-03-09");
    expect(addBusinessDays("2026-03-10", 5, "MX", null)).toBe("2026-03-18");
    expect(addBusinessDays("2026-03-18", 5, "CO", null)).toBe("2026-03-26");
    expect(addBusinessDays("2026-03-07", 1, "DE", null)).toBe("2026-03-09");
    expect(addBusinessDays("2026-03-02", 0, "DE", null)).toBe("2026-03-02");
  });

  test("rolls a Saturday, Sunday or public holiday to the next working day", () => {
    expect(rollForward("2026-03-21", "DE", null)).toBe("2026-03-23");
    expect(rollForward("2026-04-03", "DE", null)).toBe("2026-04-07");
    expect(rollForward("2026-03-16", "DE", null)).toBe("2026-03-16");
    expect(rollForward("2026-12-25", "FR", null)).toBe("2026-12-28");
  });
});
