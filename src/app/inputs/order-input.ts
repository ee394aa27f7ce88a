import { createHash } from "node:crypto";
import { z } from "zod";
import type { OrderDraft } from "../../domain/order-draft.ts";
import {
  checkMoneyFields,
  countryCode,
  currencyCode,
  instant,
  locale,
  moneyText,
  timeZone,
  toMoney,
} from "./fields.ts";
import { checkOrderInRange } from "./order-range.ts";

const text = (max = 500) => z.string().trim().min(1).max(max);
const optionalText = (max = 500) => z.string().max(max).nullish();
const quantity = z.int().min(1, "must be at least 1").max(1_000_000);

export const TENDER_KINDS = [
  "card",
  "gift_card",
  "store_credit",
  "bank_transfer",
  "cash_on_delivery",
  "other",
] as const;

/** PUT /api/v1/orders/{externalId}: the public contract. */
export const orderBody = z
  .object({
    placedAt: instant,
    currency: currencyCode,
    customer: z.object({
      email: z.email(),
      name: optionalText(),
      locale: locale.nullish(),
      timeZone: timeZone.nullish(),
    }),
    shippingAddress: z.object({
      country: countryCode,
      region: z
        .string()
        .regex(
          /^[A-Z0-9]{1,3}$/,
          "must be an ISO 3166-2 subdivision code without the country prefix, such as CA",
        )
        .nullish(),
      postalCode: optionalText(20),
      city: optionalText(),
      line1: optionalText(),
    }),
    taxesIncluded: z.boolean(),
    lines: z
      .array(
        z.object({
          externalId: text(200),
          sku: text(200),
          title: text(),
          quantity,
          unitPrice: moneyText,
          tax: moneyText.default("0"),
          discount: moneyText.default("0"),
          startsAt: instant.nullish(),
        }),
      )
      .min(1, "an order needs at least one line")
      .max(1000),
    shipping: z
      .object({
        amount: moneyText,
        tax: moneyText.default("0"),
        method: optionalText(),
        cheapestStandardAmount: moneyText.nullish(),
      })
      .default({ amount: "0", tax: "0" }),
    duties: z
      .object({
        amount: moneyText,
        paidBy: z.enum(["customer", "merchant"]),
        incoterm: z.enum(["DDP", "DAP"]),
      })
      .nullish(),
    tenders: z
      .array(
        z.object({
          kind: z.enum(TENDER_KINDS),
          provider: optionalText(100),
          reference: optionalText(200),
          amount: moneyText,
          capturedAt: instant.nullish(),
        }),
      )
      .max(20)
      .default([]),
    fulfilments: z
      .array(
        z.object({
          externalId: text(200),
          lines: z
            .array(z.object({ lineExternalId: text(200), quantity }))
            .min(1)
            .max(1000),
          shippedAt: instant.nullish(),
          deliveredAt: instant.nullish(),
          carrier: optionalText(100),
          trackingNumber: optionalText(100),
        }),
      )
      .max(100)
      .default([]),
    returnTermsDisclosed: z.boolean().default(true),
    /** The gift code printed on a gift order's packing slip: the recipient returns with it (stored hashed). */
    giftCode: z
      .string()
      .trim()
      .min(6, "must be at least 6 characters")
      .max(64)
      .regex(/^[A-Za-z0-9-]+$/, "letters, digits and dashes only")
      .nullish(),
  })
  .superRefine((o, ctx) => {
    checkMoneyFields(
      o.currency,
      [
        ...o.lines.flatMap(
          (l, i) =>
            [
              [["lines", i, "unitPrice"], l.unitPrice],
              [["lines", i, "tax"], l.tax],
              [["lines", i, "discount"], l.discount],
            ] as const,
        ),
        [["shipping", "amount"], o.shipping.amount],
        [["shipping", "tax"], o.shipping.tax],
        [["shipping", "cheapestStandardAmount"], o.shipping.cheapestStandardAmount],
        [["duties", "amount"], o.duties?.amount],
        ...o.tenders.map((t, i) => [["tenders", i, "amount"], t.amount] as const),
      ],
      ctx,
    );
    checkOrderInRange(o, ctx);
  });

/** Gift codes are compared case-insensitively, without dashes or spaces, and stored as SHA-256. */
export function hashGiftCode(code: string): string {
  return createHash("sha256").update(code.replace(/[\s-]/g, "").toUpperCase()).digest("hex");
}

export type OrderBody = z.infer<typeof orderBody>;

const date = (s: string | null | undefined): Date | null => (s ? new Date(s) : null);

export function toOrderDraft(externalId: string, b: OrderBody): OrderDraft {
  const m = (s: string) => toMoney(s, b.currency);
  return {
    externalId,
    placedAt: new Date(b.placedAt),
    currency: b.currency,
    customer: {
      email: b.customer.email.toLowerCase(),
      name: b.customer.name ?? null,
      locale: b.customer.locale ?? null,
      timeZone: b.customer.timeZone ?? null,
    },
    shippingAddress: {
      country: b.shippingAddress.country,
      region: b.shippingAddress.region ?? null,
      postalCode: b.shippingAddress.postalCode ?? null,
      city: b.shippingAddress.city ?? null,
      line1: b.shippingAddress.line1 ?? null,
    },
    taxesIncluded: b.taxesIncluded,
    lines: b.lines.map((l) => ({
      ...l,
      unitPrice: m(l.unitPrice),
      tax: m(l.tax),
      discount: m(l.discount),
      startsAt: date(l.startsAt),
    })),
    shipping: {
      amount: m(b.shipping.amount),
      tax: m(b.shipping.tax),
      method: b.shipping.method ?? null,
      cheapestStandardAmount: b.shipping.cheapestStandardAmount ? m(b.shipping.cheapestStandardAmount) : null,
    },
    duties: b.duties
      ? { amount: m(b.duties.amount), paidBy: b.duties.paidBy, incoterm: b.duties.incoterm }
      : null,
    tenders: b.tenders.map((t) => ({
      kind: t.kind,
      provider: t.provider ?? null,
      reference: t.reference ?? null,
      amount: m(t.amount),
      capturedAt: date(t.capturedAt),
    })),
    fulfilments: b.fulfilments.map((f) => ({
      externalId: f.externalId,
      lines: f.lines,
      shippedAt: date(f.shippedAt),
      deliveredAt: date(f.deliveredAt),
      carrier: f.carrier ?? null,
      trackingNumber: f.trackingNumber ?? null,
    })),
    returnTermsDisclosed: b.returnTermsDisclosed,
    giftCodeHash: b.giftCode ? hashGiftCode(b.giftCode) : null,
  };
}
