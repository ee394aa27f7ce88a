import { type Actor, SYSTEM } from "../../domain/actor.ts";
import type { DomainError } from "../../domain/errors.ts";
import { err, ok, type Result } from "../../domain/result.ts";
import type { Deps } from "../ports/index.ts";
import type { VoidResult } from "./ports.ts";
import type { ShipmentRecord } from "./records.ts";

/** Why an unused label ends: asked for (`voided`), or left unused past its expiry or its case (`expired`). */
export type VoidCause = "requested" | "expired";

const notVoidable = (s: ShipmentRecord, reason: string): Result<never, DomainError> =>
  err({ code: "shipment_not_voidable", shipmentId: s.id, shipmentStatus: s.status, reason });

/** Built-in methods (self-ship, QR drop-off, the merchant's label) have no postage to give back. */
async function askCarrier(deps: Deps, s: ShipmentRecord): Promise<VoidResult> {
  if (s.method !== "carrier") return { status: "voided", providerStatus: "no_carrier" };
  const carrier = deps.logistics?.carriers.get(s.carrier ?? "");
  if (!carrier) return { status: "failed", reason: `carrier "${s.carrier}" is not configured` };
  try {
    return await carrier.voidLabel({
      providerShipmentId: s.providerShipmentId,
      providerLabelId: s.providerLabelId,
    });
  } catch (e) {
    return { status: "failed", reason: e instanceof Error ? e.message : String(e) };
  }
}

/**
 * Voids an unused label: the carrier is asked for the postage back outside any transaction (the call
 * is idempotent at the carrier), then the shipment moves `label_created` → `voided` | `expired` under
 * its row lock with a case event. A label already scanned, or refused by the carrier, stays as it is.
 */
export async function voidShipment(
  deps: Deps,
  merchantId: string,
  shipmentId: string,
  actor: Actor,
  cause: VoidCause,
  caseId?: string,
): Promise<Result<ShipmentRecord, DomainError>> {
  const s = await deps.store.read.shipments.get(merchantId, shipmentId);
  if (!s || (caseId !== undefined && s.caseId !== caseId))
    return err({ code: "not_found", entity: "shipment", id: shipmentId });
  if (s.status === "voided" && cause === "requested") return ok(s);
  if (s.status !== "label_created" || s.firstScanAt !== null)
    return notVoidable(s, "only a label nobody has scanned yet can be voided");
  const answer = await askCarrier(deps, s);
  if (answer.status === "failed") return notVoidable(s, `the carrier refused: ${answer.reason}`);
  const to = cause === "requested" ? "voided" : "expired";
  const at = deps.clock.now();
  return deps.store.transaction(async (r) => {
    const now = await r.shipments.lock(s.id);
    if (!now) throw new Error(`shipment ${s.id} vanished`);
    if (now.status === to) return ok(now);
    if (now.status !== "label_created") return notVoidable(now, "the label was used meanwhile");
    const next: ShipmentRecord = { ...now, status: to, updatedAt: at };
    await r.shipments.update(next);
    await r.shipments.appendEvent(s.id, {
      at,
      status: to,
      trackingStatus: null,
      message: `label ${to} (${answer.providerStatus})`,
      location: null,
      source: cause === "requested" ? "api" : "expiry",
    });
    const c = await r.cases.load(merchantId, s.caseId);
    if (c)
      await r.cases.append(c, [
        {
          type: cause === "requested" ? "shipment.voided" : "shipment.expired",
          actor,
          at,
          reason: null,
          fromStatus: c.status,
          toStatus: c.status,
          data: { shipmentId: s.id, code: s.code, carrier: s.carrier, providerStatus: answer.providerStatus },
        },
      ]);
    return ok(next);
  });
}

/** The sweep's part: unused labels past their expiry, or of cases that are over, are voided at the carrier. */
export async function expireUnusedLabels(deps: Deps, limit = 100): Promise<number> {
  let done = 0;
  for (const s of await deps.store.read.shipments.unusedToVoid(deps.clock.now(), limit)) {
    const r = await voidShipment(deps, s.merchantId, s.id, SYSTEM, "expired");
    if (r.ok) done += 1;
  }
  return done;
}
