import type { StoredEvent } from "../ports/index.ts";

/**
 * A case's place in the outbox while a relay holds it, with what the lease read along: each consumer's
 * progress on the case (by consumer name) and the first outstanding events (after `settledSeq`).
 */
export interface OutboxLease {
  readonly caseId: string;
  readonly merchantId: string;
  readonly lastSeq: number;
  readonly settledSeq: number;
  readonly token: string;
  readonly progress: Readonly<Record<string, ConsumerProgress>>;
  readonly events: readonly StoredEvent[];
}

export interface ConsumerProgress {
  readonly deliveredSeq: number;
  readonly attempts: number;
  readonly retryAt: Date | null;
  readonly lastError: string | null;
}

/** A consumer's progress to save when the case is released. */
export type SavedProgress = ConsumerProgress & { readonly consumer: string };

/**
 * A case given back: settled up to `settledSeq`, due again at `retryAt` (null: when new events come),
 * with the consumers' progress not saved yet.
 */
export interface OutboxRelease {
  readonly caseId: string;
  readonly settledSeq: number;
  readonly retryAt: Date | null;
  readonly progress: readonly SavedProgress[];
}

export interface OutboxRepo {
  /**
   * Takes each of the cases until `until` that no live lease of another relay holds (the others, and
   * unknown ones, are left out of the answer), all under one `token`. Reads each one's consumers'
   * progress and at most `batch` outstanding events with it, in the same statement.
   */
  lease(
    caseIds: readonly string[],
    token: string,
    at: Date,
    until: Date,
    batch: number,
  ): Promise<OutboxLease[]>;
  /** Extends a lease we still hold; false when it was lost (expired and taken by another relay). */
  renew(caseId: string, token: string, until: Date): Promise<boolean>;
  /**
   * Gives the cases back (each as `OutboxRelease` says), in one statement: only those `token` still
   * holds, with their progress.
   */
  release(token: string, at: Date, releases: readonly OutboxRelease[]): Promise<void>;
  progress(consumer: string, caseId: string): Promise<ConsumerProgress | null>;
  saveProgress(consumer: string, caseId: string, p: ConsumerProgress, at: Date): Promise<void>;
  /** The case's events after `seq`, oldest first, at most up to `untilSeq`. */
  eventsAfter(caseId: string, seq: number, untilSeq: number, limit: number): Promise<StoredEvent[]>;
  /** Makes the merchant's cases with events since `since` due again (an endpoint turned back on). */
  reopen(merchantId: string, since: Date): Promise<number>;
  /** Cases with undelivered events whose retry time has come (a held one is retried until its lease ends). */
  due(at: Date, limit: number): Promise<string[]>;
}

export interface WebhookSecret {
  readonly secret: string;
  readonly createdAt: Date;
  /** A rotated-out secret still signs until then (receivers switch over meanwhile). */
  readonly expiresAt: Date | null;
}

export interface WebhookEndpoint {
  readonly id: string;
  readonly merchantId: string;
  readonly url: string;
  readonly description: string | null;
  /** Event types to send (`return.*` matches a family); empty: every type. */
  readonly eventTypes: readonly string[];
  readonly secrets: readonly WebhookSecret[];
  readonly enabled: boolean;
  readonly disabledReason: string | null;
  readonly disabledAt: Date | null;
  readonly consecutiveFailures: number;
  readonly failingSince: Date | null;
  readonly createdAt: Date;
  readonly updatedAt: Date;
}

export interface WebhookEndpointRepo {
  insert(e: WebhookEndpoint): Promise<void>;
  update(e: WebhookEndpoint): Promise<void>;
  get(merchantId: string, id: string): Promise<WebhookEndpoint | null>;
  list(merchantId: string): Promise<WebhookEndpoint[]>;
  /** Counts a failed attempt (atomically); the endpoint after it. */
  recordFailure(merchantId: string, id: string, at: Date): Promise<WebhookEndpoint | null>;
  recordSuccess(merchantId: string, id: string): Promise<void>;
  /** Disables an enabled endpoint; false when it was already disabled. */
  disable(merchantId: string, id: string, reason: string, at: Date): Promise<boolean>;
}

export type DeliveryStatus = "pending" | "delivered" | "failed";

export interface WebhookDelivery {
  readonly id: string;
  readonly merchantId: string;
  readonly endpointId: string;
  readonly caseId: string | null;
  readonly eventId: number | null;
  readonly type: string;
  readonly payload: Readonly<Record<string, unknown>>;
  readonly status: DeliveryStatus;
  readonly attempts: number;
  readonly lastStatus: number | null;
  readonly lastError: string | null;
  readonly createdAt: Date;
  readonly deliveredAt: Date | null;
}

export interface WebhookAttempt {
  readonly id: string;
  readonly deliveryId: string;
  readonly at: Date;
  readonly ok: boolean;
  readonly statusCode: number | null;
  readonly error: string | null;
  readonly replay: boolean;
}

export interface WebhookDeliveryRepo {
  /** Inserts the delivery unless the endpoint already has one for the event; the stored one. */
  ensure(d: WebhookDelivery): Promise<WebhookDelivery>;
  get(merchantId: string, id: string): Promise<WebhookDelivery | null>;
  list(
    merchantId: string,
    endpointId: string,
    q: { status?: DeliveryStatus; before?: string; limit: number },
  ): Promise<WebhookDelivery[]>;
  /** Records an attempt and the delivery's state after it. */
  recordAttempt(d: WebhookDelivery, a: WebhookAttempt): Promise<void>;
  attempts(merchantId: string, deliveryId: string): Promise<WebhookAttempt[]>;
}

export interface MerchantNotice {
  readonly id: string;
  readonly merchantId: string;
  readonly kind: string;
  readonly message: string;
  readonly data: Readonly<Record<string, unknown>>;
  readonly createdAt: Date;
}

export interface NoticeRepo {
  insert(n: MerchantNotice): Promise<void>;
  list(merchantId: string, limit: number): Promise<MerchantNotice[]>;
}

export interface NotifyRepos {
  readonly outbox: OutboxRepo;
  readonly webhookEndpoints: WebhookEndpointRepo;
  readonly webhookDeliveries: WebhookDeliveryRepo;
  readonly notices: NoticeRepo;
}
