import type { Actor } from "../../domain/actor.ts";
import type { RoutingDecision } from "../../domain/logistics/routing.ts";
import type { CaseEvent, LineQuantity, ReturnCase } from "../../domain/return-case.ts";
import type { Deps, Repos } from "../ports/index.ts";
import { routeLines } from "./route-case.ts";

/** Destinations where nothing comes back: the case is approved without a return (keep-it shortcut). */
export const isDisposal = (d: RoutingDecision): boolean =>
  d.destination.type === "keep_it" || d.destination.type === "donate" || d.destination.type === "liquidate";

/** Routes the units an approval would approve (the listed ones, else all requested). */
export async function routeApproval(
  deps: Deps,
  r: Repos,
  c: ReturnCase,
  lines: readonly LineQuantity[] | undefined,
  at: Date,
): Promise<RoutingDecision | null> {
  if (!c.returnRequired) return null;
  const order = await r.orders.getById(c.merchantId, c.orderId);
  if (!order) return null;
  const routed = c.lines.flatMap((l) => {
    const q = lines ? (lines.find((x) => x.lineId === l.id)?.quantity ?? 0) : l.counts.requested;
    return q > 0 ? [{ orderLineId: l.orderLineId, quantity: q, reason: l.reason, lineId: l.id }] : [];
  });
  if (routed.length === 0) return null;
  return routeLines(deps, r, order, c.vendor, routed, at);
}

/** The event that records a route on the case (its numbers and rule). */
export function routedEvent(c: ReturnCase, route: RoutingDecision, actor: Actor, at: Date): CaseEvent {
  return {
    type: "return.routed",
    actor,
    at,
    reason: route.explanation,
    fromStatus: c.status,
    toStatus: c.status,
    data: { route },
  };
}
