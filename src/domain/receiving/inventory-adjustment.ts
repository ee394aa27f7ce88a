import type { CaseEvent, InspectionInput, ReturnCase } from "../return-case.ts";
import type { Disposition } from "../return-reasons.ts";

/** The stock a disposition moves a unit into (what an inventory system books it as). */
export const STOCK_OF: Readonly<Record<Disposition, string>> = {
  restock: "sellable",
  restock_b_grade: "b_grade",
  refurbish: "refurbishment",
  quarantine: "quarantine",
  scrap: "scrap",
  return_to_vendor: "vendor_return",
  return_to_shopper: "shopper_return",
};

/** One inspected line with its decided disposition and the location code it lies at (if known). */
export interface InspectedUnits extends InspectionInput {
  readonly disposition: Disposition;
  readonly location: string | null;
}

/**
 * The `inventory.adjusted` events of an inspection: one per inspected line, with the location, SKU,
 * quantity, condition grade and disposition, so an inventory system can book the units. Appended after
 * the `return.inspected` event, at the case's new status.
 */
export function inventoryEvents(
  c: ReturnCase,
  inspected: readonly InspectedUnits[],
  meta: Pick<CaseEvent, "actor" | "at" | "reason">,
): CaseEvent[] {
  return inspected.flatMap((x) => {
    const line = c.lines.find((l) => l.id === x.lineId);
    if (!line) return [];
    const event: CaseEvent = {
      type: "inventory.adjusted",
      actor: meta.actor,
      at: meta.at,
      reason: meta.reason,
      fromStatus: c.status,
      toStatus: c.status,
      data: {
        caseId: c.id,
        caseNumber: c.number,
        lineId: line.id,
        sku: line.sku,
        quantity: x.quantity,
        grade: x.condition,
        outcome: x.outcome,
        disposition: x.disposition,
        stock: STOCK_OF[x.disposition],
        location: x.location,
      },
    };
    return [event];
  });
}
