import { createHmac } from "node:crypto";
import {
  deliver,
  type FakeReply,
  type FakeRequest,
  type FakeServer,
  fakeId,
  fingerprint,
  startFakeServer,
} from "./fake-http.ts";
import {
  type StripeFakeRefund,
  StripeLedger,
  type StripeRefundStatus,
  stripeError,
} from "./stripe-fake-ledger.ts";

export type { StripeFakeRefund, StripeRefundStatus } from "./stripe-fake-ledger.ts";

/**
 * A local stand-in for Stripe's Refunds API on 127.0.0.1 (random port), for tests and end-to-end
 * runs. Point the SDK at it with `new Stripe(key, { host, port, protocol: "http" })`.
 * - Auth: `Authorization: Bearer <apiKey>` (what stripe-node sends), else 401. The fake's `apiKey` is
 *   the platform's (account `platformAccount`); `addApiKey` adds other accounts' keys. With the
 *   platform key, `Stripe-Account: acct_…` acts for a connected account
 *   (https://docs.stripe.com/connect/authentication). Every object belongs to one account: another
 *   account's payment is 404 resource_missing, as on Stripe.
 * - GET /v1/payment_intents/{id}, GET /v1/charges/{id}, POST /v1/refunds.
 * - Idempotency (https://docs.stripe.com/api/idempotent_requests): the first response under an
 *   `Idempotency-Key` is saved and replayed (with `Idempotent-Replayed: true`); the same key with
 *   other parameters gives the 400 `idempotency_error`; parameter-validation failures are not saved.
 * - Injected faults (failNext / hangNext) happen in front of all that, as an outage would.
 * - Webhooks (https://docs.stripe.com/webhooks#verify-events): events signed with
 *   `Stripe-Signature: t=…,v1=…`, sent to any URL.
 */
export interface StripeFake extends FakeServer {
  readonly apiKey: string;
  readonly webhookSecret: string;
  /** The account of the platform key (`apiKey`). */
  readonly platformAccount: string;
  /** Another Stripe account's own secret key (a merchant with a standalone account). */
  addApiKey(apiKey: string, account: string): void;
  /**
   * Registers a captured payment: a `pi_…` PaymentIntent (with a charge) or a `ch_…` charge, owned by
   * `account` (default: the platform's).
   */
  addPayment(
    id: string,
    amount: number,
    currency: string,
    opts?: { refundStatus?: StripeRefundStatus; account?: string },
  ): void;
  refunds(): StripeFakeRefund[];
  /** Moves a refund on (pending → succeeded, failed…), as Stripe does before sending refund.updated. */
  updateRefund(id: string, status: StripeRefundStatus, failureReason?: string): StripeFakeRefund;
  /** The payload and `Stripe-Signature` header of an event about the refund. */
  signedEvent(refundId: string, opts?: WebhookOptions): { payload: string; signature: string };
  /** Delivers that event to `url` like Stripe does; resolves with the receiver's answer. */
  sendWebhook(
    url: string,
    refundId: string,
    opts?: WebhookOptions,
  ): Promise<{ status: number; body: string }>;
}

export interface WebhookOptions {
  /** Default: refund.failed for a failed refund, else refund.updated. */
  readonly type?: "refund.created" | "refund.updated" | "refund.failed" | "charge.refunded";
  /** Signature timestamp (seconds); an old one makes a replay. */
  readonly timestamp?: number;
  /** Sign with another secret (a forgery). */
  readonly secret?: string;
}

/** `Stripe-Signature` value: t=…,v1=hex(HMAC-SHA256(secret, `${t}.${payload}`)). */
export function signStripePayload(payload: string, secret: string, timestamp: number): string {
  const v1 = createHmac("sha256", secret).update(`${timestamp}.${payload}`, "utf8").digest("hex");
  return `t=${timestamp},v1=${v1}`;
}

