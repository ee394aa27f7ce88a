import { z } from "zod";
import { countryCode } from "./fields.ts";

/** PUT /api/v1/products/{sku}: the public contract. */
export const productBody = z.object({
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
});

export type ProductBody = z.infer<typeof productBody>;
