import type { Money } from "../domain/money.ts";
import type { Result } from "../domain/result.ts";

/**
 * A provider's later word on a refund, taken from a verified webhook. The settlement it belongs
 * to is found by `settlementId` (what we sent along with the refund) or, failing that, by
 * `providerReference` (what the refund call answered).
 */
export interface RefundUpdate {
  readonly provider: "stripe" | "adyen";
  readonly settlementId: string | null;
  readonly providerReference: string;
  readonly status: RefundUpdateStatus;
  /** The provider's reason when the refund failed, was cancelled or was reversed. */
  readonly reason: string | null;
  /**
   * The provider's event id. With `providerReference` it de-duplicates redeliveries: one event may
   * carry several refunds (Stripe's charge.refunded), each applied once.
   */
  readonly eventId: string;
  /** The refund's amount as the provider states it (ISO minor units); null when it has none. */
  readonly amount: Money | null;
  /**
   * The provider account the event is from (Adyen merchantAccountCode, Stripe Connect `account`);
   * null when the event does not say. Applied only to a settlement of the merchant with that account.
   */
  readonly account?: string | null;
}

/** The settlement statuses a provider event can move a refund to. */
export type RefundUpdateStatus =
  | "processing"
  | "requires_action"
  | "succeeded"
  | "failed"
  | "cancelled"
  | "reversed";

/** Headers as the HTTP layer sees them (lower-case names). */
export type WebhookHeaders = Readonly<Record<string, string | string[] | undefined>>;

/**
 * Receives a provider's webhook delivery: checks its signature over the raw body and turns the
 * refund events in it into updates (other events give none). An error means "not from the
 * provider": answer 400 and change nothing.
 */
export interface RefundWebhookReceiver {
  readonly provider: "stripe" | "adyen";
  receive(rawBody: string | Buffer, headers: WebhookHeaders): Result<RefundUpdate[], string>;
  /** What the provider expects as the 2xx response body once the delivery is accepted. */
  readonly acknowledgement: string;
}

export function headerValue(headers: WebhookHeaders, name: string): string | undefined {
  const v = headers[name.toLowerCase()];
  return Array.isArray(v) ? v[0] : v;
}
