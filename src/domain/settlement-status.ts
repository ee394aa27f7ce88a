/**
 * The states of a settlement (money moving for a case against one tender) and the only moves
 * between them. Waiting is explicit: a settlement never sits in `processing` unless a worker holds
 * it for a provider call, so the recovery sweep can tell a call cut off by a crash (re-sent with the
 * same idempotency key) from a refund the provider accepted and will settle later (never re-sent).
 */
export type SettlementStatus =
  /** Recorded; the provider call has not been made yet (or failed retryably and waits for a retry). */
  | "pending"
  /** A worker holds it and is calling the provider (or crashed while doing so). */
  | "processing"
  /** The provider accepted the refund and will tell its outcome (webhook); never sent again. */
  | "awaiting_provider"
  /** An approved bank transfer: waits for the SEPA file or a payment by hand, then mark-paid. */
  | "awaiting_export"
  /** A confirmed payment request (exchange difference): waits for the shopper's payment, then mark-paid. */
  | "awaiting_payment"
  /** Waits for the shopper or an agent: bank details, an approval, a provider's customer action. */
  | "requires_action"
  /** The outcome is unknown or overdue and Crossback will not guess: a person checks and decides. */
  | "needs_review"
  | "succeeded"
  | "failed"
  | "cancelled"
  | "reversed";

export const SETTLEMENT_STATUSES = [
  "pending",
  "processing",
  "awaiting_provider",
  "awaiting_export",
  "awaiting_payment",
  "requires_action",
  "needs_review",
  "succeeded",
  "failed",
  "cancelled",
  "reversed",
] as const satisfies readonly SettlementStatus[];

/** Every legal move; anything else is refused. A later provider success may still revive `failed`. */
const MOVES: Readonly<Record<SettlementStatus, readonly SettlementStatus[]>> = {
  pending: [
    "processing",
    "awaiting_provider",
    "requires_action",
    "succeeded",
    "failed",
    "cancelled",
    "needs_review",
  ],
  processing: ["pending", "awaiting_provider", "requires_action", "succeeded", "failed", "needs_review"],
  awaiting_provider: ["requires_action", "succeeded", "failed", "cancelled", "needs_review"],
  awaiting_export: ["succeeded", "failed"],
  awaiting_payment: ["succeeded", "cancelled"],
  requires_action: [
    "awaiting_provider",
    "awaiting_export",
    "awaiting_payment",
    "succeeded",
    "failed",
    "cancelled",
  ],
  needs_review: ["pending", "awaiting_provider", "requires_action", "succeeded", "failed", "cancelled"],
  succeeded: ["reversed"],
  failed: ["succeeded"],
  cancelled: [],
  reversed: [],
};

/** May a settlement move from `from` to `to`? Staying in the same state (a data change) is always allowed. */
export function canMoveSettlement(from: SettlementStatus, to: SettlementStatus): boolean {
  return from === to || MOVES[from].includes(to);
}

/** States that end the settlement's life (a provider may still reverse a success, or revive a failure). */
export const FINAL_SETTLEMENT_STATUSES: readonly SettlementStatus[] = [
  "succeeded",
  "failed",
  "cancelled",
  "reversed",
];
