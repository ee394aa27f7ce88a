import { z } from "zod";
import { checkMoneyFields, currencyCode, moneyText } from "./fields.ts";

const money = z
  .object({ amount: moneyText, currency: currencyCode })
  .superRefine((m, ctx) => checkMoneyFields(m.currency, [[["amount"], m.amount]], ctx));

/** POST /api/v1/returns/{id}/refund-preview and /refunds. */
export const refundBody = z.object({
  lines: z
    .array(z.object({ lineId: z.uuid(), quantity: z.int().min(1) }))
    .min(1)
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

/** POST /api/v1/payouts/sepa-export */
export const sepaExportBody = z.object({ requestedExecutionDate: z.iso.date().optional() });
