export interface IdempotencyRecord {
  readonly fingerprint: string;
  readonly state: "processing" | "committed" | "completed";
  readonly statusCode: number | null;
  readonly response: unknown;
  readonly updatedAt: Date;
}

export interface IdempotencyRepo {
  /** Inserts a `processing` row; returns the existing record instead when the key is taken. */
  claim(merchantId: string, key: string, fingerprint: string, at: Date): Promise<IdempotencyRecord | null>;
  /** Takes over a stale `processing` claim (its process died before committing anything). */
  reclaim(merchantId: string, key: string, staleBefore: Date, at: Date): Promise<boolean>;
  finish(
    merchantId: string,
    key: string,
    state: "committed" | "completed",
    statusCode: number,
    response: unknown,
    at: Date,
  ): Promise<void>;
  release(merchantId: string, key: string): Promise<void>;
}

export interface WebhookEventRepo {
  /** Records an event id; false when it was seen before (a replay). */
  firstSeen(provider: string, eventId: string, at: Date): Promise<boolean>;
}
