/**
 * The main IANA time zone of a country (and of a few subdivisions that differ from it), used
 * when the shopper's own zone is unknown. Design choice, not law: no statute read names a zone;
 * the facts pack (Part C §4.3) recommends the consumer's local zone at the delivery address.
 */
import { isValidTimeZone } from "./time-zone.ts";

const COUNTRY_ZONES: Readonly<Record<string, string>> = {
  // EU / EEA
  AT: "Europe/Vienna",
  BE: "Europe/Brussels",
  BG: "Europe/Sofia",
  HR: "Europe/Zagreb",
  CY: "Asia/Nicosia",
  CZ: "Europe/Prague",
  DK: "Europe/Copenhagen",
  EE: "Europe/Tallinn",
  FI: "Europe/Helsinki",
  FR: "Europe/Paris",
  DE: "Europe/Berlin",
  GR: "Europe/Athens",
  HU: "Europe/Budapest",
  IE: "Europe/Dublin",
  IT: "Europe/Rome",
  LV: "Europe/Riga",
  LT: "Europe/Vilnius",
  LU: "Europe/Luxembourg",
  MT: "Europe/Malta",
  NL: "Europe/Amsterdam",
  PL: "Europe/Warsaw",
  PT: "Europe/Lisbon",
  RO: "Europe/Bucharest",
  SK: "Europe/Bratislava",
  SI: "Europe/Ljubljana",
  ES: "Europe/Madrid",
  SE: "Europe/Stockholm",
  IS: "Atlantic/Reykjavik",
  LI: "Europe/Vaduz",
  NO: "Europe/Oslo",
  // Rest of Europe
  GB: "Europe/London",
  CH: "Europe/Zurich",
  TR: "Europe/Istanbul",
  RU: "Europe/Moscow",
  // Americas
  US: "America/New_York",
  CA: "America/Toronto",
  MX: "America/Mexico_City",
  BR: "America/Sao_Paulo",
  AR: "America/Argentina/Buenos_Aires",
  CL: "America/Santiago",
  CO: "America/Bogota",
  // Asia-Pacific
  AU: "Australia/Sydney",
  NZ: "Pacific/Auckland",
  JP: "Asia/Tokyo",
  KR: "Asia/Seoul",
  CN: "Asia/Shanghai",
  IN: "Asia/Kolkata",
  SG: "Asia/Singapore",
  // Middle East and Africa
  AE: "Asia/Dubai",
  SA: "Asia/Riyadh",
  ZA: "Africa/Johannesburg",
  IL: "Asia/Jerusalem",
};

/** Subdivisions (ISO 3166-2 without the country prefix) whose main zone differs from the country's. */
const REGION_ZONES: Readonly<Record<string, string>> = {
  "US-CA": "America/Los_Angeles",
  "US-WA": "America/Los_Angeles",
  "US-OR": "America/Los_Angeles",
  "US-NV": "America/Los_Angeles",
  "US-AZ": "America/Phoenix",
  "US-CO": "America/Denver",
  "US-UT": "America/Denver",
  "US-NM": "America/Denver",
  "US-TX": "America/Chicago",
  "US-IL": "America/Chicago",
  "US-MN": "America/Chicago",
  "US-AK": "America/Anchorage",
  "US-HI": "Pacific/Honolulu",
  "CA-BC": "America/Vancouver",
  "CA-AB": "America/Edmonton",
  "CA-SK": "America/Regina",
  "CA-MB": "America/Winnipeg",
  "CA-NB": "America/Moncton",
  "CA-NS": "America/Halifax",
  "CA-PE": "America/Halifax",
  "CA-NL": "America/St_Johns",
  "AU-WA": "Australia/Perth",
  "AU-SA": "Australia/Adelaide",
  "AU-NT": "Australia/Darwin",
  "AU-QLD": "Australia/Brisbane",
  "AU-VIC": "Australia/Melbourne",
  "AU-TAS": "Australia/Hobart",
  "ES-CN": "Atlantic/Canary",
  "PT-20": "Atlantic/Azores",
  "PT-30": "Atlantic/Madeira",
  "MX-BCN": "America/Tijuana",
  "BR-AM": "America/Manaus",
};

/** Main zone for a country/region, or "UTC" for a country not in the table. */
export function mainTimeZoneFor(country: string, region: string | null): string {
  const c = country.toUpperCase();
  if (region) {
    const zone = REGION_ZONES[`${c}-${region.toUpperCase()}`];
    if (zone) return zone;
  }
  return COUNTRY_ZONES[c] ?? "UTC";
}

/** The shopper's zone when it is a valid IANA name, otherwise the main zone of the address. */
export function resolveTimeZone(given: string | null, country: string, region: string | null): string {
  if (given && isValidTimeZone(given)) return given;
  return mainTimeZoneFor(country, region);
}
