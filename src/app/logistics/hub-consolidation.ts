import type { Actor } from "../../domain/actor.ts";
import type { DomainError } from "../../domain/errors.ts";
import {
  bagCode,
  consolidationCode,
  type ManifestUnit,
  palletCode,
  type Reconciliation,
  reconcile,
} from "../../domain/logistics/hub.ts";
import { err, ok, type Result } from "../../domain/result.ts";
import type { Deps, Repos } from "../ports/index.ts";
import { deliverWebhook } from "./outbound.ts";
import type { Consolidation, HubBag, HubPallet, HubUnit } from "./records.ts";

const bad = (path: string, message: string): Result<never, DomainError> =>
  err({ code: "invalid_input", issues: [{ path, message }] });

async function hubOf(r: Repos, merchantId: string, code: string) {
  const hub = await r.locations.byCode(merchantId, code);
  return hub?.active ? hub : null;
}

/** Opens a bag at a hub; it gets a barcode (its code). */
export function openBag(
  deps: Deps,
  merchantId: string,
  hubCode: string,
): Promise<Result<HubBag, DomainError>> {
  return deps.store.transaction(async (r) => {
    const hub = await hubOf(r, merchantId, hubCode);
    if (!hub) return err({ code: "not_found", entity: "location", id: hubCode });
    const bag: HubBag = {
      id: deps.ids.next(),
      code: bagCode(hub.code, await r.shipments.nextSequence(merchantId, `bag:${hub.code}`)),
      locationId: hub.id,
      status: "open",
      palletId: null,
      createdAt: deps.clock.now(),
      sealedAt: null,
    };
    await r.hub.insertBag(merchantId, bag);
    return ok(bag);
  });
}

/** Scans a unit's licence plate into an open bag of the same hub. */
export function bagUnit(
  deps: Deps,
  merchantId: string,
  hubCode: string,
  code: string,
  plate: string,
): Promise<Result<{ bag: HubBag; units: number }, DomainError>> {
  return deps.store.transaction(async (r) => {
    const hub = await hubOf(r, merchantId, hubCode);
    const bag = await r.hub.bag(merchantId, code);
    if (!hub || !bag || bag.locationId !== hub.id) return err({ code: "not_found", entity: "bag", id: code });
    if (bag.status !== "open") return bad("bag", `bag ${code} is ${bag.status}, not open`);
    const unit = await r.hub.unit(merchantId, plate);
    if (!unit || unit.locationId !== hub.id) return bad("licencePlate", `no unit ${plate} at ${hub.code}`);
    if (unit.status !== "at_hub") return bad("licencePlate", `unit ${plate} is already ${unit.status}`);
    await r.hub.setUnits([unit.id], { bagId: bag.id, status: "bagged" });
    return ok({ bag, units: (await r.hub.unitsInBags([bag.id])).length });
  });
}

export function sealBag(
  deps: Deps,
  merchantId: string,
  hubCode: string,
  code: string,
): Promise<Result<HubBag, DomainError>> {
  return deps.store.transaction(async (r) => {
    const hub = await hubOf(r, merchantId, hubCode);
    const bag = await r.hub.bag(merchantId, code);
    if (!hub || !bag || bag.locationId !== hub.id) return err({ code: "not_found", entity: "bag", id: code });
    if (bag.status !== "open") return bad("bag", `bag ${code} is ${bag.status}, not open`);
    if ((await r.hub.unitsInBags([bag.id])).length === 0) return bad("bag", `bag ${code} is empty`);
    const at = deps.clock.now();
    await r.hub.setBags([bag.id], { status: "sealed", sealedAt: at });
    return ok({ ...bag, status: "sealed", sealedAt: at });
  });
}

