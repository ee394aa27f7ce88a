import type { Actor } from "../../domain/actor.ts";
import type { DomainError } from "../../domain/errors.ts";
import { licencePlate } from "../../domain/logistics/hub.ts";
import { err, ok, type Result } from "../../domain/result.ts";
import { runCaseCommand } from "../case-commands.ts";
import type { Deps, Repos } from "../ports/index.ts";
import type { HubUnit, ShipmentRecord } from "./records.ts";

/** What a return parcel's QR code carries: the hub looks the parcel up by it. */
export const qrPayload = (shipmentCode: string): string => `CROSSBACK:RETURN:${shipmentCode}`;

async function findParcel(r: Repos, merchantId: string, scanned: string): Promise<ShipmentRecord | null> {
  const code = scanned.startsWith("CROSSBACK:RETURN:") ? scanned.slice("CROSSBACK:RETURN:".length) : scanned;
  return (
    (await r.shipments.byCode(merchantId, code)) ??
    (await r.shipments.byTracking(code, merchantId))[0] ??
    null
  );
}

export interface RegisteredParcel {
  readonly shipment: ShipmentRecord;
  readonly units: readonly HubUnit[];
  readonly alreadyRegistered: boolean;
}

/**
 * A hub scans a return parcel's label or QR code: the parcel is registered against its RMA, each unit
 * gets a licence plate, and the case is shipped (a drop-off is its first scan) and received at the hub.
 * Scanning the same parcel again answers the same registration.
 */
export async function registerParcel(
  deps: Deps,
  merchantId: string,
  hubCode: string,
  scanned: string,
  actor: Actor,
): Promise<Result<RegisteredParcel, DomainError>> {
  const at = deps.clock.now();
  const done = await deps.store.transaction(
    async (r): Promise<Result<RegisteredParcel & { firstScan: boolean }, DomainError>> => {
      const hub = await r.locations.byCode(merchantId, hubCode);
      if (!hub) return err({ code: "not_found", entity: "location", id: hubCode });
      const s0 = await findParcel(r, merchantId, scanned);
      if (!s0)
        return err({
          code: "invalid_input",
          issues: [{ path: "code", message: `no return parcel with the code "${scanned}"` }],
        });
      const s = await r.shipments.lock(s0.id);
      if (!s) throw new Error("shipment vanished");
      const parcelId = deps.ids.next();
      if (
        !(await r.hub.insertParcel({
          id: parcelId,
          merchantId,
          locationId: hub.id,
          shipmentId: s.id,
          caseId: s.caseId,
          scannedCode: scanned,
          registeredAt: at,
          actorId: actor.id,
        }))
      ) {
        const p = await r.hub.parcelOf(s.id);
        return ok({
          shipment: s,
          units: p ? await r.hub.unitsOfParcel(p.id) : [],
          alreadyRegistered: true,
          firstScan: false,
        });
      }
      const units: HubUnit[] = [];
      for (const l of s.lines)
        for (let i = 0; i < l.quantity; i++) {
          const seq = await r.shipments.nextSequence(merchantId, `licence-plate:${hub.code}`);
          units.push({
            id: deps.ids.next(),
            licencePlate: licencePlate(hub.code, seq),
            parcelId,
            caseId: s.caseId,
            lineId: l.lineId,
            locationId: hub.id,
            bagId: null,
            status: "at_hub",
          });
        }
      await r.hub.insertUnits(merchantId, units, at);
      const firstScan = s.firstScanAt === null;
      const next: ShipmentRecord = {
        ...s,
        status: s.status === "purchasing" ? s.status : "delivered",
        firstScanAt: s.firstScanAt ?? at,
        deliveredAt: s.deliveredAt ?? at,
        updatedAt: at,
      };
      await r.shipments.update(next);
      await r.shipments.appendEvent(s.id, {
        at,
        status: next.status,
        trackingStatus: "delivered",
        message: `registered at ${hub.code}`,
        location: hub.code,
        source: "hub",
      });
      const c = await r.cases.load(merchantId, s.caseId);
      if (c)
        await r.cases.append(c, [
          {
            type: "hub.parcel_registered",
            actor,
            at,
            reason: null,
            fromStatus: c.status,
            toStatus: c.status,
            data: { shipmentId: s.id, hub: hub.code, licencePlates: units.map((u) => u.licencePlate) },
          },
        ]);
      return ok({ shipment: next, units, alreadyRegistered: false, firstScan });
    },
  );
  if (!done.ok) return done;
  const { shipment: s, firstScan } = done.value;
  if (!done.value.alreadyRegistered) {
    const meta = { actor, reason: `scanned at hub ${hubCode}` };
    if (firstScan)
      await runCaseCommand(
        deps,
        merchantId,
        s.caseId,
        {
          type: "ship",
          lines: [...s.lines],
          carrier: s.carrierName ?? undefined,
          trackingNumber: s.trackingNumber ?? undefined,
        },
        meta,
      );
    const c = await deps.store.read.cases.load(merchantId, s.caseId);
    const open = (lineId: string) => {
      const l = c?.lines.find((x) => x.id === lineId);
      return l ? l.counts.approved - l.counts.received - l.counts.lost : 0;
    };
    const lines = s.lines
      .map((l) => ({ lineId: l.lineId, quantity: Math.min(l.quantity, open(l.lineId)) }))
      .filter((l) => l.quantity > 0);
    if (lines.length > 0)
      await runCaseCommand(
        deps,
        merchantId,
        s.caseId,
        { type: "receive", locationCode: hubCode, lines, exceptions: [] },
        meta,
      );
  }
  return ok({ shipment: s, units: done.value.units, alreadyRegistered: done.value.alreadyRegistered });
}
