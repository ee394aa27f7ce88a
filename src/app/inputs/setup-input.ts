import { z } from "zod";
import { countryCode, currencyCode } from "./fields.ts";

const text = (max = 200) => z.string().trim().min(1).max(max);

/** A merchant's own key for a legal entity or a market (the path of its PUT). */
export const setupCode = z.object({
  code: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, "must be 1 to 64 letters, digits, _ or -"),
});

/** PUT /api/v1/legal-entities/{code}: the company that issues credit notes for its markets. */
export const legalEntityBody = z.strictObject({
  name: text(),
  country: countryCode,
  vatNumber: text(40).nullish(),
  eoriNumber: text(40).nullish(),
  iossNumber: text(40).nullish(),
  address: z.strictObject({
    line1: text(),
    line2: text().optional(),
    postalCode: text(20).optional(),
    city: text(100),
    region: text(100).optional(),
  }),
});
export type LegalEntityBody = z.infer<typeof legalEntityBody>;

/** PUT /api/v1/markets/{code}: shopper countries sold to by one legal entity, in one currency. */
export const marketBody = z.strictObject({
  name: text(),
  countries: z.array(countryCode).min(1).max(300),
  currency: currencyCode,
  languages: z
    .array(
      z
        .string()
        .regex(/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/, "must be a language tag such as de or fr-CA")
        .max(35),
    )
    .max(50)
    .default([]),
  legalEntity: setupCode.shape.code,
});
export type MarketBody = z.infer<typeof marketBody>;
