import { SYSTEM } from "../../domain/actor.ts";
import type { Deps } from "../ports/index.ts";
import { revivePapers } from "./customs-build.ts";
import type { LabelRequest, LabelResult } from "./ports.ts";
import type { ShipmentRecord } from "./records.ts";

/** A purchase claimed this long ago without an outcome was cut off (a crash): try again, same key. */
export const PURCHASE_STALE_MS = Number(process.env.CROSSBACK_SHIPMENT_STALE_MS ?? 60_000);
export const MAX_PURCHASE_ATTEMPTS = 8;

/**
 * Buys the label of a shipment in status `purchasing`: claim it (attempt + 1), call the carrier outside
 * any transaction with the recorded provider ids (so a bought label is found again, never bought twice),
 * record the outcome. Safe to run again after a crash or alongside another worker.
 */
export async function purchaseLabel(deps: Deps, shipmentId: string): Promise<ShipmentRecord | null> {
  const now = deps.clock.now();
  const claimed = await deps.store.transaction(async (r) => {
    const s = await r.shipments.lock(shipmentId);
    if (s?.status !== "purchasing") return null;
    if (
      s.attempts > 0 &&
      s.updatedAt.getTime() > now.getTime() - PURCHASE_STALE_MS &&
      s.failureReason === null
    )
      return null;
    const next = { ...s, attempts: s.attempts + 1, updatedAt: now };
    await r.shipments.update(next);
    return next;
  });
  if (!claimed) return deps.store.transaction((r) => r.shipments.lock(shipmentId));
  const carrier = deps.logistics?.carriers.get(claimed.carrier ?? "");
  const q = claimed.request as unknown as Omit<
    LabelRequest,
    "shipmentId" | "idempotencyKey" | "customs" | "progress"
  >;
  const req: LabelRequest = {
    ...q,
    shipmentId: claimed.id,
    idempotencyKey: claimed.idempotencyKey,
    customs: claimed.customs ? revivePapers(claimed.customs) : null,
    progress: { providerShipmentId: claimed.providerShipmentId, rateId: claimed.providerRateId },
  };
  let result: LabelResult;
  if (!carrier)
    result = { status: "failed", reason: `carrier "${claimed.carrier}" is not configured`, retryable: false };
  else {
    try {
      result = await carrier.purchase(req, async (p) => {
        await deps.store.transaction(async (r) => {
          const s = await r.shipments.lock(claimed.id);
          if (s)
            await r.shipments.update({
              ...s,
              providerShipmentId: p.providerShipmentId,
              providerRateId: p.rateId,
              updatedAt: deps.clock.now(),
            });
        });
      });
    } catch (e) {
      result = { status: "failed", reason: e instanceof Error ? e.message : String(e), retryable: true };
    }
    faultPoint("after_label_purchase");
  }
  return recordPurchase(deps, claimed.id, result);
}

async function recordPurchase(deps: Deps, id: string, result: LabelResult): Promise<ShipmentRecord | null> {
  const at = deps.clock.now();
  return deps.store.transaction(async (r) => {
    const s = await r.shipments.lock(id);
    if (s?.status !== "purchasing") return s;
    const giveUp = result.status === "failed" && (!result.retryable || s.attempts >= MAX_PURCHASE_ATTEMPTS);
    const next: ShipmentRecord =
      result.status === "purchased"
        ? {
            ...s,
            status: "label_created",
            trackingNumber: result.trackingNumber,
            carrierLabelUrl: result.labelUrl,
            carrierName: result.carrierName,
            service: result.service,
            cost: result.cost,
            providerShipmentId: result.providerShipmentId,
            providerLabelId: result.providerLabelId,
            providerRateId: result.rateId,
            failureReason: null,
            updatedAt: at,
            request: { ...s.request, ruleApplied: result.ruleApplied },
          }
        : { ...s, status: giveUp ? "failed" : "purchasing", failureReason: result.reason, updatedAt: at };
    await r.shipments.update(next);
    const c = await r.cases.load(s.merchantId, s.caseId);
    if (c && next.status !== "purchasing") {
      const data =
        result.status === "purchased"
          ? {
              shipmentId: s.id,
              carrier: s.carrier,
              carrierName: result.carrierName,
              service: result.service,
              trackingNumber: result.trackingNumber,
              cost: result.cost,
              rule: result.ruleApplied,
              recovered: result.recovered,
            }
          : { shipmentId: s.id, carrier: s.carrier, reason: next.failureReason };
      await r.cases.append(c, [
        {
          type: result.status === "purchased" ? "shipment.label_created" : "shipment.failed",
          actor: SYSTEM,
          at,
          reason: next.failureReason,
          fromStatus: c.status,
          toStatus: c.status,
          data,
        },
      ]);
    }
    return next;
  });
}

/** Purchases left in `purchasing` (a crash, or a retryable failure): what the sweep runs again. */
export async function unfinishedPurchases(deps: Deps, limit = 100): Promise<ShipmentRecord[]> {
  return deps.store.read.shipments.unfinished(
    new Date(deps.clock.now().getTime() - PURCHASE_STALE_MS),
    limit,
  );
}

/** Test-only crash injection (kill -9 tests): CROSSBACK_FAULT=after_label_purchase. */
function faultPoint(point: "after_label_purchase"): void {
  if (process.env.CROSSBACK_FAULT === point) process.kill(process.pid, "SIGKILL");
}
