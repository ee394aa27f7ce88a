import { z } from "zod";
import { isEventFilter } from "../../domain/notify/event-filter.ts";

const eventFilter = z
  .string()
  .max(100)
  .refine(isEventFilter, "must be an event type (return.approved), a family (return.*) or *");

/** A `whsec_` secret: 24 to 64 random bytes, base64 after the prefix (Standard Webhooks). */
const secret = z
  .string()
  .max(100)
  .regex(/^whsec_[A-Za-z0-9+/]{32,88}={0,2}$/, "must be whsec_ followed by 24 to 64 bytes of base64");

export const webhookEndpointBody = z.strictObject({
  url: z.url({ protocol: /^https?$/ }),
  description: z.string().max(500).nullish(),
  eventTypes: z.array(eventFilter).max(100).default([]),
  secret: secret.optional(),
});
export type WebhookEndpointBody = z.infer<typeof webhookEndpointBody>;

export const webhookEndpointPatch = z.strictObject({
  url: z.url({ protocol: /^https?$/ }).optional(),
  description: z.string().max(500).nullish(),
  eventTypes: z.array(eventFilter).max(100).optional(),
  enabled: z.boolean().optional(),
});
export type WebhookEndpointPatch = z.infer<typeof webhookEndpointPatch>;

export const deliveryQuery = z.strictObject({
  status: z.enum(["pending", "delivered", "failed"]).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().max(100).optional(),
});
