/**
 * Countries and territories in the geographical scope of the EPC's SEPA payment schemes, by the
 * ISO 3166 code an IBAN of theirs can start with. As of November 2026 the scope is 41 countries:
 * the 27 EU member states, the other EEA states (IS, LI, NO), CH, GB, MC, SM, AD, VA, and the
 * enlargement countries AL and ME (in scope since November 2024), MD and MK (March 2025) and
 * RS (May 2025; Serbian PSPs operational since May 2026).
 *
 * Territories that belong to a member state but have their own ISO code are listed too (French
 * overseas departments and collectivities, Åland, Gibraltar, the Crown Dependencies); most of them
 * use their parent's IBANs (FR…, FI…, GB…). New Caledonia, French Polynesia and Wallis and Futuna
 * (XPF) are not in SEPA. `ibantools`' own SEPA flag predates the 2024–2025 enlargement, hence this
 * list. Check it against the EPC's "List of countries and territories in the SEPA schemes' scope"
 * (EPC409-09) when the EPC announces a change.
 */
const codes = (list: string): string[] => list.trim().split(/\s+/);
const EU = codes("AT BE BG HR CY CZ DK EE FI FR DE GR HU IE IT LV LT LU MT NL PL PT RO SK SI ES SE");
const OTHER_EEA = codes("IS LI NO");
const NON_EEA = codes("CH GB MC SM AD VA");
const ENLARGEMENT = codes("AL ME MD MK RS");
/** Åland (FI); French overseas; Gibraltar; Guernsey, Jersey, Isle of Man (GB IBANs). */
const TERRITORIES = codes("AX GF GP MQ RE YT BL MF PM GI GG JE IM");

export const SEPA_COUNTRIES: ReadonlySet<string> = new Set<string>([
  ...EU,
  ...OTHER_EEA,
  ...NON_EEA,
  ...ENLARGEMENT,
  ...TERRITORIES,
]);

/** Whether an account in this country (ISO 3166 alpha-2, e.g. an IBAN's first two letters) is reachable by SEPA. */
export const isSepaCountry = (countryCode: string): boolean => SEPA_COUNTRIES.has(countryCode.toUpperCase());
