/** The merchant API's JSON for return cases, as the back office reads it (see the OpenAPI document). */
export interface Track {
  readonly track: string;
  readonly eligible: boolean;
  readonly returnBy: string | null;
  readonly citation: string | null;
  readonly confidence: string | null;
  readonly jurisdiction: string | null;
  readonly explanation: string | null;
  readonly blockedBy: readonly { readonly ruleId: string; readonly message: string }[];
}

export interface LineDecision {
  readonly orderLineExternalId: string;
  readonly eligible: boolean;
  readonly track: string | null;
  readonly returnBy: string | null;
  readonly tracks: readonly Track[];
}

export interface CaseLine {
  readonly id: string;
  readonly orderLineExternalId: string;
  readonly sku: string;
  readonly title: string;
  readonly unitPrice: string;
  readonly reason: string;
  readonly comment: string | null;
  readonly resolution: string;
  readonly quantities: Readonly<Record<string, number>>;
}

export interface Settlement {
  readonly id: string;
  readonly method: string;
  readonly status: string;
  readonly amount: string;
  readonly currency: string;
  readonly failureReason: string | null;
}

export interface Override {
  readonly reason: string;
  readonly at: string;
  readonly actor: { readonly kind: string; readonly id: string; readonly name?: string | null };
}

export interface ReturnCaseJson {
  readonly id: string;
  readonly number: string;
  readonly status: string;
  readonly version: number;
  readonly allowedCommands: readonly string[];
  readonly orderExternalId: string;
  readonly vendor: string | null;
  readonly currency: string;
  readonly requestedResolution: string;
  readonly shipBy: string | null;
  readonly refundDeadline: {
    readonly dueBy: string;
    readonly status: string;
    readonly citation?: string;
  } | null;
  readonly decision: { readonly lines?: readonly LineDecision[] } | null;
  readonly overrides: readonly Override[];
  readonly createdAt: string;
  readonly lines: readonly CaseLine[];
  readonly settlements?: readonly Settlement[];
}

export interface CaseEventJson {
  readonly id: number;
  readonly type: string;
  readonly at: string;
  readonly actor: { readonly kind: string; readonly id: string; readonly name?: string | null };
  readonly reason: string | null;
  readonly fromStatus: string | null;
  readonly toStatus: string;
  readonly data: Readonly<Record<string, unknown>>;
}

export interface CreditNoteJson {
  readonly id: string;
  readonly number: string;
  readonly issuedAt: string;
  readonly pdf: string;
}

export interface RefundLine {
  readonly type: string;
  readonly amount: string;
  readonly description: string;
  readonly quantity: number | null;
  readonly caseLineId: string | null;
}

export interface RefundPreview {
  readonly due: boolean;
  readonly calculation: {
    readonly total: string;
    readonly currency: string;
    readonly lines: readonly RefundLine[];
  } | null;
  readonly settlements: readonly {
    readonly method: string;
    readonly tenderId: string | null;
    readonly amount: string;
    readonly currency: string;
  }[];
}

export interface Page<T> {
  readonly items: readonly T[];
  readonly nextCursor: string | null;
}

export const STATUSES = [
  "requested",
  "needs_review",
  "approved",
  "rejected",
  "awaiting_shipment",
  "in_transit",
  "received",
  "inspected",
  "resolved",
  "closed",
  "cancelled",
  "expired",
] as const;
export const REASONS = [
  "changed_mind",
  "wrong_size",
  "not_as_described",
  "defective",
  "damaged_in_transit",
  "wrong_item",
  "arrived_late",
  "no_longer_needed",
  "other",
] as const;
export const RESOLUTIONS = ["refund", "store_credit", "exchange", "keep_it"] as const;
