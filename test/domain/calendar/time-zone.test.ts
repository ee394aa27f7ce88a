import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { mainTimeZoneFor, resolveTimeZone } from "../../../src/domain/calendar/main-time-zones.ts";
import {
  endOfLocalDay,
  isValidTimeZone,
  localDateOf,
  zoneOffsetMs,
} from "../../../src/domain/calendar/time-zone.ts";

const exactLocalDate = (d: Date, zone: string) =>
  new Intl.DateTimeFormat("en-CA", {
    timeZone: zone,
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
  }).format(d);

const ZONES = [
  "Europe/Berlin",
  "America/Los_Angeles",
  "Asia/Tokyo",
  "America/St_Johns",
  "Australia/Lord_Howe",
  "Asia/Kolkata",
  "UTC",
  "America/Santiago",
];

describe("local date of an instant", () => {
  test("day boundaries: 23:30 vs 00:30 local", () => {
    expect(localDateOf(new Date("2026-03-02T22:30:00Z"), "Europe/Berlin")).toBe("2026-03-02");
    expect(localDateOf(new Date("2026-03-02T23:30:00Z"), "Europe/Berlin")).toBe("2026-03-03");
    expect(localDateOf(new Date("2026-03-03T07:30:00Z"), "America/Los_Angeles")).toBe("2026-03-02");
    expect(localDateOf(new Date("2026-03-03T08:30:00Z"), "America/Los_Angeles")).toBe("2026-03-03");
    expect(localDateOf(new Date("2026-03-02T14:30:00Z"), "Asia/Tokyo")).toBe("2026-03-02");
    expect(localDateOf(new Date("2026-03-02T15:30:00Z"), "Asia/Tokyo")).toBe("2026-03-03");
  });

  test("around DST transitions (cached per UTC day, transition found by bisection)", () => {
    // Berlin springs forward at 01:00Z on 29 Mar 2026 and falls back at 01:00Z on 25 Oct 2026.
    expect(zoneOffsetMs("Europe/Berlin", Date.parse("2026-03-29T00:59:59Z"))).toBe(3_600_000);
    expect(zoneOffsetMs("Europe/Berlin", Date.parse("2026-03-29T01:00:00Z"))).toBe(7_200_000);
    expect(zoneOffsetMs("Europe/Berlin", Date.parse("2026-10-25T00:59:59Z"))).toBe(7_200_000);
    expect(zoneOffsetMs("Europe/Berlin", Date.parse("2026-10-25T01:00:00Z"))).toBe(3_600_000);
  });

  test("matches Intl for random instants and zones", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: Date.UTC(2020, 0, 1), max: Date.UTC(2030, 0, 1) }),
        fc.constantFrom(...ZONES),
        (ms, zone) => {
          expect(localDateOf(new Date(ms), zone)).toBe(exactLocalDate(new Date(ms), zone));
        },
      ),
      { numRuns: 3000 },
    );
  });
});

describe("end of a local day", () => {
  test("23:59:59.999 local, also on DST days", () => {
    expect(endOfLocalDay("2026-03-16", "Europe/Berlin").toISOString()).toBe("2026-03-16T22:59:59.999Z");
    expect(endOfLocalDay("2026-07-16", "Europe/Berlin").toISOString()).toBe("2026-07-16T21:59:59.999Z");
    expect(endOfLocalDay("2026-03-29", "Europe/Berlin").toISOString()).toBe("2026-03-29T21:59:59.999Z");
    expect(endOfLocalDay("2026-10-25", "Europe/Berlin").toISOString()).toBe("2026-10-25T22:59:59.999Z");
    expect(endOfLocalDay("2026-04-01", "America/Los_Angeles").toISOString()).toBe("2026-04-02T06:59:59.999Z");
    expect(endOfLocalDay("2026-03-09", "Asia/Tokyo").toISOString()).toBe("2026-03-09T14:59:59.999Z");
  });

  test("is the last instant of that local date in any zone", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: Date.UTC(2020, 0, 1), max: Date.UTC(2030, 0, 1) }),
        fc.constantFrom(...ZONES),
        (ms, zone) => {
          const date = localDateOf(new Date(ms), zone);
          const end = endOfLocalDay(date, zone).getTime();
          expect(localDateOf(new Date(end), zone)).toBe(date);
          expect(localDateOf(new Date(end + 1), zone)).not.toBe(date);
        },
      ),
      { numRuns: 2000 },
    );
  });
});

describe("main time zones", () => {
  test("country, region and fallbacks", () => {
    expect(mainTimeZoneFor("DE", null)).toBe("Europe/Berlin");
    expect(mainTimeZoneFor("US", "CA")).toBe("America/Los_Angeles");
    expect(mainTimeZoneFor("us", "ny")).toBe("America/New_York");
    expect(mainTimeZoneFor("CA", "BC")).toBe("America/Vancouver");
    expect(mainTimeZoneFor("XX", null)).toBe("UTC");
    expect(resolveTimeZone("Asia/Tokyo", "DE", null)).toBe("Asia/Tokyo");
    expect(resolveTimeZone("Mars/Olympus", "DE", null)).toBe("Europe/Berlin");
    expect(isValidTimeZone("Mars/Olympus")).toBe(false);
  });
});
