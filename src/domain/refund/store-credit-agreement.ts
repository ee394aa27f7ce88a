/**
 * Store credit on a statutory withdrawal. The law (EU Consumer Rights Directive art. 13(1) and its
 * transpositions: BGB § 357, Code de la consommation L221-24, …) reimburses by the original means of
 * payment unless the consumer expressly agreed otherwise, at no fee. Crossback applies that to every
 * statutory withdrawal: store credit only as the shopper's own choice, made while refund to the
 * original payment was offered, and recorded on the case as the express agreement. Never a default.
 */
import type { Actor } from "../actor.ts";
import type { DomainError, FieldIssue } from "../errors.ts";
import type { LineDecision } from "../policy/line-decision.ts";
import { err, ok, type Result } from "../result.ts";
import type { CaseEvent, CaseSource, LineResolution, ReturnCase } from "../return-case.ts";
import type { Resolution } from "../return-reasons.ts";
import type { Track } from "../statutory/statutory-facts.ts";

export const ORIGINAL_MEANS_RULE = "crossback.refund.statutory_original_means";

export interface ExpressAgreement {
  readonly kind: "store_credit_instead_of_original_payment";
  /** Case lines the shopper took store credit for, on the statutory withdrawal track. */
  readonly lineIds: readonly string[];
  /** What the shopper was offered for those lines (always includes `refund`). */
  readonly offered: readonly Resolution[];
  readonly jurisdiction: string;
  readonly ruleId: string;
  readonly actor: Actor;
  readonly source: CaseSource;
  readonly at: Date;
}

const statutory = (d: LineDecision) => d.track === "statutory_withdrawal";
const jurisdictionOf = (d: LineDecision) =>
  d.tracks.find((t) => t.track === "statutory_withdrawal")?.jurisdiction ?? "";

/**
 * At opening: a request for store credit on lines handled as statutory withdrawals is the shopper's
 * express agreement, recorded with its event, when refund to the original payment was offered on
 * each of them; otherwise those lines are refused.
 */
export function agreementAtOpening(
  c: ReturnCase,
  lines: readonly LineDecision[],
  actor: Actor,
  at: Date,
): Result<{ agreement: ExpressAgreement; event: CaseEvent } | null, DomainError> {
  if (c.requestedResolution !== "store_credit") return ok(null);
  const withdrawn = c.lines.flatMap((l) => {
    const d = lines.find((x) => x.orderLineExternalId === l.orderLineExternalId);
    return d && statutory(d) ? [{ line: l, d }] : [];
  });
  if (withdrawn.length === 0) return ok(null);
  const notOffered = withdrawn.filter(({ d }) => !d.resolutions.includes("refund"));
  if (notOffered.length > 0) {
    return err({
      code: "not_eligible",
      lines: notOffered.map(({ d }) => ({
        orderLineExternalId: d.orderLineExternalId,
        blockedBy: [
          {
            ruleId: ORIGINAL_MEANS_RULE,
            message:
              "Store credit on a statutory withdrawal must be the shopper's choice while a refund to the original payment is offered.",
          },
        ],
      })),
    });
  }
  const first = withdrawn[0]?.d;
  const agreement: ExpressAgreement = {
    kind: "store_credit_instead_of_original_payment",
    lineIds: withdrawn.map(({ line }) => line.id),
    offered: [...new Set(withdrawn.flatMap(({ d }) => d.resolutions))],
    jurisdiction: first ? jurisdictionOf(first) : "",
    ruleId: ORIGINAL_MEANS_RULE,
    actor,
    source: c.source,
    at,
  };
  const event: CaseEvent = {
    type: "return.store_credit_agreed",
    actor,
    at,
    reason: "The shopper chose store credit instead of a refund to the original payment.",
    fromStatus: c.status,
    toStatus: c.status,
    data: {
      lineIds: agreement.lineIds,
      offered: agreement.offered,
      jurisdiction: agreement.jurisdiction,
      ruleId: agreement.ruleId,
      source: agreement.source,
    },
  };
  return ok({ agreement, event });
}

/**
 * Resolving a line as store credit on the statutory withdrawal track needs the shopper's recorded
 * agreement for that line: nobody else may switch a withdrawal's refund to store credit.
 */
export function storeCreditWithoutAgreement(
  c: ReturnCase,
  lines: readonly LineResolution[],
  trackOf: ReadonlyMap<string, Track | null>,
): FieldIssue[] {
  const agreed = new Set(c.expressAgreements.flatMap((a) => a.lineIds));
  const issues: FieldIssue[] = [];
  lines.forEach((r, i) => {
    if (r.resolution !== "store_credit" || agreed.has(r.lineId)) return;
    const line = c.lines.find((l) => l.id === r.lineId);
    if (!line || trackOf.get(line.orderLineExternalId) !== "statutory_withdrawal") return;
    issues.push({
      path: `lines[${i}].resolution`,
      message:
        "store credit on a statutory withdrawal needs the shopper's express agreement (EU Consumer Rights Directive art. 13(1)); this shopper did not choose store credit, so the refund goes to the original payment",
    });
  });
  return issues;
}
