import { z } from "zod";
import { CASE_STATUSES } from "../../domain/case-status.ts";
import { RESOLUTIONS, RETURN_REASONS } from "../../domain/return-reasons.ts";
import { countryCode } from "./fields.ts";

const statusList = z
  .string()
  .max(300)
  .transform((s) => s.split(",").map((x) => x.trim()))
  .pipe(z.array(z.enum(CASE_STATUSES)).min(1).max(CASE_STATUSES.length));

/** The returns queue's query string: `GET /api/v1/returns`. */
export const returnListQuery = z.object({
  status: statusList
    .optional()
    .describe("One status or several separated by commas, e.g. requested,needs_review"),
  cursor: z.uuid().optional(),
  sort: z.enum(["newest", "oldest"]).default("newest"),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  customerId: z.uuid().optional(),
  vendor: z.string().min(1).max(100).optional(),
  market: countryCode.optional().describe("The order's shipping country"),
  reason: z.enum(RETURN_REASONS).optional().describe("Cases with at least one line of this reason"),
  resolution: z.enum(RESOLUTIONS).optional().describe("The resolution the shopper requested"),
  refundDueWithinDays: z.coerce.number().int().min(0).max(365).optional(),
  refundDue: z
    .enum(["approaching", "overdue"])
    .optional()
    .describe("Open cases whose statutory refund deadline is within 3 days (approaching) or past (overdue)"),
});
