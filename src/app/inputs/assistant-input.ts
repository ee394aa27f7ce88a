import { z } from "zod";

/** A question to the returns assistant (POST /api/portal/v1/{slug}/assistant). */
export const assistantBody = z.object({
  message: z.string().trim().min(1, "is required").max(500, "must be at most 500 characters"),
  locale: z.string().trim().max(35).optional(),
  caseId: z.uuid("is not a return id").nullish(),
});
