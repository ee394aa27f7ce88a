import { effectiveDisposition } from "../../domain/case-logistics-commands.ts";
import { inventoryEvents } from "../../domain/receiving/inventory-adjustment.ts";
import type { CaseEvent, InspectionInput, ReturnCase } from "../../domain/return-case.ts";
import type { Repos } from "../ports/index.ts";

/**
 * Each disposition of an inspection moves inventory: one `inventory.adjusted` event per inspected line
 * on the case (so the outbox delivers it as a webhook), at the location given or, by default, where the
 * line's units were last received.
 */
export async function recordInventory(
  r: Repos,
  c: ReturnCase,
  lines: readonly InspectionInput[],
  locationCode: string | undefined,
  meta: Pick<CaseEvent, "actor" | "at" | "reason">,
): Promise<void> {
  const received = locationCode ? null : await r.receiving.receiptLocations(c.merchantId, c.id);
  const inspected = lines.map((x) => ({
    ...x,
    disposition: effectiveDisposition(x),
    location: locationCode ?? received?.get(x.lineId) ?? null,
  }));
  await r.cases.append(c, inventoryEvents(c, inspected, meta));
}
