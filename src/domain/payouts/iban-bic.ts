import { getCountrySpecifications, validateBIC, validateIBAN } from "ibantools";
import type { FieldIssue } from "../errors.ts";
import { err, ok, type Result } from "../result.ts";
import { isSepaCountry } from "./sepa-countries.ts";

export interface CheckedIban {
  /** Electronic format: upper case, no spaces. */
  readonly iban: string;
  readonly country: string;
  readonly sepaReachable: boolean;
}

/** Upper case without spaces (the electronic format); no other character is dropped. */
export const normalizeIban = (raw: string): string => raw.replace(/\s+/g, "").toUpperCase();
export const normalizeBic = (raw: string): string => raw.replace(/\s+/g, "").toUpperCase();

/**
 * Checks an IBAN with ibantools: a known country, that country's length and BBAN format, the
 * ISO 7064 mod-97 check digits and, where ibantools knows one, the national check digit. Swiss
 * QR-IBANs are refused: they only take QR-bill payments, never a refund.
 */
export function checkIban(raw: string, path: string): Result<CheckedIban, FieldIssue[]> {
  const iban = normalizeIban(raw);
  if (iban === "") return err([{ path, message: "is required" }]);
  if (!/^[A-Z]{2}[0-9]{2}[A-Z0-9]{1,30}$/.test(iban)) {
    return err([{ path, message: "must be two letters, two check digits and up to 30 letters or digits" }]);
  }
  const country = iban.slice(0, 2);
  const { errorCodes } = validateIBAN(iban, { allowQRIBAN: false });
  const first = errorCodes[0];
  if (first !== undefined) return err([{ path, message: ibanMessage(first, country, iban.length) }]);
  return ok({ iban, country, sepaReachable: isSepaCountry(country) });
}

function ibanMessage(code: number, country: string, length: number): string {
  const expected = getCountrySpecifications()[country]?.chars;
  switch (code) {
    case 1:
      return `"${country}" is not a country that issues IBANs`;
    case 2:
      return `a ${country} IBAN has ${expected ?? "a fixed number of"} characters, this one has ${length}`;
    case 3:
      return `the account part does not have the ${country} IBAN format`;
    case 5:
    case 4:
      return "the check digits do not match: a character is probably mistyped";
    case 6:
      return `the ${country} national check digit does not match: a character is probably mistyped`;
    case 7:
      return "is a Swiss QR-IBAN, which only takes QR-bill payments: give the account's regular IBAN";
    default:
      return "is not a valid IBAN";
  }
}

/** Checks a BIC (ISO 9362: 8 or 11 characters, a known country) and returns it upper case. */
export function checkBic(raw: string, path: string): Result<string, FieldIssue[]> {
  const bic = normalizeBic(raw);
  if (bic === "") return err([{ path, message: "is required" }]);
  const { errorCodes } = validateBIC(bic);
  const first = errorCodes[0];
  if (first === undefined && /^[A-Z0-9]{4}[A-Z]{2}[A-Z0-9]{2}([A-Z0-9]{3})?$/.test(bic)) return ok(bic);
  return err([
    {
      path,
      message:
        first === 1
          ? `"${bic.slice(4, 6)}" (characters 5–6) is not a country code`
          : "must be 8 or 11 characters: 4 letters (bank), 2 letters (country), 2 letters or digits (location), optionally 3 for the branch",
    },
  ]);
}
