import type { DomainError } from "../../domain/errors.ts";
import { err, ok, type Result } from "../../domain/result.ts";
import type { ReturnCase } from "../../domain/return-case.ts";
import type { Deps, Location, PortalUpload, Repos, Settlement, StoredEvent } from "../ports/index.ts";
import { caseGroup, type GroupMember, vendorNameOf } from "./case-group.ts";
import { type SessionContext, sessionContext } from "./portal-order.ts";
import { returnAddressFor } from "./return-address.ts";
import type { PortalSession } from "./session-token.ts";

export type StepState = "done" | "current" | "upcoming";

/** One step of the shopper's timeline with its actual time, or the date it is expected by. */
export interface TimelineStep {
  readonly key: "requested" | "approved" | "shipped" | "received" | "inspected" | "refunded" | "closed";
  readonly state: StepState;
  readonly at: string | null;
  readonly expectedBy: string | null;
}

export interface PortalCaseView {
  readonly ctx: SessionContext;
  readonly case: ReturnCase;
  readonly events: readonly StoredEvent[];
  readonly settlements: readonly Settlement[];
  readonly photos: readonly PortalUpload[];
  readonly returnAddress: Location | null;
  readonly timeline: readonly TimelineStep[];
  readonly canCancel: boolean;
  readonly canAddTracking: boolean;
  /** The vendor's display name (null: the merchant's own goods). */
  readonly vendorName: string | null;
  /** The cases the shopper's return was split into, one per vendor (this one included); empty when not split. */
  readonly group: readonly GroupMember[];
}

const SHOPPER_CANCELS = new Set(["requested", "needs_review", "approved", "awaiting_shipment"]);

/** A case of the session's order, for that session only (another order's case is not found). */
export async function loadSessionCase(
  r: Repos,
  session: PortalSession,
  caseId: string,
): Promise<Result<{ ctx: SessionContext; case: ReturnCase }, DomainError>> {
  const ctx = await sessionContext(r, session);
  if (!ctx.ok) return ctx;
  const c = await r.cases.load(session.merchantId, caseId);
  const gift = !!c?.portal?.giftRecipient;
  if (!c || c.orderId !== session.orderId || gift !== session.gift)
    return err({ code: "not_found", entity: "return", id: caseId });
  return ok({ ctx: ctx.value, case: c });
}

function timeline(
  c: ReturnCase,
  events: readonly StoredEvent[],
  settlements: readonly Settlement[],
): TimelineStep[] {
  const first = (...types: string[]) => events.find((e) => types.includes(e.type))?.at.toISOString() ?? null;
  const refunded =
    settlements.length > 0 && settlements.every((s) => s.status === "succeeded")
      ? (settlements
          .map((s) => s.updatedAt.toISOString())
          .sort()
          .at(-1) ?? null)
      : null;
  const deadline = typeof c.refundDeadline?.dueBy === "string" ? c.refundDeadline.dueBy : null;
  const steps: Omit<TimelineStep, "state">[] = [
    { key: "requested", at: c.createdAt.toISOString(), expectedBy: null },
    { key: "approved", at: first("return.approved"), expectedBy: null },
    ...(c.returnRequired
      ? [
          {
            key: "shipped" as const,
            at: first("return.shipped", "return.tracking_added"),
            expectedBy: c.shipBy?.toISOString() ?? null,
          },
          { key: "received" as const, at: first("return.received"), expectedBy: null },
          { key: "inspected" as const, at: first("return.inspected"), expectedBy: null },
        ]
      : []),
    { key: "refunded", at: refunded, expectedBy: deadline },
    {
      key: "closed",
      at: first("return.closed", "return.cancelled", "return.rejected", "return.expired"),
      expectedBy: null,
    },
  ];
  const lastDone = steps.reduce((n, s, i) => (s.at ? i : n), -1);
  return steps.map((s, i) => ({
    ...s,
    state: i <= lastDone && (s.at || i < lastDone) ? "done" : i === lastDone + 1 ? "current" : "upcoming",
  }));
}

/** The status page of one case: timeline, instructions, what the shopper can still do. */
export async function portalCase(
  deps: Deps,
  session: PortalSession,
  caseId: string,
): Promise<Result<PortalCaseView, DomainError>> {
  const r = deps.store.read;
  const found = await loadSessionCase(r, session, caseId);
  if (!found.ok) return found;
  const { ctx, case: c } = found.value;
  const events = await r.cases.events(c.merchantId, c.id);
  const settlements = await r.settlements.byCase(c.merchantId, c.id);
  const anyShipped = c.lines.some((l) => l.counts.shipped > 0 || l.counts.received > 0);
  const anyRefunded = c.lines.some((l) => l.counts.refunded > 0);
  return ok({
    ctx,
    case: c,
    events,
    settlements,
    photos: await r.portal.caseUploads(c.merchantId, c.id),
    returnAddress: c.returnRequired ? await returnAddressFor(r, c, ctx.order) : null,
    timeline: timeline(c, events, settlements),
    canCancel: SHOPPER_CANCELS.has(c.status) && !anyShipped && !anyRefunded,
    canAddTracking: c.returnRequired && (c.status === "awaiting_shipment" || c.status === "in_transit"),
    vendorName: await vendorNameOf(r, c),
    group: await caseGroup(r, c, ctx.order),
  });
}
