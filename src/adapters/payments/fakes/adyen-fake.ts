import { createHmac, randomBytes } from "node:crypto";
import type { AdyenNotification, AdyenNotificationItem } from "../adyen-notifications.ts";
import {
  deliver,
  type FakeReply,
  type FakeRequest,
  type FakeServer,
  fakeId,
  startFakeServer,
} from "./fake-http.ts";

/**
 * A local stand-in for Adyen's Checkout refunds, shaped after
 * https://docs.adyen.com/api-explorer/Checkout/latest/post/payments/_paymentPspReference_/refunds,
 * /development-resources/error-codes (`{ status, errorCode, message, errorType, pspReference }`:
 * 000 unauthorised, 100 amount missing, 137 invalid amount, 167 pspReference, 901 merchant account),
 * /development-resources/api-idempotency (repeat → first response; key ≤ 64 chars; echoed header)
 * and /development-resources/webhooks (REFUND notifications with hmacSignature, `[accepted]`).
 * Which code Adyen gives a well-formed but unknown pspReference or a wrong currency is not
 * documented: the fake's choices are 167 and 137; a payment of another merchant account is not
 * found under the account named in the request (167), and a key limited to one merchant account
 * gets 901 for any other. Refunds are accepted as "received"; whether
 * they succeed is told later by sendNotification (sum above the captured amount → success false).
 */
export interface AdyenFakeRefund {
  readonly pspReference: string;
  readonly paymentPspReference: string;
  readonly merchantAccount: string;
  readonly reference: string;
  readonly amount: { readonly value: number; readonly currency: string };
  readonly outcome: { readonly success: boolean; readonly reason: string };
}

interface Payment {
  merchantAccount: string;
  value: number;
  currency: string;
  refunded: number;
  failWith: string | null;
}

export interface AdyenFake extends FakeServer {
  readonly apiKey: string;
  readonly merchantAccount: string;
  readonly hmacKey: string;
  /**
   * Registers a captured payment of `merchantAccount` (default: the fake's); `failRefundsWith` makes
   * its refunds' REFUND webhooks unsuccessful. The fake's API key serves every merchant account
   * (a company-level key); `addApiKey` adds a key limited to one merchant account.
   */
  addPayment(
    pspReference: string,
    value: number,
    currency: string,
    opts?: { failRefundsWith?: string; merchantAccount?: string },
  ): void;
  addApiKey(apiKey: string, merchantAccount: string): void;
  refunds(): AdyenFakeRefund[];
  /** The signed notification Adyen would send about a refund (by default: its REFUND outcome). */
  notification(refundPsp: string, opts?: NotificationOptions): AdyenNotification;
  sendNotification(
    url: string,
    refundPsp: string,
    opts?: NotificationOptions,
  ): Promise<{ status: number; body: string }>;
}

export interface NotificationOptions {
  readonly eventCode?: "REFUND" | "REFUND_FAILED" | "REFUNDED_REVERSED";
  readonly success?: boolean;
  readonly reason?: string;
  readonly hmacKey?: string;
}

/** Documented signing string, base64 HMAC-SHA256 with the hex-decoded key. */
export function signAdyenItem(item: AdyenNotificationItem, hmacKeyHex: string): string {
  const data = [
    item.pspReference,
    item.originalReference ?? "",
    item.merchantAccountCode,
    item.merchantReference,
    item.amount.value,
    item.amount.currency,
    item.eventCode,
    item.success,
  ].join(":");
  return createHmac("sha256", Buffer.from(hmacKeyHex, "hex")).update(data, "utf8").digest("base64");
}

const REFUND_PATH = /^\/v(\d+)\/payments\/([^/]+)\/refunds$/;

