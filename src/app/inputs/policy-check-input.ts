import { z } from "zod";
import { RETURN_REASONS } from "../../domain/return-reasons.ts";
import { policyBody } from "./policy-input.ts";

/** POST /api/v1/policies/{id}/check: a draft policy and, optionally, a sample return to judge with it. */
export const policyCheckBody = z.object({
  policy: policyBody,
  sample: z
    .object({
      orderExternalId: z.string().trim().min(1).max(200),
      lines: z
        .array(
          z.object({
            orderLineExternalId: z.string().trim().min(1).max(200),
            quantity: z.int().min(1).max(1_000_000),
            reason: z.enum(RETURN_REASONS),
          }),
        )
        .min(1)
        .max(200),
      at: z.iso.datetime({ offset: true, message: "must be an ISO 8601 date-time with offset" }).optional(),
    })
    .nullish(),
});
