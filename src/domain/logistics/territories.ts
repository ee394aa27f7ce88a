/** Customs territories: the EU customs union is one territory; every other country is its own. */

/** EU member states (ISO 3166-1 alpha-2), the Union customs territory of UCC Art. 4 (mainland). */
export const EU_MEMBERS: readonly string[] = [
  "AT",
  "BE",
  "BG",
  "CY",
  "CZ",
  "DE",
  "DK",
  "EE",
  "ES",
  "FI",
  "FR",
  "GR",
  "HR",
  "HU",
  "IE",
  "IT",
  "LT",
  "LU",
  "LV",
  "MT",
  "NL",
  "PL",
  "PT",
  "RO",
  "SE",
  "SI",
  "SK",
];

export const isEu = (country: string): boolean => EU_MEMBERS.includes(country);

/** "EU" for a member state, else the country itself. */
export function customsTerritory(country: string): string {
  return isEu(country) ? "EU" : country;
}

/** A parcel between two countries crosses a customs border (and needs customs papers). */
export function crossesBorder(from: string, to: string): boolean {
  return customsTerritory(from) !== customsTerritory(to);
}
