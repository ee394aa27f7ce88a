import { type FakeReply, fakeId } from "./fake-http.ts";

/**
 * The fake Stripe's in-memory payments and refunds, and the answers of POST /v1/refunds
 * (https://docs.stripe.com/api/refunds/create; errors as in https://docs.stripe.com/api/errors:
 * `{ error: { type, code, message, param } }`). Amounts are Stripe's integer minor units.
 * resource_missing, charge_already_refunded and amount_too_large use Stripe's wording; the
 * three-decimal message is this fake's own (Stripe documents the rule, not the error text).
 */
export type StripeRefundStatus = "pending" | "requires_action" | "succeeded" | "failed" | "canceled";

export interface StripeFakeRefund {
  id: string;
  object: "refund";
  amount: number;
  currency: string;
  charge: string;
  payment_intent: string | null;
  metadata: Record<string, string>;
  reason: string | null;
  status: StripeRefundStatus;
  failure_reason: string | null;
  created: number;
}

interface Payment {
  /** The Stripe account that owns it (the platform's own, a Connect account, another key's). */
  account: string;
  chargeId: string;
  paymentIntentId: string | null;
  amount: number;
  currency: string;
  refunded: number;
  refundStatus: StripeRefundStatus;
}

const THREE_DECIMAL = new Set(["bhd", "jod", "kwd", "omr", "tnd"]);
const ZERO_DECIMAL = new Set([
  "bif",
  "clp",
  "djf",
  "gnf",
  "jpy",
  "kmf",
  "krw",
  "mga",
  "pyg",
  "rwf",
  "ugx",
  "vnd",
  "vuv",
  "xaf",
  "xof",
  "xpf",
]);
const counts = (s: StripeRefundStatus) => s !== "failed" && s !== "canceled";

export class StripeLedger {
  private readonly payments = new Map<string, Payment>();
  readonly refunds = new Map<string, StripeFakeRefund>();

  addPayment(
    id: string,
    amount: number,
    currency: string,
    refundStatus: StripeRefundStatus,
    account: string,
  ): void {
    const isIntent = id.startsWith("pi_");
    const payment: Payment = {
      account,
      chargeId: isIntent ? fakeId("ch_") : id,
      paymentIntentId: isIntent ? id : null,
      amount,
      currency: currency.toLowerCase(),
      refunded: 0,
      refundStatus,
    };
    this.payments.set(id, payment);
    this.payments.set(payment.chargeId, payment);
  }

  /** Parameter checks done before any work (their failures are not saved under an idempotency key). */
  validate(p: ReadonlyMap<string, string>): FakeReply | null {
    if (p.has("payment_intent") === p.has("charge")) {
      return stripeError(400, {
        code: "parameter_missing",
        message: "One of the following params should be provided for this request: payment_intent or charge.",
      });
    }
    const amount = p.get("amount");
    if (amount !== undefined && (!/^\d+$/.test(amount) || Number(amount) <= 0)) {
      return stripeError(400, {
        code: "parameter_invalid_integer",
        param: "amount",
        message: "Invalid positive integer",
      });
    }
    return null;
  }

  /**
   * GET /v1/payment_intents/{id} and /v1/charges/{id} as seen from `account`: another account's
   * payment is a 404 resource_missing, as on Stripe (objects are scoped to their account).
   */
  retrieve(kind: "payment_intent" | "charge", id: string, account: string): FakeReply {
    const payment = this.payments.get(id);
    const found =
      payment?.account === account &&
      (kind === "charge" ? payment.chargeId === id : payment.paymentIntentId === id);
    if (!payment || !found)
      return stripeError(404, { code: "resource_missing", param: "id", message: `No such ${kind}: '${id}'` });
    const common = { amount: payment.amount, currency: payment.currency, livemode: false };
    return {
      status: 200,
      body:
        kind === "payment_intent"
          ? { id, object: "payment_intent", ...common, status: "succeeded", latest_charge: payment.chargeId }
          : {
              id,
              object: "charge",
              ...common,
              amount_refunded: payment.refunded,
              payment_intent: payment.paymentIntentId,
              captured: true,
              paid: true,
              status: "succeeded",
            },
    };
  }

