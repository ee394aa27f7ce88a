import { z } from "zod";
import type { BankAccountDetails } from "../../domain/payouts/bank-account.ts";
import { checkMoneyFields, currencyCode, moneyText } from "./fields.ts";

const money = z
  .object({ amount: moneyText, currency: currencyCode })
  .superRefine((m, ctx) => checkMoneyFields(m.currency, [[["amount"], m.amount]], ctx));

/** POST /api/v1/returns/{id}/refund-preview and /refunds. */
export const refundBody = z.object({
  lines: z
    .array(z.object({ lineId: z.uuid(), quantity: z.int().min(1).max(1_000_000) }))
    .min(1)
    .max(200)
    .optional(),
  goodwill: money.nullish(),
  replacement: z
    .object({ sku: z.string().min(1).max(200), title: z.string().min(1).max(500), unitPrice: money })
    .nullish(),
});

/** POST /api/v1/customers/{id}/store-credit/redeem */
export const redeemBody = z
  .object({ amount: moneyText, currency: currencyCode, reference: z.string().trim().min(1).max(200) })
  .superRefine((b, ctx) => checkMoneyFields(b.currency, [[["amount"], b.amount]], ctx));

/** POST /api/v1/settlements/{id}/bank-account */
export const bankAccountBody = z.object({
  accountHolder: z.string().trim().min(1).max(140),
  scheme: z.enum(["iban", "gb_sort_code", "us_aba", "mx_clabe", "br_pix", "other"]),
  iban: z.string().max(50).optional(),
  bic: z.string().max(11).optional(),
  sortCode: z.string().max(10).optional(),
  accountNumber: z.string().max(34).optional(),
  routingNumber: z.string().max(9).optional(),
  accountType: z.enum(["checking", "savings"]).optional(),
  clabe: z.string().max(18).optional(),
  key: z.string().max(100).optional(),
  country: z.string().length(2).optional(),
  details: z.string().max(500).optional(),
});

export type BankAccountBody = z.infer<typeof bankAccountBody>;

/**
 * The body as the domain's details: a field the scheme needs but the body lacks becomes "", which the
 * validation then names ("is required", "must be 9 digits").
 */
export function toBankAccountDetails(b: BankAccountBody): BankAccountDetails {
  const holder = { accountHolder: b.accountHolder };
  switch (b.scheme) {
    case "iban":
      return { ...holder, scheme: "iban", iban: b.iban ?? "", bic: b.bic ?? null };
    case "gb_sort_code":
      return {
        ...holder,
        scheme: "gb_sort_code",
        sortCode: b.sortCode ?? "",
        accountNumber: b.accountNumber ?? "",
      };
    case "us_aba":
      return {
        ...holder,
        scheme: "us_aba",
        routingNumber: b.routingNumber ?? "",
        accountNumber: b.accountNumber ?? "",
        accountType: b.accountType ?? null,
      };
    case "mx_clabe":
      return { ...holder, scheme: "mx_clabe", clabe: b.clabe ?? "" };
    case "br_pix":
      return { ...holder, scheme: "br_pix", key: b.key ?? "" };
    case "other":
      return { ...holder, scheme: "other", country: b.country ?? "", details: b.details ?? "" };
  }
}

/** POST /api/v1/payouts/sepa-export */
export const sepaExportBody = z.object({ requestedExecutionDate: z.iso.date().optional() });
