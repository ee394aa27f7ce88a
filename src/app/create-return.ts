import type { Actor } from "../domain/actor.ts";
import { openCase, type RequestedLine, returnableQuantity } from "../domain/case-opening.ts";
import type { DomainError } from "../domain/errors.ts";
import { deliveredQuantity, type Order } from "../domain/order.ts";
import { err, ok, type Result } from "../domain/result.ts";
import type { CaseSource, FrozenDecision, ReturnCase } from "../domain/return-case.ts";
import type { Resolution } from "../domain/return-reasons.ts";
import type { Deps } from "./ports.ts";

export interface CreateReturnInput {
  readonly orderExternalId: string;
  readonly lines: readonly RequestedLine[];
  readonly requestedResolution: Resolution;
  readonly source: CaseSource;
}

export const caseNumber = (n: number): string => `R-${String(n).padStart(6, "0")}`;

/** The quantity facts the case was opened on, frozen with it. */
function quantityDecision(
  order: Order,
  held: ReadonlyMap<string, number>,
  lines: readonly RequestedLine[],
  at: Date,
): FrozenDecision {
  return {
    engine: "quantity",
    evaluatedAt: at.toISOString(),
    lines: lines.map((l) => {
      const ol = order.lines.find((x) => x.externalId === l.orderLineExternalId);
      return {
        orderLineExternalId: l.orderLineExternalId,
        delivered: ol ? deliveredQuantity(order, ol.id, at) : 0,
        heldByOtherReturns: ol ? (held.get(ol.id) ?? 0) : 0,
        returnable: ol ? returnableQuantity(order, ol.id, held, at) : 0,
      };
    }),
  };
}

/** Opens a return case for an order: load → decide (domain) → persist, in one transaction. */
export function createReturn(
  deps: Deps,
  merchantId: string,
  input: CreateReturnInput,
  actor: Actor,
): Promise<Result<ReturnCase, DomainError>> {
  return deps.store.transaction(async (r) => {
    const locked = await r.orders.lock(merchantId, { externalId: input.orderExternalId });
    const order = locked ? await r.orders.get(merchantId, input.orderExternalId) : null;
    if (!order) return err({ code: "not_found", entity: "order", id: input.orderExternalId });
    const at = deps.clock.now();
    const held = await r.cases.heldByOrder(order.id, null);
    const caseId = deps.ids.next();
    const opened = openCase({
      ids: { caseId, number: "", lineIds: input.lines.map(() => deps.ids.next()) },
      order,
      lines: input.lines,
      requestedResolution: input.requestedResolution,
      source: input.source,
      heldElsewhere: held,
      decision: quantityDecision(order, held, input.lines, at),
      actor,
      at,
    });
    if (!opened.ok) return opened;
    const c = { ...opened.value.case, number: caseNumber(await r.cases.nextNumber(merchantId)) };
    await r.cases.insert(c, opened.value.events);
    return ok(c);
  });
}
