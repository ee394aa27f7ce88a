import { z } from "zod";
import { isGtin } from "../../domain/receiving/gtin.ts";
import { boundedRecord, checkMoneyFields, countryCode, currencyCode, moneyText } from "./fields.ts";

/** PUT /api/v1/products/{sku}: the public contract. */
export const productBody = z
  .object({
    title: z.string().trim().min(1).max(500),
    category: z.string().trim().min(1).max(200).nullish(),
    vendor: z.string().trim().min(1).max(200).nullish(),
    finalSale: z.boolean().default(false),
    personalised: z.boolean().default(false),
    perishable: z.boolean().default(false),
    sealedHygiene: z.boolean().default(false),
    sealedMedia: z.boolean().default(false),
    digital: z.boolean().default(false),
    hsCode: z
      .string()
      .regex(/^\d{6,10}$/, "must be 6 to 10 digits (HS subheading or national tariff code), without dots")
      .nullish(),
    originCountry: countryCode.nullish(),
    weightGrams: z.int().min(0).max(10_000_000).nullish(),
    /** Variants of one product share a group (e.g. "TEE-ORG"); shoppers may exchange for another variant. */
    variantGroup: z.string().trim().min(1).max(200).nullish(),
    /** The item barcode (EAN-8, UPC-A, EAN-13 or GTIN-14, check digit verified); stored as GTIN-14. */
    gtin: z
      .string()
      .trim()
      .max(14)
      .refine(isGtin, "must be a GTIN: 8, 12, 13 or 14 digits with a valid check digit")
      .nullish(),
    /** What sets this variant apart: {"size": "M", "colour": "Navy"} (at most 5 options). */
    variantOptions: z
      .record(z.string().trim().min(1).max(40), z.string().trim().min(1).max(100))
      .refine((o) => Object.keys(o).length <= 5, { message: "at most 5 options" })
      .default({}),
    /** Current selling price per currency, e.g. {"EUR": "49.90", "JPY": "6900"}: prices exchanges. */
    prices: boundedRecord(currencyCode, moneyText).default({}),
    inStock: z.boolean().default(true),
  })
  .superRefine((p, ctx) => {
    for (const [currency, amount] of Object.entries(p.prices))
      checkMoneyFields(currency, [[["prices", currency], amount]], ctx);
  });

export type ProductBody = z.infer<typeof productBody>;
