import type { WebhookSender } from "../logistics/ports.ts";
import type { StoredEvent } from "../ports/index.ts";
import type { Mailer } from "./mail-records.ts";

/** How the outbox relay and the merchant webhooks behave (env in src/cli/config.ts). */
export interface OutboxSettings {
  /** How long a relay holds a case before another may take it over (a crashed relay's lease expires). */
  readonly leaseMs: number;
  /** First retry delay of a failing consumer; doubled on every further failure … */
  readonly retryBaseMs: number;
  /** … up to this. */
  readonly retryMaxMs: number;
  /** A webhook endpoint is disabled after this many failed attempts in a row … */
  readonly disableAfterFailures: number;
  /** … spread over at least this long. */
  readonly disableAfterMs: number;
  /** A rotated-out webhook secret keeps signing this long. */
  readonly secretOverlapMs: number;
}

export const DEFAULT_OUTBOX_SETTINGS: OutboxSettings = {
  leaseMs: 60_000,
  retryBaseMs: 5_000,
  retryMaxMs: 3_600_000,
  disableAfterFailures: 50,
  disableAfterMs: 3 * 86_400_000,
  secretOverlapMs: 86_400_000,
};

export interface NotifyDeps {
  readonly settings: OutboxSettings;
  /** Posts Standard Webhooks to merchant endpoints. */
  readonly webhooks: WebhookSender;
  /** Sends shopper e-mails (SMTP_URL); without it they are recorded (status `not_sent`), not sent. */
  readonly mailer?: Mailer | null;
  /** Base of links in e-mails (CROSSBACK_PUBLIC_URL): the survey page. */
  readonly publicUrl?: string | null;
  /** The reminder goes out this many days before the ship-by date (default 3). */
  readonly reminderDaysBefore?: number;
}

/** A case event as the outbox hands it to consumers. */
export interface OutboxEvent extends StoredEvent {
  readonly merchantId: string;
}

/**
 * `quiet`: the event needed nothing (no message, no request), so its progress may be saved with a later
 * one; a crash before then only hands the consumer the same no-op again.
 */
export type ConsumerResult =
  | { readonly ok: true; readonly quiet?: boolean }
  | { readonly ok: false; readonly error: string };

/**
 * One receiver of case events (e-mail to the shopper, one webhook endpoint, …): called in order per case.
 * One instance serves one relay round of a merchant's cases (one case after the other).
 */
export interface OutboxConsumer {
  /** Stable name: progress is kept per consumer and case. */
  readonly name: string;
  /** Delivers one event. At least once: it may see an event again after a crash. */
  deliver(event: OutboxEvent): Promise<ConsumerResult>;
  /**
   * true: each delivery is recorded under the event's key before anything goes out, and an event
   * delivered again finds its record and repeats nothing (e-mails, webhooks). Its progress is then
   * saved once per relay round, with the release, instead of after every event.
   */
  readonly recordsDeliveries?: boolean;
  /**
   * Stores what `deliver` kept back (e-mails that no mailer will send, written in one statement). The
   * relay calls it before it saves progress past those events: when it throws, they are delivered again.
   */
  flush?(): Promise<void>;
  /**
   * Reads at once what delivering to these cases of the merchant will need (one statement for a relay
   * round of many cases instead of one per case). Optional: without it, `deliver` reads what it needs.
   */
  prepare?(merchantId: string, caseIds: readonly string[]): Promise<void>;
}
