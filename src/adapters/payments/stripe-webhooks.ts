import Stripe from "stripe";
import {
  headerValue,
  type RefundUpdate,
  type RefundUpdateStatus,
  type RefundWebhookReceiver,
} from "../../app/refund-updates.ts";
import { err, ok, type Result } from "../../domain/result.ts";
import { fromProviderAmount, STRIPE_CURRENCIES } from "./provider-amounts.ts";

/**
 * Stripe webhooks. Docs followed:
 * - https://docs.stripe.com/webhooks#verify-events — `Stripe-Signature: t=…,v1=…`, v1 is the hex
 *   HMAC-SHA256 of `${t}.${rawBody}` with the endpoint secret; default tolerance 300 s against
 *   replays. The SDK's `webhooks.constructEvent(payload, header, secret, tolerance, crypto,
 *   receivedAtMs)` does exactly this (it only rejects timestamps that are too old; we also reject
 *   ones too far in the future).
 * - https://docs.stripe.com/api/events/types — refund.created / refund.updated / refund.failed
 *   (sent for all refunds since 2024-10-28.acacia) and charge.refunded (its Charge lists refunds
 *   only on older API versions).
 */
const DEFAULT_TOLERANCE_S = 300;
/** Metadata key on every refund Crossback creates: our settlement id, read back from webhooks. */
export const STRIPE_SETTLEMENT_METADATA = "crossback_settlement_id";

export function verifyStripeWebhook(
  payload: string | Buffer,
  signatureHeader: string,
  secret: string,
  nowSeconds: number = Math.floor(Date.now() / 1000),
  toleranceSeconds: number = DEFAULT_TOLERANCE_S,
): Result<Stripe.Event, string> {
  const t = /(?:^|,)t=(\d+)/.exec(signatureHeader)?.[1];
  if (t !== undefined && Number(t) - nowSeconds > toleranceSeconds) {
    return err("Stripe-Signature timestamp is in the future, outside the tolerance zone");
  }
  try {
    const event = Stripe.webhooks.constructEvent(
      payload,
      signatureHeader,
      secret,
      toleranceSeconds,
      undefined,
      nowSeconds * 1000,
    );
    return ok(event);
  } catch (e) {
    return err(e instanceof Error ? e.message : String(e));
  }
}

/** Refund updates carried by one Stripe event; none for events that are not about refunds. */
export function parseStripeRefundEvent(event: Stripe.Event): RefundUpdate[] {
  const object = event.data.object as { object?: string };
  // Connect: events of a connected account name it in `account` (https://docs.stripe.com/connect/webhooks).
  const account = event.account ?? null;
  if (object.object === "refund") return [toUpdate(object as Stripe.Refund, event.id, account)];
  if (event.type === "charge.refunded" && object.object === "charge") {
    const refunds = (object as Stripe.Charge).refunds?.data ?? [];
    return refunds.map((r) => toUpdate(r, event.id, account));
  }
  return [];
}

function toUpdate(r: Stripe.Refund, eventId: string, account: string | null): RefundUpdate {
  const status = statusOf(r.status);
  return {
    provider: "stripe",
    settlementId: r.metadata?.[STRIPE_SETTLEMENT_METADATA] ?? null,
    providerReference: r.id,
    status,
    reason:
      status === "failed"
        ? (r.failure_reason ?? "failed")
        : status === "cancelled"
          ? "canceled at Stripe"
          : null,
    eventId,
    amount: fromProviderAmount(r.amount, r.currency, STRIPE_CURRENCIES),
    account,
  };
}

function statusOf(s: string | null): RefundUpdateStatus {
  switch (s) {
    case "succeeded":
      return "succeeded";
    case "requires_action":
      return "requires_action";
    case "failed":
      return "failed";
    case "canceled":
      return "cancelled";
    default:
      return "processing";
  }
}

/** Verifies a delivery's `Stripe-Signature` over the raw body, then parses it. */
export function stripeWebhookReceiver(
  secret: string,
  toleranceSeconds: number = DEFAULT_TOLERANCE_S,
  nowMs: () => number = Date.now,
): RefundWebhookReceiver {
  return {
    provider: "stripe",
    acknowledgement: '{"received":true}',
    receive(rawBody, headers) {
      const signature = headerValue(headers, "stripe-signature");
      if (!signature) return err("missing Stripe-Signature header");
      const verified = verifyStripeWebhook(
        rawBody,
        signature,
        secret,
        Math.floor(nowMs() / 1000),
        toleranceSeconds,
      );
      return verified.ok ? ok(parseStripeRefundEvent(verified.value)) : verified;
    },
  };
}