  create(p: ReadonlyMap<string, string>, account: string): FakeReply {
    const param = p.has("payment_intent") ? "payment_intent" : "charge";
    const id = p.get(param) ?? "";
    const found = this.payments.get(id);
    const payment = found?.account === account ? found : undefined;
    if (!payment) {
      return stripeError(404, { code: "resource_missing", param, message: `No such ${param}: '${id}'` });
    }
    const remaining = payment.amount - payment.refunded;
    if (remaining <= 0) {
      return stripeError(400, {
        code: "charge_already_refunded",
        message: `Charge ${payment.chargeId} has already been refunded.`,
      });
    }
    const amount = p.has("amount") ? Number(p.get("amount")) : remaining;
    if (amount > remaining) {
      const [a, r] = [show(amount, payment.currency), show(remaining, payment.currency)];
      return stripeError(400, {
        code: "amount_too_large",
        param: "amount",
        message: `Refund amount (${a}) is greater than unrefunded amount on charge (${r})`,
      });
    }
    if (THREE_DECIMAL.has(payment.currency) && amount % 10 !== 0) {
      return stripeError(400, {
        param: "amount",
        message: `Amounts in ${payment.currency} (a three-decimal currency) must end in 0; round ${amount} to the nearest ten.`,
      });
    }
    const metadata: Record<string, string> = {};
    for (const [k, v] of p) {
      const m = /^metadata\[(.+)\]$/.exec(k);
      if (m?.[1]) metadata[m[1]] = v;
    }
    const status = payment.refundStatus;
    const refund: StripeFakeRefund = {
      id: fakeId("re_"),
      object: "refund",
      amount,
      currency: payment.currency,
      charge: payment.chargeId,
      payment_intent: payment.paymentIntentId,
      metadata,
      reason: p.get("reason") ?? null,
      status,
      failure_reason: status === "failed" ? "unknown" : null,
      created: Math.floor(Date.now() / 1000),
    };
    if (counts(status)) payment.refunded += amount;
    this.refunds.set(refund.id, refund);
    return { status: 200, body: refund, headers: { "Request-Id": fakeId("req_", 14) } };
  }

  update(id: string, status: StripeRefundStatus, failureReason?: string): StripeFakeRefund {
    const r = this.refund(id);
    const pay = this.payment(r.charge);
    if (counts(r.status) && !counts(status)) pay.refunded -= r.amount;
    if (!counts(r.status) && counts(status)) pay.refunded += r.amount;
    r.status = status;
    r.failure_reason = status === "failed" ? (failureReason ?? "unknown") : null;
    return r;
  }

  refund(id: string): StripeFakeRefund {
    const r = this.refunds.get(id);
    if (!r) throw new Error(`fake Stripe has no refund ${id}`);
    return r;
  }

  /** The Charge object of a refund, listing its refunds (as older API versions do in charge.refunded). */
  chargeOf(refundId: string): Record<string, unknown> {
    const r = this.refund(refundId);
    const pay = this.payment(r.charge);
    const data = [...this.refunds.values()].filter((x) => x.charge === r.charge);
    return {
      id: r.charge,
      object: "charge",
      amount: pay.amount,
      amount_refunded: pay.refunded,
      currency: pay.currency,
      payment_intent: pay.paymentIntentId,
      refunded: pay.refunded >= pay.amount,
      refunds: { object: "list", data, has_more: false },
    };
  }

  private payment(chargeId: string): Payment {
    const p = this.payments.get(chargeId);
    if (!p) throw new Error(`fake Stripe has no charge ${chargeId}`);
    return p;
  }
}

export function stripeError(
  status: number,
  e: { type?: string; code?: string; param?: string; message: string },
): FakeReply {
  return { status, body: { error: { type: "invalid_request_error", ...e } } };
}

function show(amount: number, currency: string): string {
  const exp = THREE_DECIMAL.has(currency) ? 3 : ZERO_DECIMAL.has(currency) ? 0 : 2;
  return `${(amount / 10 ** exp).toFixed(exp)} ${currency.toUpperCase()}`;
}
