import type { GatewayRefundResult, PaymentGateway } from "../../app/ports/index.ts";
import type { RefundWebhookReceiver } from "../../app/refund-updates.ts";
import { endpointHttpClient } from "./adyen-http-client.ts";
import {
  Client,
  EnvironmentEnum,
  HttpClientException,
  ModificationsApi,
  PaymentRefundRequest,
} from "./adyen-library.ts";
import { adyenWebhookReceiver } from "./adyen-notifications.ts";
import { ADYEN_CURRENCIES, toProviderAmount } from "./provider-amounts.ts";

export {
  type AdyenNotification,
  type AdyenNotificationItem,
  adyenWebhookReceiver,
  parseAdyenNotification,
  verifyAdyenNotification,
} from "./adyen-notifications.ts";

/**
 * Refunds through Adyen's Checkout API with the official @adyen/api-library. Docs followed:
 * - https://docs.adyen.com/api-explorer/Checkout/latest/post/payments/_paymentPspReference_/refunds
 *   — POST /payments/{paymentPspReference}/refunds (the library 32.1 calls /v72) with
 *   `{ merchantAccount, amount: { value, currency }, reference, merchantRefundReason }`; the answer
 *   is `status: "received"` and the refund's own `pspReference`; the outcome arrives later in a
 *   REFUND webhook. Partial refunds may repeat while their sum stays within the captured amount.
 * - https://docs.adyen.com/development-resources/api-idempotency — `Idempotency-Key` header (at
 *   most 64 characters, kept at least 31 days); a repeat returns the first attempt's response.
 * - https://docs.adyen.com/development-resources/currency-codes — minor units (provider-amounts.ts).
 * - https://docs.adyen.com/development-resources/error-codes — error body
 *   `{ status, errorCode, message, errorType, pspReference }`.
 * - Library: `new Client({ apiKey, environment })`, `new CheckoutAPI(client).ModificationsApi
 *   .refundCapturedPayment(pspReference, request, { idempotencyKey })`; LIVE needs
 *   `liveEndpointUrlPrefix`. For a local endpoint see adyen-http-client.ts.
 */
export interface AdyenGatewayOptions {
  /** The platform's (company-level) API key, used for a merchant that gave no key of its own. */
  readonly apiKey?: string;
  /** Limits the webhook to one merchant account's notifications (ADYEN_MERCHANT_ACCOUNT; default: all). */
  readonly merchantAccount?: string;
  /** Hex HMAC key of the webhook endpoint (Customer Area → Developers → Webhooks). */
  readonly hmacKey: string;
  /** Base URL replacing Adyen's host, e.g. a local fake: "http://127.0.0.1:4100". */
  readonly endpoint?: string;
  readonly environment?: "TEST" | "LIVE";
  /** Required for LIVE: "[random]-[company name]" from the Customer Area. */
  readonly liveEndpointUrlPrefix?: string;
  /** Socket timeout per request. Default 30 s. */
  readonly timeoutMs?: number;
}

export type AdyenGateway = PaymentGateway & {
  readonly name: "adyen";
  readonly webhooks: RefundWebhookReceiver;
};

const RETURN = PaymentRefundRequest.MerchantRefundReasonEnum.Return;

export function adyenGateway(o: AdyenGatewayOptions): AdyenGateway {
  const apis = new Map<string, InstanceType<typeof ModificationsApi>>();
  const modificationsFor = (apiKey: string) => {
    let api = apis.get(apiKey);
    if (!api) {
      const client = new Client(
        {
          apiKey,
          environment: o.environment === "LIVE" ? EnvironmentEnum.LIVE : EnvironmentEnum.TEST,
          ...(o.liveEndpointUrlPrefix ? { liveEndpointUrlPrefix: o.liveEndpointUrlPrefix } : {}),
          connectionTimeoutMillis: o.timeoutMs ?? 30_000,
        },
        o.endpoint ? endpointHttpClient(o.endpoint) : undefined,
      );
      api = new ModificationsApi(client);
      apis.set(apiKey, api);
    }
    return api;
  };
  return {
    name: "adyen",
    needsAccount: true,
    webhooks: adyenWebhookReceiver(o.hmacKey, o.merchantAccount),
    async refund(req) {
      // The refund names the merchant's own merchantAccount: Adyen refuses a pspReference that is not
      // a payment of that account (and a currency other than the payment's), so another merchant's
      // payment cannot be refunded through it.
      const merchantAccount = req.account?.accountId;
      if (!merchantAccount) return failed("the merchant has no Adyen merchantAccount configured", false);
      const apiKey = req.account?.apiKey ?? o.apiKey;
      if (!apiKey)
        return failed("the merchant gave no Adyen API key and no platform key (ADYEN_API_KEY) is set", false);
      const payment = req.tender.reference;
      if (!payment) return failed("the tender has no Adyen payment pspReference", false);
      const value = toProviderAmount(req.amount, ADYEN_CURRENCIES);
      if (!value.ok) return failed(value.error, false);
      try {
        const res = await modificationsFor(apiKey).refundCapturedPayment(
          payment,
          {
            merchantAccount,
            amount: { value: value.value, currency: req.amount.currency },
            reference: req.settlementId,
            merchantRefundReason: RETURN,
          },
          { idempotencyKey: req.idempotencyKey },
        );
        if (!res.pspReference) return failed("Adyen accepted the refund but sent no pspReference", true);
        // Always asynchronous: "received" only; the REFUND webhook brings the outcome.
        return { status: "processing", providerReference: res.pspReference };
      } catch (e) {
        return fromError(e);
      }
    },
  };
}

/**
 * HttpClientException carries Adyen's HTTP status and error body. 429 and 5xx may pass on a retry
 * with the same idempotency key, and so may anything without a status (network error, timeout);
 * other 4xx (validation 422, security 401/403, 404) will not.
 */
function fromError(e: unknown): GatewayRefundResult {
  const status = (e as { statusCode?: unknown } | null)?.statusCode;
  if (e instanceof HttpClientException || typeof status === "number") {
    const http = e as { statusCode?: number; errorCode?: string; apiError?: { message?: string } };
    const code = http.statusCode ?? 0;
    const retryable = code === 0 || code === 429 || code >= 500;
    const message = http.apiError?.message ?? (e instanceof Error ? e.message : String(e));
    const errorCode = http.errorCode ? ` error ${http.errorCode}` : "";
    return failed(`Adyen ${code || "HTTP"}${errorCode}: ${message}`, retryable);
  }
  return failed(`Adyen unreachable: ${e instanceof Error ? e.message : String(e)}`, true);
}

function failed(reason: string, retryable: boolean): GatewayRefundResult {
  return { status: "failed", reason, retryable };
}