export async function startStripeFake(
  opts: { apiKey?: string; webhookSecret?: string } = {},
): Promise<StripeFake> {
  const apiKey = opts.apiKey ?? "sk_test_crossback_fake";
  const webhookSecret = opts.webhookSecret ?? "whsec_crossback_fake";
  const ledger = new StripeLedger();
  const saved = new Map<string, { fp: string; reply: FakeReply }>();

  const platformAccount = "acct_1CrossbackPlatform";
  const keys = new Map<string, string>([[apiKey, platformAccount]]);

  const handle = (req: FakeRequest): FakeReply => {
    const auth = req.headers.authorization ?? "";
    const own = auth.startsWith("Bearer ") ? keys.get(auth.slice(7)) : undefined;
    if (!own) return stripeError(401, { message: "Invalid API Key provided: sk_****" });
    const connect = req.headers["stripe-account"];
    const header = Array.isArray(connect) ? connect[0] : connect;
    if (header && own !== platformAccount)
      return stripeError(403, {
        message: "The provided key does not have access to account (or that account does not exist).",
      });
    const account = header ?? own;
    const get = /^\/v1\/(payment_intents|charges)\/([^/?]+)$/.exec(req.path.split("?")[0] ?? "");
    if (req.method === "GET" && get)
      return ledger.retrieve(
        get[1] === "charges" ? "charge" : "payment_intent",
        decodeURIComponent(get[2] ?? ""),
        account,
      );
    if (req.method !== "POST" || req.path !== "/v1/refunds") {
      return stripeError(404, { message: `Unrecognized request URL (${req.method}: ${req.path}).` });
    }
    const params = [...new URLSearchParams(req.body)].sort(([a], [b]) => a.localeCompare(b));
    const fp = fingerprint(JSON.stringify(params));
    const idem = req.headers["idempotency-key"];
    const key = Array.isArray(idem) ? idem[0] : idem;
    const prior = key ? saved.get(`${account} ${key}`) : undefined;
    if (prior && prior.fp !== fp) {
      return stripeError(400, {
        type: "idempotency_error",
        message: `Keys for idempotent requests can only be used with the same parameters they were first used with. Try using a key other than '${key}' if you meant to execute a different request.`,
      });
    }
    if (prior) return { ...prior.reply, headers: { "Idempotent-Replayed": "true" } };
    const p = new Map(params);
    const invalid = ledger.validate(p);
    if (invalid) return invalid;
    const reply = ledger.create(p, account);
    if (key) saved.set(`${account} ${key}`, { fp, reply });
    return reply;
  };

  const signedEvent = (refundId: string, o: WebhookOptions = {}) => {
    const refund = ledger.refund(refundId);
    const type = o.type ?? (refund.status === "failed" ? "refund.failed" : "refund.updated");
    const created = o.timestamp ?? Math.floor(Date.now() / 1000);
    const event = {
      id: fakeId("evt_"),
      object: "event",
      api_version: "2024-10-28.acacia",
      created,
      type,
      livemode: false,
      pending_webhooks: 1,
      request: { id: null, idempotency_key: null },
      data: { object: type === "charge.refunded" ? ledger.chargeOf(refundId) : refund },
    };
    const payload = JSON.stringify(event, null, 2);
    return { payload, signature: signStripePayload(payload, o.secret ?? webhookSecret, created) };
  };

  const server = await startFakeServer(handle, (status) =>
    status === 429
      ? stripeError(429, { code: "rate_limit", message: "Too many requests hit the API too quickly." }).body
      : stripeError(status, { type: "api_error", message: "Something went wrong on Stripe's end. (fake)" })
          .body,
  );
  return Object.assign(server, {
    apiKey,
    webhookSecret,
    platformAccount,
    addApiKey(key: string, account: string) {
      keys.set(key, account);
    },
    addPayment(
      id: string,
      amount: number,
      currency: string,
      o: { refundStatus?: StripeRefundStatus; account?: string } = {},
    ) {
      ledger.addPayment(id, amount, currency, o.refundStatus ?? "succeeded", o.account ?? platformAccount);
    },
    refunds: () => [...ledger.refunds.values()],
    updateRefund: (id: string, status: StripeRefundStatus, reason?: string) =>
      ledger.update(id, status, reason),
    signedEvent,
    sendWebhook(url: string, refundId: string, o?: WebhookOptions) {
      const { payload, signature } = signedEvent(refundId, o);
      return deliver(url, payload, { "Stripe-Signature": signature });
    },
  });
}

export const start = startStripeFake;