/** Puts sealed bags of a hub on a new pallet. */
export function palletise(
  deps: Deps,
  merchantId: string,
  hubCode: string,
  codes: readonly string[],
): Promise<Result<HubPallet & { bags: string[] }, DomainError>> {
  return deps.store.transaction(async (r) => {
    const hub = await hubOf(r, merchantId, hubCode);
    if (!hub) return err({ code: "not_found", entity: "location", id: hubCode });
    const bags: HubBag[] = [];
    for (const [i, code] of [...new Set(codes)].entries()) {
      const b = await r.hub.bag(merchantId, code);
      if (!b || b.locationId !== hub.id) return bad(`bags[${i}]`, `no bag ${code} at ${hub.code}`);
      if (b.status !== "sealed") return bad(`bags[${i}]`, `bag ${code} is ${b.status}; seal it first`);
      bags.push(b);
    }
    const pallet: HubPallet = {
      id: deps.ids.next(),
      code: palletCode(hub.code, await r.shipments.nextSequence(merchantId, `pallet:${hub.code}`)),
      locationId: hub.id,
      consolidationId: null,
      createdAt: deps.clock.now(),
    };
    await r.hub.insertPallet(merchantId, pallet);
    await r.hub.setBags(
      bags.map((b) => b.id),
      { status: "palletised", palletId: pallet.id },
    );
    return ok({ ...pallet, bags: bags.map((b) => b.code) });
  });
}

async function manifestUnits(
  r: Repos,
  merchantId: string,
  bags: readonly HubBag[],
  pallets: readonly HubPallet[],
): Promise<ManifestUnit[]> {
  const units = await r.hub.unitsInBags(bags.map((b) => b.id));
  const out: ManifestUnit[] = [];
  for (const u of units) {
    const c = await r.cases.load(merchantId, u.caseId);
    const line = c?.lines.find((l) => l.id === u.lineId);
    const order = c ? await r.orders.getById(merchantId, c.orderId) : null;
    const bag = bags.find((b) => b.id === u.bagId);
    out.push({
      licencePlate: u.licencePlate,
      bag: bag?.code ?? "",
      pallet: pallets.find((p) => p.id === bag?.palletId)?.code ?? null,
      rmaNumber: c?.number ?? "",
      caseId: u.caseId,
      lineId: u.lineId,
      sku: line?.sku ?? "",
      title: line?.title ?? "",
      shopperCountry: order?.shippingAddress.country ?? "",
    });
  }
  return out;
}

/**
 * Ships pallets from a hub to a warehouse as one consolidated shipment: the manifest (pallets → bags →
 * units → RMAs) is frozen on it and an advance shipping notice is recorded, then sent (signed) after
 * the commit.
 */
