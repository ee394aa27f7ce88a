import type { FieldIssue } from "../errors.ts";
import { err, ok, type Result } from "../result.ts";
import { isValidAbaRoutingNumber, isValidClabe } from "./account-checks.ts";
import { lastFour, maskClabe, maskDigits, maskIban, maskPixKey, maskSortCode } from "./account-mask.ts";
import { checkBic, checkIban } from "./iban-bic.ts";
import { type PixKeyType, parsePixKey } from "./pix-key.ts";

/** The account details a shopper gives for a bank-transfer refund, by the country's scheme. */
export type BankAccountDetails = { readonly accountHolder: string } & (
  | { readonly scheme: "iban"; readonly iban: string; readonly bic?: string | null }
  | { readonly scheme: "gb_sort_code"; readonly sortCode: string; readonly accountNumber: string }
  | {
      readonly scheme: "us_aba";
      readonly routingNumber: string;
      readonly accountNumber: string;
      /** Required; absent (null) is refused by the validation, naming the field. */
      readonly accountType: "checking" | "savings" | null;
    }
  | { readonly scheme: "mx_clabe"; readonly clabe: string }
  | { readonly scheme: "br_pix"; readonly key: string }
  /** Anything else: free text that an agent pays out by hand. */
  | { readonly scheme: "other"; readonly country: string; readonly details: string }
);

export type BankAccountScheme = BankAccountDetails["scheme"];

/** Checked and normalised details (upper case, no spaces), with a masked form for display. */
export type NormalizedAccount = {
  readonly accountHolder: string;
  /** ISO 3166 alpha-2 country of the account. */
  readonly country: string;
  readonly masked: string;
  /** True when no automated rail can pay it: an agent pays it by hand. */
  readonly manualPayout: boolean;
} & (
  | {
      readonly scheme: "iban";
      readonly iban: string;
      readonly bic: string | null;
      readonly sepaReachable: boolean;
    }
  | { readonly scheme: "gb_sort_code"; readonly sortCode: string; readonly accountNumber: string }
  | {
      readonly scheme: "us_aba";
      readonly routingNumber: string;
      readonly accountNumber: string;
      readonly accountType: "checking" | "savings";
    }
  | { readonly scheme: "mx_clabe"; readonly clabe: string; readonly bankCode: string }
  | { readonly scheme: "br_pix"; readonly keyType: PixKeyType; readonly key: string }
  | { readonly scheme: "other"; readonly details: string }
);

const HOLDER_MAX = 140;
const DETAILS_MAX = 1000;

/**
 * Checks account details and names every failing field (prefixed with `at`, e.g. "bankAccount").
 * IBAN: country, length, format and check digits, optional BIC; sort code 6 digits and account
 * number 8; ABA routing checksum; CLABE 18 digits and its 3-7-1 check digit; Pix key by type.
 */
export function validateBankAccount(
  input: BankAccountDetails,
  at = "",
): Result<NormalizedAccount, FieldIssue[]> {
  const path = (field: string): string => (at === "" ? field : `${at}.${field}`);
  const issues: FieldIssue[] = [];
  const holder = input.accountHolder.normalize("NFC").replace(/\s+/g, " ").trim();
  if (holder === "") issues.push({ path: path("accountHolder"), message: "is required" });
  else if (holder.length > HOLDER_MAX) {
    issues.push({ path: path("accountHolder"), message: `must be at most ${HOLDER_MAX} characters` });
  }
  const base = { accountHolder: holder, manualPayout: false };
  const done = (account: NormalizedAccount): Result<NormalizedAccount, FieldIssue[]> =>
    issues.length > 0 ? err(issues) : ok(account);
  const digits = (raw: string): string => raw.replace(/[\s-]/g, "");

  switch (input.scheme) {
    case "iban": {
      const iban = checkIban(input.iban, path("iban"));
      if (!iban.ok) issues.push(...iban.error);
      const rawBic = input.bic?.trim() ?? "";
      const bic = rawBic === "" ? ok(null) : checkBic(rawBic, path("bic"));
      if (!bic.ok) issues.push(...bic.error);
      if (!iban.ok || !bic.ok) return err(issues);
      const { iban: value, country, sepaReachable } = iban.value;
      return done({
        ...base,
        scheme: "iban",
        iban: value,
        bic: bic.value,
        country,
        sepaReachable,
        masked: maskIban(value),
      });
    }
    case "gb_sort_code": {
      const sortCode = digits(input.sortCode);
      const accountNumber = digits(input.accountNumber);
      if (!/^[0-9]{6}$/.test(sortCode))
        issues.push({ path: path("sortCode"), message: "must be 6 digits, such as 60-16-13" });
      if (!/^[0-9]{8}$/.test(accountNumber))
        issues.push({ path: path("accountNumber"), message: "must be 8 digits" });
      const masked = maskSortCode(sortCode, accountNumber);
      return done({ ...base, scheme: "gb_sort_code", country: "GB", sortCode, accountNumber, masked });
    }
    case "us_aba": {
      const routingNumber = digits(input.routingNumber);
      const accountNumber = digits(input.accountNumber);
      if (!/^[0-9]{9}$/.test(routingNumber))
        issues.push({ path: path("routingNumber"), message: "must be 9 digits" });
      else if (!isValidAbaRoutingNumber(routingNumber)) {
        issues.push({
          path: path("routingNumber"),
          message: "is not a valid ABA routing number: the check digit does not match",
        });
      }
      if (!/^[0-9]{4,17}$/.test(accountNumber))
        issues.push({ path: path("accountNumber"), message: "must be 4 to 17 digits" });
      const accountType = input.accountType;
      if (accountType !== "checking" && accountType !== "savings") {
        issues.push({ path: path("accountType"), message: 'must be "checking" or "savings"' });
        return err(issues);
      }
      const masked = `${routingNumber} ${lastFour(accountNumber)}`;
      return done({
        ...base,
        scheme: "us_aba",
        country: "US",
        routingNumber,
        accountNumber,
        accountType,
        masked,
      });
    }
    case "mx_clabe": {
      const clabe = digits(input.clabe);
      if (!/^[0-9]{18}$/.test(clabe)) issues.push({ path: path("clabe"), message: "must be 18 digits" });
      else if (!isValidClabe(clabe)) {
        issues.push({
          path: path("clabe"),
          message: "the check digit (the 18th) does not match: a digit is probably mistyped",
        });
      }
      return done({
        ...base,
        scheme: "mx_clabe",
        country: "MX",
        clabe,
        bankCode: clabe.slice(0, 3),
        masked: maskClabe(clabe),
      });
    }
    case "br_pix": {
      const key = parsePixKey(input.key);
      if (!key.ok) return err([...issues, { path: path("key"), message: key.error }]);
      return done({ ...base, scheme: "br_pix", country: "BR", ...key.value, masked: maskPixKey(key.value) });
    }
    case "other": {
      const country = input.country.trim().toUpperCase();
      const details = input.details.trim();
      if (!/^[A-Z]{2}$/.test(country))
        issues.push({ path: path("country"), message: "must be an ISO 3166 two-letter country code" });
      if (details === "") issues.push({ path: path("details"), message: "is required" });
      else if (details.length > DETAILS_MAX) {
        issues.push({ path: path("details"), message: `must be at most ${DETAILS_MAX} characters` });
      }
      return done({
        ...base,
        scheme: "other",
        country,
        details,
        manualPayout: true,
        masked: maskDigits(details),
      });
    }
  }
}
