import { z } from "zod";
import { RESOLUTIONS, RETURN_REASONS } from "../../domain/return-reasons.ts";
import { locale } from "./fields.ts";
import { bankAccountBody } from "./refund-input.ts";

/** The shoppers' returns portal (/api/portal/v1): the public contract. */

const lineId = z.string().trim().min(1).max(200);
const quantity = z.int().min(1, "must be at least 1").max(10_000);
const email = z.string().trim().max(320).pipe(z.email("must be an e-mail address"));

export const lookupBody = z
  .object({
    orderNumber: z.string().trim().min(1, "is required").max(100),
    email: email.nullish(),
    postalCode: z.string().trim().min(2).max(20).nullish(),
    giftCode: z
      .string()
      .trim()
      .min(6, "must be at least 6 characters")
      .max(64)
      .regex(/^[A-Za-z0-9 -]+$/, "letters, digits and dashes only")
      .nullish(),
    locale: locale.optional(),
  })
  .superRefine((b, ctx) => {
    const given = [b.email, b.postalCode, b.giftCode].filter(Boolean).length;
    if (given !== 1)
      ctx.addIssue({
        code: "custom",
        path: ["email"],
        message: "give exactly one of the e-mail, the postal code or the gift code",
      });
  });

const requestedLine = z.object({
  orderLineExternalId: lineId,
  quantity,
  reason: z.enum(RETURN_REASONS),
});

export const portalPreviewBody = z.object({
  lines: z.array(requestedLine).min(1, "choose at least one item").max(100),
  resolution: z.enum(RESOLUTIONS).default("refund"),
  replacementSku: z.string().trim().min(1).max(200).nullish(),
});

export const portalReturnBody = z.object({
  lines: z
    .array(
      requestedLine.extend({
        comment: z.string().trim().max(2000).nullish(),
        photoIds: z.array(z.uuid()).max(10).default([]),
      }),
    )
    .min(1, "choose at least one item")
    .max(100),
  resolution: z.enum(RESOLUTIONS),
  replacementSku: z.string().trim().min(1).max(200).nullish(),
  bankAccount: bankAccountBody.nullish(),
  giftRecipient: z.object({ email, name: z.string().trim().min(1).max(200).nullish() }).nullish(),
  locale: locale.default("en"),
});

export const withdrawalBody = z.object({
  lines: z
    .array(z.object({ orderLineExternalId: lineId, quantity }))
    .min(1, "choose at least one item")
    .max(100),
  name: z.string().trim().min(1, "is required").max(200),
  email,
  locale: locale.default("en"),
  /** The second step: the shopper confirmed. */
  confirm: z.literal(true, { message: "confirm the withdrawal" }),
});

export const trackingBody = z.object({
  carrier: z.string().trim().max(100).nullish(),
  trackingNumber: z
    .string()
    .trim()
    .min(4, "must be at least 4 characters")
    .max(60)
    .regex(/^[A-Za-z0-9 -]+$/, "letters, digits, spaces and dashes only"),
});

export const policyQuery = z.object({
  country: z.string().regex(/^[A-Z]{2}$/, "must be an ISO 3166-1 alpha-2 code such as DE"),
  region: z.string().max(3).optional(),
  locale: locale.optional(),
});