export async function consolidate(
  deps: Deps,
  merchantId: string,
  hubCode: string,
  body: { destination: string; pallets: string[]; carrier?: string; trackingNumber?: string },
  actor: Actor,
): Promise<Result<Consolidation, DomainError>> {
  const done = await deps.store.transaction(
    async (r): Promise<Result<{ c: Consolidation; asn: string }, DomainError>> => {
      const hub = await hubOf(r, merchantId, hubCode);
      if (!hub) return err({ code: "not_found", entity: "location", id: hubCode });
      const to = await r.locations.byCode(merchantId, body.destination);
      if (!to?.active || to.id === hub.id)
        return bad("destination", `no other active location "${body.destination}"`);
      const pallets: HubPallet[] = [];
      for (const [i, code] of [...new Set(body.pallets)].entries()) {
        const p = await r.hub.pallet(merchantId, code);
        if (!p || p.locationId !== hub.id) return bad(`pallets[${i}]`, `no pallet ${code} at ${hub.code}`);
        if (p.consolidationId) return bad(`pallets[${i}]`, `pallet ${code} has already shipped`);
        pallets.push(p);
      }
      const bags = await r.hub.bagsOnPallets(pallets.map((p) => p.id));
      const manifest = await manifestUnits(r, merchantId, bags, pallets);
      const at = deps.clock.now();
      const c: Consolidation = {
        id: deps.ids.next(),
        merchantId,
        code: consolidationCode(
          hub.code,
          await r.shipments.nextSequence(merchantId, `consolidation:${hub.code}`),
        ),
        fromLocationId: hub.id,
        toLocationId: to.id,
        carrier: body.carrier ?? null,
        trackingNumber: body.trackingNumber ?? null,
        status: "shipped",
        manifest,
        reconciliation: null,
        shippedAt: at,
        receivedAt: null,
      };
      await r.hub.insertConsolidation(c);
      await r.hub.setPallets(
        pallets.map((p) => p.id),
        c.id,
      );
      await r.hub.setBags(
        bags.map((b) => b.id),
        { status: "shipped" },
      );
      await r.hub.setUnits(
        (await r.hub.unitsInBags(bags.map((b) => b.id))).map((u) => u.id),
        { status: "shipped" },
      );
      const asn = deps.ids.next();
      const payload = {
        consolidation: c.code,
        id: c.id,
        from: hub.code,
        to: to.code,
        carrier: c.carrier,
        trackingNumber: c.trackingNumber,
        shippedAt: at.toISOString(),
        pallets: pallets.map((p) => ({
          code: p.code,
          bags: bags
            .filter((b) => b.palletId === p.id)
            .map((b) => ({
              code: b.code,
              units: manifest
                .filter((u) => u.bag === b.code)
                .map((u) => ({
                  licencePlate: u.licencePlate,
                  rma: u.rmaNumber,
                  caseId: u.caseId,
                  lineId: u.lineId,
                  sku: u.sku,
                })),
            })),
        })),
        units: manifest.length,
        actor: actor.id,
      };
      await r.outbound.insert({
        id: asn,
        merchantId,
        locationId: to.id,
        subjectId: c.id,
        type: "asn.created",
        payload,
        status: "pending",
        attempts: 0,
        lastError: null,
        deliveredAt: null,
        createdAt: at,
      });
      return ok({ c, asn });
    },
  );
  if (!done.ok) return done;
  await deliverWebhook(deps, done.value.asn);
  return ok(done.value.c);
}

/** The destination scans what arrived: bags (and optionally their units) are reconciled with the manifest. */
export async function receiveConsolidation(
  deps: Deps,
  merchantId: string,
  id: string,
  received: { code: string; licencePlates?: string[] }[],
  actor: Actor,
): Promise<Result<{ consolidation: Consolidation; reconciliation: Reconciliation }, DomainError>> {
  return deps.store.transaction(async (r) => {
    const c = await r.hub.consolidation(merchantId, id);
    if (!c) return err({ code: "not_found", entity: "consolidation", id });
    if (c.status === "received")
      return bad("consolidation", `${c.code} was received on ${c.receivedAt?.toISOString()}`);
    const rec = reconcile(
      c.manifest,
      received.map((b) => ({ bag: b.code, ...(b.licencePlates ? { licencePlates: b.licencePlates } : {}) })),
    );
    const at = deps.clock.now();
    const next: Consolidation = { ...c, status: "received", reconciliation: rec, receivedAt: at };
    await r.hub.updateConsolidation(next);
    const units: (HubUnit | null)[] = [];
    for (const u of c.manifest) units.push(await r.hub.unit(merchantId, u.licencePlate));
    const missing = new Set(rec.shortages.map((u) => u.licencePlate));
    const ids = (want: boolean) =>
      units.filter((u) => u && missing.has(u.licencePlate) === want).map((u) => u?.id ?? "");
    await r.hub.setUnits(ids(false), { status: "received" });
    await r.hub.setUnits(ids(true), { status: "missing" });
    for (const caseId of new Set(rec.shortages.map((u) => u.caseId))) {
      const kase = await r.cases.load(merchantId, caseId);
      const plates = rec.shortages.filter((u) => u.caseId === caseId).map((u) => u.licencePlate);
      if (kase)
        await r.cases.append(kase, [
          {
            type: "hub.shortage",
            actor,
            at,
            reason: `${plates.length} unit(s) missing from ${c.code}`,
            fromStatus: kase.status,
            toStatus: kase.status,
            data: { consolidation: c.code, licencePlates: plates, missingBags: rec.missingBags },
          },
        ]);
    }
    return ok({ consolidation: next, reconciliation: rec });
  });
}
