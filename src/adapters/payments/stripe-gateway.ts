import Stripe from "stripe";
import type { GatewayRefundResult, PaymentGateway } from "../../app/ports/index.ts";
import type { RefundWebhookReceiver } from "../../app/refund-updates.ts";
import { err, ok, type Result } from "../../domain/result.ts";
import { STRIPE_CURRENCIES, toProviderAmount } from "./provider-amounts.ts";
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
  /**
   * The platform's secret key: used with a merchant's Connect account (`Stripe-Account` header) when
   * the merchant gave no key of its own. Never used for a merchant without a Stripe account.
   */
  readonly apiKey?: string;
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
  const clients = new Map<string, Stripe>();
  const clientFor = (apiKey: string): Stripe => {
    let c = clients.get(apiKey);
    if (!c) {
      c = new Stripe(apiKey, {
        ...(o.host ? { host: o.host } : {}),
        ...(o.port ? { port: o.port } : {}),
        ...(o.protocol ? { protocol: o.protocol } : {}),
        timeout: o.timeoutMs ?? 30_000,
        maxNetworkRetries: o.maxNetworkRetries ?? 0,
        appInfo: { name: "crossback" },
      });
      clients.set(apiKey, c);
    }
    return c;
  };
  return {
    name: "stripe",
    needsAccount: true,
    webhooks: stripeWebhookReceiver(o.webhookSecret, o.webhookToleranceSeconds),
    async refund(req) {
      const account = req.account;
      if (!account) return failed("the merchant has no Stripe account configured", false);
      const apiKey = account.apiKey ?? (account.accountId ? o.apiKey : undefined);
      if (!apiKey)
        return failed(
          "the merchant's Stripe account has no API key, and no platform key (STRIPE_API_KEY) serves its Connect account",
          false,
        );
      const stripe = clientFor(apiKey);
      const scope: Stripe.RequestOptions = account.accountId ? { stripeAccount: account.accountId } : {};
      const target = refundTarget(req.tender.reference);
      if (!target.ok) return failed(target.error, false);
      const amount = toProviderAmount(req.amount, STRIPE_CURRENCIES);
      if (!amount.ok) return failed(amount.error, false);
      try {
        const owned = await checkOwnership(stripe, target.value, scope, req.amount.currency);
        if (owned) return owned;
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
          { ...scope, idempotencyKey: req.idempotencyKey },
        );
        return fromRefund(refund);
      } catch (e) {
        return fromError(e);
      }
    },
  };
}

/**
 * Before any refund: the payment must be visible in the merchant's account (its own key, or the
 * platform key with `Stripe-Account`) — a payment of another account answers 404 resource_missing —
 * and be in the refund's currency. https://docs.stripe.com/api/payment_intents/retrieve,
 * https://docs.stripe.com/api/charges/retrieve, https://docs.stripe.com/connect/authentication.
 * Returns the refusal, or null when the payment is the merchant's.
 */
async function checkOwnership(
  stripe: Stripe,
  target: { payment_intent: string } | { charge: string },
  scope: Stripe.RequestOptions,
  currency: string,
): Promise<GatewayRefundResult | null> {
  let paid: string;
  const id = "payment_intent" in target ? target.payment_intent : target.charge;
  try {
    paid =
      "payment_intent" in target
        ? (await stripe.paymentIntents.retrieve(target.payment_intent, {}, scope)).currency
        : (await stripe.charges.retrieve(target.charge, {}, scope)).currency;
  } catch (e) {
    if (e instanceof Stripe.errors.StripeInvalidRequestError && e.code === "resource_missing")
      return failed(`Stripe payment ${id} does not belong to the merchant's Stripe account`, false);
    throw e;
  }
  if (paid.toLowerCase() !== currency.toLowerCase())
    return failed(`Stripe payment ${id} is in ${paid.toUpperCase()}, the refund in ${currency}`, false);
  return null;
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
