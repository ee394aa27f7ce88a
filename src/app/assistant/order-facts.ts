/**
 * Facts about the session's order before (or beside) a case: what can still come back and until when
 * (the engine's decision per line), and what a return of everything would cost and pay when (the
 * portal preview, the API preview's own calculation).
 */
import type { FeeFacts, LineFacts, RefundPart } from "../../domain/assistant/facts.ts";
import type { RefundTrigger } from "../../domain/policy/return-policy.ts";
import { type PortalOrder, portalOrder } from "../portal/portal-order.ts";
import { type PortalPreview, portalPreview } from "../portal/portal-preview.ts";
import type { PortalSession } from "../portal/session-token.ts";
import type { Deps } from "../ports/index.ts";

export function lineFacts(o: PortalOrder): LineFacts[] {
  return o.lines.map((l) => {
    const basis = l.changeOfMind?.basis ?? null;
    const why = l.changeOfMind?.whyNot[0] ?? null;
    const whyCitation = why && "citation" in why ? why.citation : null;
    return {
      title: l.title,
      returnable: basis ? l.returnable : 0,
      track: basis?.track ?? null,
      returnBy: basis ? (basis.latestReturnBy ?? basis.returnBy) : null,
      citation: basis?.citation ?? whyCitation,
      whyNot: why && !basis ? { code: why.code, date: "date" in why ? why.date : null } : null,
    };
  });
}

/** The preview of returning every returnable unit for a change of mind, refunded (null: nothing can come back). */
export async function wholeReturnPreview(
  deps: Deps,
  session: PortalSession,
): Promise<{ order: PortalOrder; preview: PortalPreview | null } | null> {
  const o = await portalOrder(deps, session);
  if (!o.ok) return null;
  const lines = o.value.lines
    .filter((l) => l.returnable > 0 && l.changeOfMind?.basis)
    .map((l) => ({
      orderLineExternalId: l.externalId,
      quantity: l.returnable,
      reason: "changed_mind" as const,
    }));
  if (lines.length === 0) return { order: o.value, preview: null };
  const p = await portalPreview(deps, session, { lines, resolution: "refund" });
  return { order: o.value, preview: p.ok ? p.value : null };
}

export function previewRefund(p: PortalPreview): {
  parts: RefundPart[];
  trigger: RefundTrigger;
  deadline: { dueBy: string; citation: string } | null;
} {
  const byMethod = Object.entries(p.refund?.byDestination ?? {});
  const parts = p.timing.flatMap((t): RefundPart[] => {
    const amount = byMethod.find(([m]) => m === t.method)?.[1];
    return amount ? [{ method: t.method, amount, expectedBy: t.expectedBy, paid: false }] : [];
  });
  const d = p.refundDeadline;
  const deadline =
    d && typeof d.dueBy === "string" && typeof d.citation === "string"
      ? { dueBy: d.dueBy, citation: d.citation }
      : null;
  return { parts, trigger: p.decision.refundTrigger, deadline };
}

const FEE_TYPES = new Set(["return_shipping_fee", "restocking_fee"]);

/** The fees a return would deduct, one per kind (summed over lines). */
export function previewFees(p: PortalPreview): FeeFacts[] {
  const out = new Map<string, FeeFacts>();
  for (const l of p.refund?.lines ?? []) {
    if (!FEE_TYPES.has(l.type) || l.amount.amount >= 0) continue;
    const had = out.get(l.type);
    const amount = { ...l.amount, amount: (had?.amount.amount ?? 0) + l.amount.amount };
    out.set(l.type, { type: l.type, amount, ruleId: had?.ruleId ?? l.ruleId });
  }
  return [...out.values()];
}
