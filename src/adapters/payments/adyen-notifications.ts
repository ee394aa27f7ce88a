import type { RefundUpdate, RefundWebhookReceiver } from "../../app/refund-updates.ts";
import { err, ok, type Result } from "../../domain/result.ts";
import { HmacValidator, type NotificationRequestItem } from "./adyen-library.ts";
import { ADYEN_CURRENCIES, fromProviderAmount } from "./provider-amounts.ts";

/** Our settlement ids are UUIDs; any other merchantReference is not one of ours. */
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Adyen standard webhooks (notifications). Docs followed:
 * - https://docs.adyen.com/development-resources/webhooks/secure-webhooks/verify-hmac-signatures —
 *   `additionalData.hmacSignature` is the base64 HMAC-SHA256, keyed with the hex-decoded HMAC key,
 *   of pspReference:originalReference:merchantAccountCode:merchantReference:value:currency:
 *   eventCode:success (empty string for a missing field). Verified with the library's
 *   `hmacValidator.validateHMAC`, which builds exactly that string and compares in constant time.
 * - https://docs.adyen.com/api-explorer/Checkout/latest/post/payments/_paymentPspReference_/refunds
 *   — "You get the outcome of the request asynchronously, in a REFUND webhook"; `success` "true" or
 *   "false" (with a `reason`); REFUND_FAILED (rejected by the card scheme afterwards) and
 *   REFUNDED_REVERSED (the refunded amount came back) may follow a successful REFUND.
 * - Webhook deliveries are acknowledged with HTTP 200 and the body `[accepted]`.
 */
export interface AdyenNotificationItem {
  readonly additionalData?: Readonly<Record<string, string | undefined>>;
  readonly amount: { readonly value: number; readonly currency: string };
  readonly eventCode: string;
  readonly eventDate?: string;
  readonly merchantAccountCode: string;
  readonly merchantReference: string;
  readonly originalReference?: string;
  readonly paymentMethod?: string;
  readonly pspReference: string;
  readonly reason?: string;
  readonly success: "true" | "false";
}

export interface AdyenNotification {
  readonly live: string;
  readonly notificationItems: readonly { readonly NotificationRequestItem: AdyenNotificationItem }[];
}

/** Checks one item's `additionalData.hmacSignature` against the hex HMAC key. */
export function verifyAdyenNotification(
  item: AdyenNotificationItem,
  hmacKeyHex: string,
): Result<AdyenNotificationItem, string> {
  if (!item.additionalData?.hmacSignature)
    return err("notification item has no additionalData.hmacSignature");
  try {
    const valid = new HmacValidator().validateHMAC(item as unknown as NotificationRequestItem, hmacKeyHex);
    return valid ? ok(item) : err(`HMAC signature of notification ${item.pspReference} does not match`);
  } catch (e) {
    return err(e instanceof Error ? e.message : String(e));
  }
}

/**
 * The refund update one notification item carries, or null for other events. `merchantReference`
 * is the `reference` we sent with the refund: our settlement id (anything that is not a UUID is
 * someone else's reference, found by `pspReference` or not at all). The amount is Adyen's, checked
 * against the settlement when applied.
 */
export function parseAdyenNotification(item: AdyenNotificationItem): RefundUpdate | null {
  const base = {
    provider: "adyen" as const,
    settlementId: UUID.test(item.merchantReference ?? "") ? item.merchantReference : null,
    providerReference: item.pspReference,
    eventId: `${item.eventCode}:${item.pspReference}:${item.success}`,
    amount: fromProviderAmount(item.amount?.value, item.amount?.currency, ADYEN_CURRENCIES),
    account: item.merchantAccountCode,
  };
  const reason = item.reason?.trim() || null;
  switch (item.eventCode) {
    case "REFUND":
      return item.success === "true"
        ? { ...base, status: "succeeded", reason: null }
        : { ...base, status: "failed", reason: reason ?? "refund refused by Adyen" };
    case "REFUND_FAILED":
      return { ...base, status: "failed", reason: reason ?? "refund rejected by the card scheme" };
    case "REFUNDED_REVERSED":
      return { ...base, status: "reversed", reason: reason ?? "refunded amount returned to the merchant" };
    default:
      return null;
  }
}

/**
 * Verifies every item of a delivery (one forged item rejects the delivery), then parses the items.
 * A webhook shared across a company account carries every merchant account's events: each update
 * names its account, and is applied only to a settlement of the merchant with that merchantAccount
 * (applyRefundUpdates); the others are accepted, so Adyen stops resending them, and ignored.
 * `merchantAccount` (ADYEN_MERCHANT_ACCOUNT, optional) limits the endpoint to one account.
 */
export function adyenWebhookReceiver(hmacKeyHex: string, merchantAccount?: string): RefundWebhookReceiver {
  return {
    provider: "adyen",
    acknowledgement: "[accepted]",
    receive(rawBody) {
      let body: AdyenNotification;
      try {
        body = JSON.parse(rawBody.toString()) as AdyenNotification;
      } catch {
        return err("notification body is not JSON");
      }
      if (!Array.isArray(body?.notificationItems)) return err("notification has no notificationItems");
      const updates: RefundUpdate[] = [];
      for (const wrapper of body.notificationItems) {
        const item = wrapper?.NotificationRequestItem;
        if (!item) return err("notification item without NotificationRequestItem");
        const verified = verifyAdyenNotification(item, hmacKeyHex);
        if (!verified.ok) return verified;
        if (merchantAccount && item.merchantAccountCode !== merchantAccount) continue;
        const update = parseAdyenNotification(item);
        if (update) updates.push(update);
      }
      return ok(updates);
    },
  };
}
