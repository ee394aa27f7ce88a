import { z } from "zod";
import {
  CONDITION_GRADES,
  DISPOSITIONS,
  RECEIPT_EXCEPTIONS,
  RESOLUTIONS,
  RETURN_REASONS,
} from "../../domain/return-reasons.ts";
import { checkMoneyFields, currencyCode, moneyText, versionNumber } from "./fields.ts";

const quantity = z.int().min(1, "must be at least 1").max(1_000_000);
const reason = z.string().trim().min(1).max(1000);
const expectedVersion = versionNumber.optional();
/** Lines a command names: at most as many as a case can hold. */
const MAX_LINES = 200;

/** POST /api/v1/returns: the public contract. */
export const createReturnBody = z.object({
  orderExternalId: z.string().trim().min(1).max(200),
  lines: z
    .array(
      z.object({
        orderLineExternalId: z.string().trim().min(1).max(200),
        quantity,
        reason: z.enum(RETURN_REASONS),
        comment: z.string().max(2000).nullish(),
      }),
    )
    .min(1, "must list at least one line")
    .max(200),
  requestedResolution: z.enum(RESOLUTIONS),
  /** An agent's goodwill exception: open the case even where the engine refuses, recorded with the caller. */
  override: z.object({ reason: reason }).nullish(),
});
export type CreateReturnBody = z.infer<typeof createReturnBody>;

/** POST /api/v1/returns/preview: the public contract. */
export const previewReturnBody = z.object({
  orderExternalId: z.string().trim().min(1).max(200),
  lines: z
    .array(
      z.object({
        orderLineExternalId: z.string().trim().min(1).max(200),
        quantity,
        reason: z.enum(RETURN_REASONS),
      }),
    )
    .min(1, "must list at least one line")
    .max(200),
  at: z.iso.datetime({ offset: true, message: "must be an ISO 8601 date-time with offset" }).optional(),
  /** For the refund estimate: how the shopper wants it (default refund). */
  requestedResolution: z.enum(RESOLUTIONS).optional(),
  /** Exchanges (one line): the variant wanted instead; its current price decides the difference. */
  replacementSku: z.string().trim().min(1).max(200).nullish(),
});

const lineQuantity = z.object({ lineId: z.uuid(), quantity });

/** Every command body may carry a free-text reason (recorded on the event) and the version it expects. */
const base = { reason: reason.optional(), expectedVersion };

export const approveBody = z.object({
  ...base,
  lines: z
    .array(lineQuantity.extend({ quantity: z.int().min(0).max(1_000_000) }))
    .max(MAX_LINES)
    .optional(),
  returnRequired: z.boolean().optional(),
  shipByDays: z.int().min(1).max(365).optional(),
});
export const plainCommandBody = z.object({ ...base });
/** POST /returns/{id}/notes: an internal note (never shown to the shopper). */
export const noteBody = z.object({ text: z.string().trim().min(1).max(4000) });
export const rejectBody = z.object({ ...base, reason });
export const shipBody = z.object({
  ...base,
  lines: z.array(lineQuantity).max(MAX_LINES).optional(),
  carrier: z.string().max(100).optional(),
  trackingNumber: z.string().max(100).optional(),
});
export const receiveBody = z.object({
  ...base,
  locationCode: z.string().max(100).optional(),
  lines: z.array(lineQuantity).max(MAX_LINES).default([]),
  exceptions: z
    .array(
      z.object({
        kind: z.enum(RECEIPT_EXCEPTIONS),
        lineId: z.uuid().optional(),
        quantity,
        note: z.string().max(2000).optional(),
      }),
    )
    .max(MAX_LINES)
    .default([]),
});
export const inspectBody = z.object({
  ...base,
  /** Where the units lie (an inventory location code); default: where they were received. */
  locationCode: z.string().min(1).max(100).optional(),
  lines: z
    .array(
      lineQuantity.extend({
        outcome: z.enum(["accepted", "refused"]),
        condition: z.enum(CONDITION_GRADES),
        disposition: z.enum(DISPOSITIONS).optional(),
        note: z.string().max(2000).optional(),
      }),
    )
    .min(1)
    .max(MAX_LINES),
});
export const resolveBody = z.object({
  ...base,
  /** Exchanges: the replacement the shopper gets (default: the same item, like for like). */
  replacement: z
    .object({
      sku: z.string().min(1).max(200),
      title: z.string().min(1).max(500),
      unitPrice: z.object({ amount: moneyText, currency: currencyCode }),
    })
    .superRefine((r, ctx) =>
      checkMoneyFields(r.unitPrice.currency, [[["unitPrice", "amount"], r.unitPrice.amount]], ctx),
    )
    .nullish(),
  lines: z
    .array(lineQuantity.extend({ resolution: z.enum(RESOLUTIONS) }))
    .max(MAX_LINES)
    .optional(),
});