export async function startAdyenFake(
  opts: { apiKey?: string; merchantAccount?: string; hmacKey?: string } = {},
): Promise<AdyenFake> {
  const apiKey = opts.apiKey ?? "AQE_crossback_fake_key";
  const merchantAccount = opts.merchantAccount ?? "CrossbackECOM";
  const hmacKey = opts.hmacKey ?? randomBytes(32).toString("hex").toUpperCase();
  const payments = new Map<string, Payment>();
  const refunds = new Map<string, AdyenFakeRefund>();
  const saved = new Map<string, FakeReply>();
  /** API key → the one merchant account it may use (null: all, a company-level key). */
  const keys = new Map<string, string | null>([[apiKey, null]]);
  const accounts = new Set<string>([merchantAccount]);

  const handle = (req: FakeRequest): FakeReply => {
    const route = REFUND_PATH.exec(req.path);
    if (req.method !== "POST" || !route) return error(404, "000", "Not Found", "validation");
    const given = req.headers["x-api-key"];
    const keyScope = typeof given === "string" ? keys.get(given) : undefined;
    if (keyScope === undefined) return error(401, "000", "HTTP Status Response - Unauthorized", "security");
    const key = req.headers["idempotency-key"];
    const idem = Array.isArray(key) ? key[0] : key;
    if (idem && idem.length > 64)
      return error(422, "000", "Idempotency-Key longer than 64 characters", "validation");
    const prior = idem ? saved.get(idem) : undefined;
    if (prior) return prior;
    const reply = refund(decodeURIComponent(route[2] ?? ""), req.body, keyScope);
    const withKey = idem ? { ...reply, headers: { "Idempotency-Key": idem } } : reply;
    if (idem) saved.set(idem, withKey);
    return withKey;
  };

  const refund = (paymentPsp: string, text: string, keyScope: string | null): FakeReply => {
    let body: {
      merchantAccount?: unknown;
      amount?: { value?: unknown; currency?: unknown };
      reference?: unknown;
    };
    try {
      body = JSON.parse(text);
    } catch {
      return error(400, "000", "Unable to parse message", "validation");
    }
    const account = body.merchantAccount;
    if (typeof account !== "string" || !accounts.has(account) || (keyScope !== null && keyScope !== account))
      return error(403, "901", "Invalid Merchant Account", "security");
    if (!body.amount) return error(422, "100", "Required object 'amount' is not provided.", "validation");
    const { value, currency } = body.amount;
    if (!Number.isSafeInteger(value) || (value as number) <= 0 || typeof currency !== "string") {
      return error(422, "137", "Invalid amount specified", "validation");
    }
    const found = payments.get(paymentPsp);
    const payment = found?.merchantAccount === account ? found : undefined;
    if (!payment) return error(422, "167", "Original pspReference required for this operation", "validation");
    if (currency !== payment.currency || (value as number) > payment.value) {
      return error(422, "137", "Invalid amount specified", "validation");
    }
    const exceeds = payment.refunded + (value as number) > payment.value;
    const reason = exceeds ? "Refund amount exceeds the captured amount (fake)" : payment.failWith;
    if (!reason) payment.refunded += value as number;
    const r: AdyenFakeRefund = {
      pspReference: fakeId("", 16, "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"),
      paymentPspReference: paymentPsp,
      merchantAccount: account,
      reference: typeof body.reference === "string" ? body.reference : "",
      amount: { value: value as number, currency },
      outcome: { success: !reason, reason: reason ?? "" },
    };
    refunds.set(r.pspReference, r);
    const { outcome: _outcome, ...answer } = r;
    return { status: 201, body: { ...answer, merchantRefundReason: "RETURN", status: "received" } };
  };

  const notification = (refundPsp: string, o: NotificationOptions = {}): AdyenNotification => {
    const r = refunds.get(refundPsp);
    if (!r) throw new Error(`fake Adyen has no refund ${refundPsp}`);
    const eventCode = o.eventCode ?? "REFUND";
    const success = o.success ?? (eventCode === "REFUND" ? r.outcome.success : true);
    const unsigned: AdyenNotificationItem = {
      additionalData: {},
      amount: r.amount,
      eventCode,
      eventDate: new Date().toISOString(),
      merchantAccountCode: r.merchantAccount,
      merchantReference: r.reference,
      originalReference: r.paymentPspReference,
      paymentMethod: "visa",
      pspReference: r.pspReference,
      reason: o.reason ?? (success ? "" : r.outcome.reason),
      success: success ? "true" : "false",
    };
    const hmacSignature = signAdyenItem(unsigned, o.hmacKey ?? hmacKey);
    return {
      live: "false",
      notificationItems: [{ NotificationRequestItem: { ...unsigned, additionalData: { hmacSignature } } }],
    };
  };

  const server = await startFakeServer(
    handle,
    (status) =>
      error(status, "000", status === 429 ? "Too Many Requests" : "Internal Server Error (fake)", "internal")
        .body,
  );
  return Object.assign(server, {
    apiKey,
    merchantAccount,
    hmacKey,
    addPayment(
      psp: string,
      value: number,
      currency: string,
      o: { failRefundsWith?: string; merchantAccount?: string } = {},
    ) {
      const owner = o.merchantAccount ?? merchantAccount;
      accounts.add(owner);
      payments.set(psp, {
        merchantAccount: owner,
        value,
        currency,
        refunded: 0,
        failWith: o.failRefundsWith ?? null,
      });
    },
    addApiKey(key: string, account: string) {
      accounts.add(account);
      keys.set(key, account);
    },
    refunds: () => [...refunds.values()],
    notification,
    sendNotification(url: string, refundPsp: string, o?: NotificationOptions) {
      return deliver(url, JSON.stringify(notification(refundPsp, o)), {});
    },
  });
}

export const start = startAdyenFake;

function error(status: number, errorCode: string, message: string, errorType: string): FakeReply {
  return {
    status,
    body: {
      status,
      errorCode,
      message,
      errorType,
      pspReference: fakeId("", 16, "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"),
    },
  };
}
