import { localDateOf } from "../../domain/calendar/time-zone.ts";
import type { RequestedLine } from "../../domain/case-opening.ts";
import type { DomainError } from "../../domain/errors.ts";
import type { ReturnDecision } from "../../domain/policy/evaluate-return.ts";
import { explainLine, type LineExplanation } from "../../domain/portal/line-explanation.ts";
import type { RefundCalculation } from "../../domain/refund/refund-calculation.ts";
import { ok, type Result } from "../../domain/result.ts";
import type { Resolution } from "../../domain/return-reasons.ts";
import type { Deps } from "../ports/index.ts";
import { type PreviewPart, previewReturn } from "../preview-return.ts";
import type { Replacement } from "../refunds.ts";
import { refundDeadlineFor } from "../return-evaluation.ts";
import { sessionContext } from "./portal-order.ts";
import { type RefundTiming, refundTiming } from "./refund-timing.ts";
import type { PortalSession } from "./session-token.ts";

export interface PortalPreviewInput {
  readonly lines: readonly RequestedLine[];
  readonly resolution: Resolution;
  readonly replacementSku?: string | null;
}

export interface PortalPreview {
  readonly decision: ReturnDecision;
  /** The same calculation as POST /api/v1/returns/preview answers (null: nothing eligible). */
  readonly refund: RefundCalculation | null;
  readonly explanations: readonly (LineExplanation & { readonly orderLineExternalId: string })[];
  readonly timing: readonly RefundTiming[];
  /** The statutory refund deadline, when a line is withdrawn under the law. */
  readonly refundDeadline: Record<string, unknown> | null;
  readonly replacement: Replacement | null;
  /** Lines of several vendors: one case per vendor (else empty). */
  readonly split: readonly PreviewPart[];
}

/** The full cost of a return before it is submitted: one calculation, the API preview's own. */
export async function portalPreview(
  deps: Deps,
  session: PortalSession,
  input: PortalPreviewInput,
): Promise<Result<PortalPreview, DomainError>> {
  const ctx = await sessionContext(deps.store.read, session);
  if (!ctx.ok) return ctx;
  const { merchant, order } = ctx.value;
  const now = deps.clock.now();
  const p = await previewReturn(deps, merchant.id, {
    orderExternalId: order.externalId,
    lines: input.lines,
    at: now,
    requestedResolution: input.resolution,
    replacementSku: input.replacementSku,
  });
  if (!p.ok) return p;
  const { decision, refund, replacement, split } = p.value;
  const zone = decision.lines[0]?.timeZone ?? "UTC";
  return ok({
    decision,
    refund,
    explanations: decision.lines.map((l) => ({
      orderLineExternalId: l.orderLineExternalId,
      ...explainLine(l, localDateOf(now, l.timeZone)),
    })),
    timing: refund ? refundTiming(refund, decision.refundTrigger, now, zone) : [],
    refundDeadline: refundDeadlineFor(order, decision, now),
    replacement,
    split,
  });
}
