import type { FieldIssue } from "../errors.ts";
import { formatMoney, type Money } from "../money.ts";
import { err, ok, type Result } from "../result.ts";
import { checkBic, checkIban } from "./iban-bic.ts";
import { sepaIdentifierProblem, sepaText, toSepaText } from "./sepa-text.ts";

export interface Pain001Payment {
  readonly instructionId: string;
  readonly endToEndId: string;
  readonly amount: Money;
  readonly creditor: { readonly name: string; readonly iban: string; readonly bic?: string | null };
  /** Unstructured remittance information; transliterated and shortened to 140 characters. */
  readonly remittance: string;
}

/** One SEPA credit-transfer file: Crossback's account (debtor) pays approved EUR refunds. */
export interface Pain001Batch {
  readonly messageId: string;
  readonly createdAt: Date;
  readonly debtor: { readonly name: string; readonly iban: string; readonly bic: string };
  /** YYYY-MM-DD */
  readonly requestedExecutionDate: string;
  readonly batchBooking: boolean;
  readonly payments: readonly Pain001Payment[];
}

export interface CheckedParty {
  readonly name: string;
  readonly iban: string;
  readonly bic: string | null;
}

export interface CheckedTransaction {
  readonly instructionId: string;
  readonly endToEndId: string;
  /** Decimal EUR amount, two decimals ("12.30"). */
  readonly amount: string;
  readonly creditor: CheckedParty;
  readonly remittance: string | null;
}

/** Every value as it goes into the file: checked, in the SEPA character set, amounts as decimals. */
export interface CheckedBatch {
  readonly messageId: string;
  readonly creationDateTime: string;
  readonly requestedExecutionDate: string;
  readonly batchBooking: boolean;
  readonly numberOfTransactions: string;
  readonly controlSum: string;
  readonly debtor: CheckedParty & { readonly bic: string };
  readonly transactions: readonly CheckedTransaction[];
}

/** EPC: the amount of one credit transfer is 0.01 to 999 999 999.99 EUR. */
export const MAX_SCT_CENTS = 99_999_999_999;
const NAME_MAX = 70;
const REMITTANCE_MAX = 140;

/** Integer cents as a decimal with two places, in BigInt so that no sum is ever rounded. */
export const centsToDecimal = (cents: bigint): string =>
  `${cents / 100n}.${(cents % 100n).toString().padStart(2, "0")}`;

/**
 * Checks a batch against the EPC SCT customer-to-PSP rules the XSD cannot express, and prepares
 * every value for the file. Refuses, naming the field: an empty batch, non-EUR, zero, negative,
 * fractional or too large amounts, IBANs outside SEPA, invalid IBANs and BICs, identifiers outside
 * the EPC rules, duplicate EndToEndIds or InstrIds, names with nothing left after transliteration.
 */
export function checkPain001Batch(batch: Pain001Batch): Result<CheckedBatch, FieldIssue[]> {
  const issues: FieldIssue[] = [];
  const identifier = (value: string, path: string): string => {
    const problem = sepaIdentifierProblem(value);
    if (problem) issues.push({ path, message: problem });
    return value;
  };
  const name = (value: string, path: string): string => {
    const text = sepaText(value, NAME_MAX);
    if (text === "") {
      issues.push({
        path,
        message:
          value.trim() === "" ? "is required" : "has no characters that the SEPA character set can carry",
      });
    }
    return text;
  };
  const iban = (value: string, path: string): string => {
    const checked = checkIban(value, path);
    if (!checked.ok) issues.push(...checked.error);
    else if (!checked.value.sepaReachable) {
      issues.push({
        path,
        message: `is an IBAN of ${checked.value.country}, which is not in the SEPA schemes`,
      });
    }
    return checked.ok ? checked.value.iban : value;
  };
  const bic = (value: string, path: string): string => {
    const checked = checkBic(value, path);
    if (!checked.ok) issues.push(...checked.error);
    return checked.ok ? checked.value : value;
  };

  const messageId = identifier(batch.messageId, "messageId");
  const created = batch.createdAt.getTime();
  const year = new Date(created).getUTCFullYear();
  if (Number.isNaN(created) || year < 1 || year > 9999) {
    issues.push({ path: "createdAt", message: "is not a valid date and time" });
  }
  if (!isCalendarDate(batch.requestedExecutionDate)) {
    issues.push({ path: "requestedExecutionDate", message: "must be a calendar date written YYYY-MM-DD" });
  }
  const debtor = {
    name: name(batch.debtor.name, "debtor.name"),
    iban: iban(batch.debtor.iban, "debtor.iban"),
    bic: bic(batch.debtor.bic, "debtor.bic"),
  };
  if (batch.payments.length === 0)
    issues.push({ path: "payments", message: "a file needs at least one payment" });

  const firstUse = { endToEndId: new Map<string, number>(), instructionId: new Map<string, number>() };
  let total = 0n;
  const transactions = batch.payments.map((p, i): CheckedTransaction => {
    const at = `payments[${i}]`;
    for (const key of ["endToEndId", "instructionId"] as const) {
      const earlier = firstUse[key].get(p[key]);
      if (earlier !== undefined) {
        issues.push({ path: `${at}.${key}`, message: `"${p[key]}" is already used by payments[${earlier}]` });
      } else firstUse[key].set(p[key], i);
    }
    const amountIssue = amountProblem(p.amount);
    if (amountIssue) issues.push({ path: `${at}.amount`, message: amountIssue });
    else total += BigInt(p.amount.amount);
    const rawBic = p.creditor.bic?.trim() ?? "";
    const remittance = sepaText(p.remittance, REMITTANCE_MAX);
    return {
      instructionId: identifier(p.instructionId, `${at}.instructionId`),
      endToEndId: identifier(p.endToEndId, `${at}.endToEndId`),
      amount: amountIssue ? "" : formatMoney(p.amount),
      creditor: {
        name: name(p.creditor.name, `${at}.creditor.name`),
        iban: iban(p.creditor.iban, `${at}.creditor.iban`),
        bic: rawBic === "" ? null : bic(rawBic, `${at}.creditor.bic`),
      },
      remittance: remittance === "" ? null : remittance,
    };
  });
  if (issues.length > 0) return err(issues);
  return ok({
    messageId,
    creationDateTime: new Date(created).toISOString().replace(/\.\d{3}Z$/, "Z"),
    requestedExecutionDate: batch.requestedExecutionDate,
    batchBooking: batch.batchBooking,
    numberOfTransactions: String(transactions.length),
    controlSum: centsToDecimal(total),
    debtor,
    transactions,
  });
}

function amountProblem(m: Money): string | null {
  if (m.currency !== "EUR") return `SEPA credit transfers are in EUR only (got ${toSepaText(m.currency)})`;
  if (!Number.isSafeInteger(m.amount)) return "must be a whole number of cents";
  if (m.amount < 1) return "must be at least 0.01 EUR";
  if (m.amount > MAX_SCT_CENTS) return "must be at most 999999999.99 EUR";
  return null;
}

function isCalendarDate(text: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d;
}
