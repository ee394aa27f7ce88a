import { z } from "zod";
import {
  type MoneyByCurrency,
  PRESET_SCHEDULES,
  PRODUCT_FLAGS,
  REFUND_TRIGGERS,
  type ReturnPolicy,
} from "../../domain/policy/return-policy.ts";
import { RESOLUTIONS, RETURN_REASONS, type ReturnReason } from "../../domain/return-reasons.ts";
import { boundedRecord, checkMoneyFields, countryCode, currencyCode, moneyText, toMoney } from "./fields.ts";

/** Amounts per currency: `{ "EUR": "4.95", "GBP": "3.95", "JPY": "800" }`. */
const moneyByCurrency = boundedRecord(currencyCode, moneyText).default({});

const percent = z
  .number()
  .min(0)
  .max(100)
  .refine((p) => Math.abs(p * 100 - Math.round(p * 100)) < 1e-9, { message: "at most 2 decimals" });

const localDate = z.iso.date({ message: "must be a date YYYY-MM-DD" });
const codes = z.array(z.string().trim().min(1).max(200)).max(1000).default([]);

/** PUT /api/v1/policies/{id}: the public contract. */
export const policyBody = z
  .object({
    name: z.string().trim().min(1).max(200),
    active: z.boolean().default(true),
    scope: z.object({
      countries: z.union([z.tuple([z.literal("*")]), z.array(countryCode).min(1).max(300)]),
      vendors: codes,
      categories: codes,
      skus: codes,
    }),
    window: z.object({
      days: z.int().min(0).max(3650),
      from: z.enum(["delivery", "shipment", "order"]).default("delivery"),
    }),
    holidayWindows: z
      .array(z.object({ purchasedFrom: localDate, purchasedTo: localDate, returnBy: localDate }))
      .max(20)
      .default([]),
    nonReturnable: z
      .object({
        categories: codes,
        skus: codes,
        attributes: z.array(z.enum(PRODUCT_FLAGS)).max(PRODUCT_FLAGS.length).default([]),
      })
      .default({ categories: [], skus: [], attributes: [] }),
    reasons: z
      .record(
        z.string(),
        z.object({
          allowed: z.boolean().default(true),
          resolutions: z.array(z.enum(RESOLUTIONS)).min(1).max(RESOLUTIONS.length).optional(),
          photosRequired: z.boolean().default(false),
        }),
      )
      .superRefine((rec, ctx) => {
        for (const key of Object.keys(rec)) {
          if (!(RETURN_REASONS as readonly string[]).includes(key)) {
            ctx.addIssue({
              code: "custom",
              path: [key],
              message: `unknown reason code; use one of ${RETURN_REASONS.join(", ")}`,
            });
          }
        }
      })
      .default({}),
    returnShipping: z
      .object({
        paidBy: z.enum(["customer", "merchant"]),
        flatFee: moneyByCurrency,
        freeAbove: moneyByCurrency,
      })
      .default({ paidBy: "merchant", flatFee: {}, freeAbove: {} }),
    restockingFee: z
      .union([z.strictObject({ percent }), z.strictObject({ fixed: boundedRecord(currencyCode, moneyText) })])
      .nullish(),
    resolutions: z
      .array(z.enum(RESOLUTIONS))
      .min(1)
      .max(RESOLUTIONS.length)
      .default(["refund", "store_credit", "exchange"]),
    storeCreditBonus: z.object({ percent }).nullish(),
    keepItBelow: moneyByCurrency,
    shipByDays: z.int().min(1).max(365).default(14),
    refundTrigger: z.enum(REFUND_TRIGGERS).default("inspection"),
    dutiesRefund: z.enum(["none", "full", "proportional"]).default("proportional"),
    refundOutboundShipping: z.boolean().default(false),
    feeRate: z.enum(["original", "current"]).default("original"),
    requireReview: z.boolean().default(false),
    cancellation: z
      .union([
        z.strictObject({ preset: z.enum(["flexible", "moderate", "strict"]) }),
        z.strictObject({
          tiers: z
            .array(
              z.object({
                hoursBefore: z
                  .int()
                  .min(0)
                  .max(24 * 3650),
                refundPercent: percent,
              }),
            )
            .min(1)
            .max(20),
        }),
      ])
      .nullish(),
  })
  .superRefine((p, ctx) => {
    const money = (path: string[], m: Record<string, string>) => {
      for (const [cur, amount] of Object.entries(m)) checkMoneyFields(cur, [[[...path, cur], amount]], ctx);
    };
    money(["returnShipping", "flatFee"], p.returnShipping.flatFee);
    money(["returnShipping", "freeAbove"], p.returnShipping.freeAbove);
    money(["keepItBelow"], p.keepItBelow);
    if (p.restockingFee && "fixed" in p.restockingFee)
      money(["restockingFee", "fixed"], p.restockingFee.fixed);
    p.holidayWindows.forEach((h, i) => {
      if (h.purchasedTo < h.purchasedFrom)
        ctx.addIssue({
          code: "custom",
          path: ["holidayWindows", i, "purchasedTo"],
          message: "is before purchasedFrom",
        });
      if (h.returnBy < h.purchasedTo)
        ctx.addIssue({
          code: "custom",
          path: ["holidayWindows", i, "returnBy"],
          message: "is before purchasedTo",
        });
    });
    if (p.cancellation && "tiers" in p.cancellation) {
      const hours = p.cancellation.tiers.map((t) => t.hoursBefore);
      if (new Set(hours).size !== hours.length)
        ctx.addIssue({
          code: "custom",
          path: ["cancellation", "tiers"],
          message: "two tiers have the same hoursBefore",
        });
    }
  });

