import { z } from "zod";
import { countryCode, instant } from "./fields.ts";

/** PUT /api/v1/extenuating-events/{id} */
export const extenuatingEventBody = z
  .object({
    description: z.string().trim().min(1).max(500),
    countries: z.array(countryCode).max(300).default([]),
    regions: z
      .array(z.string().regex(/^[A-Z0-9]{1,3}$/, "ISO 3166-2 subdivision without the country prefix"))
      .max(300)
      .default([]),
    startsAt: instant,
    endsAt: instant,
    effect: z.enum(["full_refund", "extend_window"]),
    extendDays: z.int().min(1).max(365).nullish(),
  })
  .superRefine((e, ctx) => {
    if (Date.parse(e.endsAt) < Date.parse(e.startsAt))
      ctx.addIssue({ code: "custom", path: ["endsAt"], message: "is before startsAt" });
    if (e.effect === "extend_window" && !e.extendDays)
      ctx.addIssue({ code: "custom", path: ["extendDays"], message: "is required to extend windows" });
  });

/** POST /api/v1/orders/{externalId}/cancellation-preview */
export const cancellationPreviewBody = z.object({ at: instant.optional() });

/** POST /api/v1/orders/{externalId}/cancel */
export const cancelOrderBody = z.object({ reason: z.string().trim().min(1).max(1000).optional() });
