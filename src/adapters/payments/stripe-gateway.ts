import Stripe from "stripe";
import type { GatewayRefundResult, PaymentGateway } from "../../app/ports.ts";
import { err, ok, type Result } from "../../domain/result.ts";
import { STRIPE_CURRENCIES, toProviderAmount } from "./provider-amounts.ts";
import type { RefundWebhookReceiver } from "./refund-updates.ts";
import { STRIPE_SETTLEMENT_METADATA, stripeWebhookReceiver } from "./stripe-webhooks.ts";

export {
  parseStripeRefundEvent,
  STRIPE_SETTLEMENT_METADATA,
  stripeWebhookReceiver,
  verifyStripeWebhook,
} from "./stripe-webhooks.ts";

/**
 * Refunds through Stripe with the official SDK. Docs followed:
 * - https://docs.stripe.com/api/refunds/create — POST /v1/refunds with `payment_intent` or
 *   `charge`, `amount` in the smallest currency unit, `metadata`, `reason`.
 * - https://docs.stripe.com/api/refunds/object — status pending | requires_action | succeeded |
 *   failed | canceled.
 * - https://docs.stripe.com/api/idempotent_requests — `Idempotency-Key`; the SDK sends it from the
 *   request options' `idempotencyKey`; same key + other parameters is an `idempotency_error`.
 * - https://docs.stripe.com/currencies — minor units per currency (see provider-amounts.ts).
 * - stripe-node README / StripeConfig: `host`, `port`, `protocol`, `timeout`, `maxNetworkRetries`.
 */
export interface StripeGatewayOptions {
  readonly apiKey: string;
  readonly webhookSecret: string;
  /** Point the SDK elsewhere (a local fake): e.g. host "127.0.0.1", port 4242, protocol "http". */
  readonly host?: string;
  readonly port?: number;
  readonly protocol?: "http" | "https";
  /** Per-request timeout; the SDK's default is 80 s. Default here 30 s. */
  readonly timeoutMs?: number;
  /** SDK retries (with the same idempotency key). Default 0: Crossback's settlement runner retries. */
  readonly maxNetworkRetries?: number;
  /** Webhook timestamp tolerance in seconds (Stripe's default is 300). */
  readonly webhookToleranceSeconds?: number;
}

export type StripeGateway = PaymentGateway & {
  readonly name: "stripe";
  readonly webhooks: RefundWebhookReceiver;
};

export function stripeGateway(o: StripeGatewayOptions): StripeGateway {
  const stripe = new Stripe(o.apiKey, {
    ...(o.host ? { host: o.host } : {}),
    ...(o.port ? { port: o.port } : {}),
    ...(o.protocol ? { protocol: o.protocol } : {}),
    timeout: o.timeoutMs ?? 30_000,
    maxNetworkRetries: o.maxNetworkRetries ?? 0,
    appInfo: { name: "crossback" },
  });
  return {
    name: "stripe",
    webhooks: stripeWebhookReceiver(o.webhookSecret, o.webhookToleranceSeconds),
    async refund(req) {
      const target = refundTarget(req.tender.reference);
      if (!target.ok) return failed(target.error, false);
      const amount = toProviderAmount(req.amount, STRIPE_CURRENCIES);
      if (!amount.ok) return failed(amount.error, false);
      try {
        const refund = await stripe.refunds.create(
          {
            ...target.value,
            amount: amount.value,
            reason: "requested_by_customer",
            metadata: {
              [STRIPE_SETTLEMENT_METADATA]: req.settlementId,
              crossback_reason: req.reason.slice(0, 500),
            },
          },
          { idempotencyKey: req.idempotencyKey },
        );
        return fromRefund(refund);
      } catch (e) {
        return fromError(e);
      }
    },
  };
}

/** `pi_…` is a PaymentIntent; `ch_…` and `py_…` are charges (py_ for non-card payment methods). */
function refundTarget(
  reference: string | null,
): Result<{ payment_intent: string } | { charge: string }, string> {
  if (!reference) return err("the tender has no Stripe payment reference (pi_… or ch_…)");
  if (reference.startsWith("pi_")) return ok({ payment_intent: reference });
  if (reference.startsWith("ch_") || reference.startsWith("py_")) return ok({ charge: reference });
  return err(`"${reference}" is not a Stripe PaymentIntent (pi_…) or charge (ch_…) id`);
}

function fromRefund(r: Stripe.Refund): GatewayRefundResult {
  switch (r.status) {
    case "succeeded":
      return { status: "succeeded", providerReference: r.id };
    case "requires_action":
      return { status: "requires_action", providerReference: r.id };
    case "failed":
      return failed(`Stripe refund ${r.id} failed: ${r.failure_reason ?? "no reason given"}`, false);
    case "canceled":
      return failed(`Stripe refund ${r.id} was canceled`, false);
    default:
      // "pending", or a status this code does not know yet: the money may still move, so the
      // settlement waits for the refund.updated / refund.failed webhook.
      return { status: "processing", providerReference: r.id };
  }
}

/**
 * Network errors, timeouts, 409 (lock conflict), 429 and 5xx may succeed on a retry with the same
 * idempotency key; every other 4xx (card, invalid request, auth, idempotency mismatch) will not.
 */
function fromError(e: unknown): GatewayRefundResult {
  if (e instanceof Stripe.errors.StripeError) {
    const status = e.statusCode;
    const retryable =
      e instanceof Stripe.errors.StripeConnectionError ||
      e instanceof Stripe.errors.StripeAPIError ||
      e instanceof Stripe.errors.StripeRateLimitError ||
      status === 409 ||
      status === 429 ||
      (status !== undefined && status >= 500);
    const kind = [e.rawType ?? e.type, e.code].filter(Boolean).join(" ");
    const detail =
      e.detail instanceof Error && e.detail.message !== e.message ? ` (${e.detail.message})` : "";
    return failed(`Stripe ${status ?? "connection error"} ${kind}: ${e.message}${detail}`, retryable);
  }
  return failed(`Stripe call failed: ${e instanceof Error ? e.message : String(e)}`, true);
}

function failed(reason: string, retryable: boolean): GatewayRefundResult {
  return { status: "failed", reason, retryable };
}
