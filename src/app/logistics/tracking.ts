import { SYSTEM } from "../../domain/actor.ts";
import { delay } from "../../domain/logistics/delay.ts";
import { canMove, isScan, statusForTracking } from "../../domain/logistics/shipment-status.ts";
import { runCaseCommand } from "../case-commands.ts";
import type { Deps } from "../ports/index.ts";
import { caseMoneyTerms } from "../refund-terms.ts";
import type { TrackingUpdate } from "./ports.ts";
import type { ShipmentRecord } from "./records.ts";
import { loadSettings } from "./settings.ts";

const CARRIER: typeof SYSTEM = { ...SYSTEM, id: "carrier", name: "carrier scan" };

/**
 * Applies carrier tracking updates (webhooks or polling): each event once, the shipment's state as
 * data (label_created → in_transit → delivered | exception), and the case's transitions — `ship` at
 * the first carrier scan, `receive` on delivery to the destination when the refund trigger is
 * hub_receipt (otherwise the hub's scan receives it).
 */
export async function applyTrackingUpdates(
  deps: Deps,
  updates: readonly TrackingUpdate[],
  source: "webhook" | "poll",
): Promise<number> {
  let applied = 0;
  for (const u of [...updates].sort((a, b) => a.at.getTime() - b.at.getTime())) {
    const fresh = await deps.store.transaction((r) =>
      r.webhookEvents.firstSeen(`carrier:${u.provider}`, u.eventId, deps.clock.now()),
    );
    if (!fresh) continue;
    for (const s of await deps.store.read.shipments.byTracking(u.trackingNumber)) {
      if (s.carrier !== null && s.carrier !== u.provider) continue;
      if (await applyOne(deps, s.id, u, source)) applied++;
    }
  }
  return applied;
}

async function applyOne(deps: Deps, shipmentId: string, u: TrackingUpdate, source: string): Promise<boolean> {
  const to = statusForTracking(u.status);
  const step = await deps.store.transaction(async (r) => {
    const s = await r.shipments.lock(shipmentId);
    if (!s) return null;
    const moves = to !== null && s.status !== to && canMove(s.status, to);
    await r.shipments.appendEvent(s.id, {
      at: u.at,
      status: moves && to ? to : s.status,
      trackingStatus: u.status,
      message: u.message,
      location: u.location,
      source,
    });
    const firstScan = isScan(u.status) && s.firstScanAt === null;
    if (!moves && !firstScan) return { s, firstScan: false, delivered: false };
    const next: ShipmentRecord = {
      ...s,
      status: moves && to ? to : s.status,
      firstScanAt: firstScan ? u.at : s.firstScanAt,
      deliveredAt: to === "delivered" ? u.at : s.deliveredAt,
      updatedAt: deps.clock.now(),
    };
    await r.shipments.update(next);
    const c = await r.cases.load(s.merchantId, s.caseId);
    if (c && moves && to)
      await r.cases.append(c, [
        {
          type:
            to === "in_transit"
              ? "shipment.in_transit"
              : to === "delivered"
                ? "shipment.delivered"
                : "shipment.exception",
          actor: CARRIER,
          at: deps.clock.now(),
          reason: u.message,
          fromStatus: c.status,
          toStatus: c.status,
          data: {
            shipmentId: s.id,
            trackingNumber: u.trackingNumber,
            trackingStatus: u.status,
            location: u.location,
            scannedAt: u.at.toISOString(),
          },
        },
      ]);
    const trigger = c ? (await caseMoneyTerms(r, c)).trigger : "inspection";
    return { s: next, firstScan, delivered: to === "delivered" && moves && trigger === "hub_receipt" };
  });
  if (!step) return false;
  const { s } = step;
  if (step.firstScan)
    await runCaseCommand(
      deps,
      s.merchantId,
      s.caseId,
      {
        type: "ship",
        lines: [...s.lines],
        carrier: s.carrierName ?? s.carrier ?? undefined,
        trackingNumber: s.trackingNumber ?? undefined,
      },
      { actor: CARRIER, reason: `first carrier scan ${u.at.toISOString()}` },
    );
  if (step.delivered)
    await runCaseCommand(
      deps,
      s.merchantId,
      s.caseId,
      { type: "receive", locationCode: s.destinationCode, lines: [...s.lines], exceptions: [] },
      { actor: CARRIER, reason: `delivered to ${s.destinationCode}` },
    );
  return true;
}

/** Raises `case.delayed` once per shipment running past its lane's transit + clearance estimate. */
export async function checkDelays(deps: Deps, shipments: readonly ShipmentRecord[]): Promise<number> {
  let raised = 0;
  const now = deps.clock.now();
  for (const s0 of shipments) {
    if (!s0.lane || s0.delayedAt || s0.deliveredAt) continue;
    const grace = (await loadSettings(deps.store.read, s0.merchantId)).delayGraceDays;
    const late = delay(s0.lane, s0.firstScanAt ?? s0.createdAt, now, grace);
    if (!late) continue;
    const marked = await deps.store.transaction(async (r) => {
      const s = await r.shipments.lock(s0.id);
      if (!s || s.delayedAt) return false;
      await r.shipments.update({ ...s, delayedAt: now });
      const c = await r.cases.load(s.merchantId, s.caseId);
      if (c)
        await r.cases.append(c, [
          {
            type: "case.delayed",
            actor: SYSTEM,
            at: now,
            reason: `parcel ${s.code} is ${late.daysLate} day(s) past its lane estimate`,
            fromStatus: c.status,
            toStatus: c.status,
            data: {
              shipmentId: s.id,
              code: s.code,
              trackingNumber: s.trackingNumber,
              dueBy: late.dueBy.toISOString(),
              daysLate: late.daysLate,
              lane: s.lane,
            },
          },
        ]);
      return true;
    });
    if (marked) raised++;
  }
  return raised;
}

/** The polling job: asks each carrier about shipments still moving, then checks for delays. */
export async function pollTracking(
  deps: Deps,
  limit = 200,
): Promise<{ polled: number; applied: number; delayed: number }> {
  const due = await deps.store.read.shipments.trackable(limit);
  let applied = 0;
  let polled = 0;
  for (const s of due) {
    const carrier = s.carrier ? deps.logistics?.carriers.get(s.carrier) : undefined;
    if (carrier && s.trackingNumber) {
      const updates = await carrier.track(s.trackingNumber, s.carrierName);
      polled++;
      if (updates) applied += await applyTrackingUpdates(deps, updates, "poll");
    }
    await deps.store.transaction(async (r) => {
      const cur = await r.shipments.lock(s.id);
      if (cur) await r.shipments.update({ ...cur, polledAt: deps.clock.now() });
    });
  }
  const delayed = await checkDelays(deps, await deps.store.read.shipments.trackable(limit));
  return { polled, applied, delayed };
}
