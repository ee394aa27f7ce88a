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
  | { readonly code: "not_yet_expired"; readonly shipBy: string | null }
  | { readonly code: "order_line_in_use"; readonly lineExternalId: string; readonly minimum: number }
  | { readonly code: "idempotency_key_reused"; readonly key: string }
  | { readonly code: "idempotency_key_in_flight"; readonly key: string };

export type ErrorCode = DomainError["code"];

export const invalid = (path: string, message: string): DomainError => ({
  code: "invalid_input",
  issues: [{ path, message }],
});