export type PolicyBody = z.infer<typeof policyBody>;

const moneyMap = (m: Record<string, string>): MoneyByCurrency =>
  Object.fromEntries(Object.entries(m).map(([cur, amount]) => [cur, toMoney(amount, cur)]));
const bp = (percentValue: number): number => Math.round(percentValue * 100);

export function toPolicy(id: string, version: number, b: PolicyBody): ReturnPolicy {
  const c = b.cancellation;
  return {
    id,
    version,
    name: b.name,
    active: b.active,
    scope: b.scope,
    window: b.window,
    holidayWindows: b.holidayWindows,
    nonReturnable: b.nonReturnable,
    reasons: Object.fromEntries(
      Object.entries(b.reasons as Partial<Record<ReturnReason, (typeof b.reasons)[string]>>).map(
        ([reason, r]) => [
          reason,
          { allowed: r.allowed, resolutions: r.resolutions ?? null, photosRequired: r.photosRequired },
        ],
      ),
    ),
    returnShipping: {
      paidBy: b.returnShipping.paidBy,
      flatFee: moneyMap(b.returnShipping.flatFee),
      freeAbove: moneyMap(b.returnShipping.freeAbove),
    },
    restockingFee: !b.restockingFee
      ? null
      : "percent" in b.restockingFee
        ? { basisPoints: bp(b.restockingFee.percent) }
        : { fixed: moneyMap(b.restockingFee.fixed) },
    resolutions: b.resolutions,
    storeCreditBonusBasisPoints: b.storeCreditBonus ? bp(b.storeCreditBonus.percent) : 0,
    keepItBelow: moneyMap(b.keepItBelow),
    shipByDays: b.shipByDays,
    refundTrigger: b.refundTrigger,
    dutiesRefund: b.dutiesRefund,
    refundOutboundShipping: b.refundOutboundShipping,
    feeRate: b.feeRate,
    requireReview: b.requireReview,
    cancellation: !c
      ? null
      : "preset" in c
        ? { preset: c.preset, tiers: PRESET_SCHEDULES[c.preset] }
        : {
            preset: "custom",
            tiers: [...c.tiers]
              .sort((x, y) => y.hoursBefore - x.hoursBefore)
              .map((t) => ({ hoursBefore: t.hoursBefore, refundBasisPoints: bp(t.refundPercent) })),
          },
  };
}
