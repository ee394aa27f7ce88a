import type { CaseCommandType, CaseStatus } from "./case-status.ts";

/** One failing field: a path such as `lines[0].quantity` and what is wrong with it. */
export interface FieldIssue {
  readonly path: string;
  readonly message: string;
}

/**
 * Every expected failure Crossback can return, closed and carrying its data.
 * The HTTP layer maps each code to one status (src/http/problem.ts).
 */
export type DomainError =
  | { readonly code: "invalid_input"; readonly issues: readonly FieldIssue[] }
  | { readonly code: "not_found"; readonly entity: string; readonly id: string }
  | {
      readonly code: "illegal_transition";
      readonly command: CaseCommandType;
      readonly status: CaseStatus;
      readonly allowed: readonly CaseCommandType[];
    }
  | { readonly code: "version_conflict"; readonly expected: number; readonly actual: number }
  | {
      readonly code: "quantity_exceeded";
      readonly path: string;
      readonly limit: number;
      readonly requested: number;
      readonly what: string;
    }
  | { readonly code: "case_spans_vendors"; readonly vendors: readonly string[] }
  | {
      readonly code: "not_eligible";
      readonly lines: readonly {
        readonly orderLineExternalId: string;
        readonly blockedBy: readonly { ruleId: string; message: string }[];
      }[];
    }
  | { readonly code: "not_yet_expired"; readonly shipBy: string | null }
  | { readonly code: "order_line_in_use"; readonly lineExternalId: string; readonly minimum: number }
  | { readonly code: "idempotency_key_reused"; readonly key: string }
  | { readonly code: "idempotency_key_in_flight"; readonly key: string }
  | {
      readonly code: "rate_limited";
      readonly scope: "ip" | "order_number";
      readonly retryAfterSeconds: number;
    }
  | {
      readonly code: "shipment_not_voidable";
      readonly shipmentId: string;
      readonly shipmentStatus: string;
      readonly reason: string;
    }
  | {
      /** A settlement action its state (or its approver) does not allow: nothing changed. */
      readonly code: "settlement_state";
      readonly settlementId: string;
      readonly action: string;
      readonly settlementStatus: string;
      readonly reason: string;
    }
  | {
      /** Money already depends on this field of an order: it can no longer change. */
      readonly code: "order_locked";
      readonly path: string;
      readonly reason: string;
    }
  | {
      /** The order was cancelled: it can neither change nor be returned. */
      readonly code: "order_cancelled";
      readonly externalId: string;
    }
  | {
      /** A parked parcel (blind receipt) was already matched to a case: nothing changed. */
      readonly code: "already_matched";
      readonly blindReceipt: string;
      readonly caseId: string;
    }
  | {
      readonly code: "unsupported_media_type";
      readonly path: string;
      readonly found: string;
      readonly accepted: readonly string[];
    };

export type ErrorCode = DomainError["code"];

export const invalid = (path: string, message: string): DomainError => ({
  code: "invalid_input",
  issues: [{ path, message }],
});

/** One readable sentence for an error (the problem's `detail`, CLI messages). */
export function describe(e: DomainError): string {
  switch (e.code) {
    case "invalid_input":
      return e.issues.map((i) => `${i.path}: ${i.message}`).join("; ");
    case "not_found":
      return `No ${e.entity} "${e.id}".`;
    case "illegal_transition":
      return `Cannot ${e.command} a return in status "${e.status}". Allowed now: ${e.allowed.join(", ") || "nothing (final status)"}.`;
    case "version_conflict":
      return `The return changed meanwhile (expected version ${e.expected}, now ${e.actual}); reload and retry.`;
    case "quantity_exceeded":
      return `${e.path}: ${e.requested} asked, at most ${e.limit} (${e.what}).`;
    case "not_eligible":
      return `Not returnable: ${e.lines.map((l) => `line ${l.orderLineExternalId}: ${l.blockedBy.map((b) => b.message).join(" ")}`).join("; ")}`;
    case "case_spans_vendors":
      return `A return has one vendor; these lines are sold by ${e.vendors.join(", ")}. Open one return per vendor.`;
    case "not_yet_expired":
      return `The ship-by time (${e.shipBy ?? "none"}) has not passed.`;
    case "order_line_in_use":
      return `Line "${e.lineExternalId}" is part of return cases: it must stay, with quantity of at least ${e.minimum}.`;
    case "idempotency_key_reused":
      return `Idempotency-Key "${e.key}" was used with a different request.`;
    case "idempotency_key_in_flight":
      return `A request with Idempotency-Key "${e.key}" is still running; retry shortly.`;
    case "rate_limited":
      return `Too many failed attempts ${e.scope === "ip" ? "from this address" : "for this order number"}; try again in ${Math.ceil(e.retryAfterSeconds / 60)} minutes.`;
    case "shipment_not_voidable":
      return `Shipment ${e.shipmentId} (status "${e.shipmentStatus}") cannot be voided: ${e.reason}.`;
    case "settlement_state":
      return `Cannot ${e.action} settlement ${e.settlementId} (status "${e.settlementStatus}"): ${e.reason}.`;
    case "order_locked":
      return `${e.path}: ${e.reason}.`;
    case "order_cancelled":
      return `Order "${e.externalId}" was cancelled (and refunded as such): it can no longer change or be returned.`;
    case "already_matched":
      return `Blind receipt ${e.blindReceipt} is already matched to return ${e.caseId}.`;
    case "unsupported_media_type":
      return `${e.path}: this is ${e.found}; accepted: ${e.accepted.join(", ")}.`;
  }
}
