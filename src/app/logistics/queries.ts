/**
 * What the logistics, hub and receiving routes read. Each read takes the merchant id, so the tenant
 * check lives here, not in the route.
 */
import type { DomainError } from "../../domain/errors.ts";
import { err, ok, type Result } from "../../domain/result.ts";
import type { ReturnCase } from "../../domain/return-case.ts";
import type { Deps, Repos } from "../ports/index.ts";
import type { LocationRecord } from "./ports.ts";
import type { Consolidation, OutboundWebhook } from "./records.ts";
import { loadSettings } from "./settings.ts";

/** The merchant's case, or not found (also when it is another merchant's). */
export async function caseOf(
  deps: Deps,
  merchantId: string,
  id: string,
): Promise<Result<ReturnCase, DomainError>> {
  const c = await deps.store.read.cases.load(merchantId, id);
  return c ? ok(c) : err({ code: "not_found", entity: "return", id });
}

export const caseShipments = (deps: Deps, merchantId: string, caseId: string) =>
  deps.store.read.shipments.byCase(merchantId, caseId);

/** The case's routing decision (the case is checked to be the merchant's first). */
export async function caseRoute(deps: Deps, merchantId: string, caseId: string) {
  const c = await caseOf(deps, merchantId, caseId);
  return c.ok ? ok(await deps.store.read.shipments.route(merchantId, c.value.id)) : c;
}

/** A shipment of the merchant's case with its tracking events. */
export async function caseShipment(deps: Deps, merchantId: string, caseId: string, shipmentId: string) {
  const s = await deps.store.read.shipments.get(merchantId, shipmentId);
  if (!s || s.caseId !== caseId)
    return err({ code: "not_found" as const, entity: "shipment", id: shipmentId });
  return ok({ shipment: s, events: await deps.store.read.shipments.events(merchantId, s.id) });
}

export const hubBag = (deps: Deps, merchantId: string, code: string) =>
  deps.store.read.hub.bag(merchantId, code);

export async function consolidation(
  deps: Deps,
  merchantId: string,
  id: string,
): Promise<Result<Consolidation, DomainError>> {
  const c = await deps.store.read.hub.consolidation(merchantId, id);
  return c ? ok(c) : err({ code: "not_found", entity: "consolidation", id });
}

/** A consolidation with its two locations (only the merchant's own locations are looked at). */
export async function consolidationWithLocations(deps: Deps, merchantId: string, id: string) {
  const c = await consolidation(deps, merchantId, id);
  if (!c.ok) return c;
  const byId = new Map((await locations(deps, merchantId)).map((l) => [l.id, l]));
  const from: LocationRecord | null = byId.get(c.value.fromLocationId) ?? null;
  const to: LocationRecord | null = byId.get(c.value.toLocationId) ?? null;
  return ok({ consolidation: c.value, from, to });
}

/** A consolidation with the advance shipping notices sent about it. */
export async function consolidationWithAsn(
  deps: Deps,
  merchantId: string,
  id: string,
): Promise<Result<{ consolidation: Consolidation; asn: OutboundWebhook[] }, DomainError>> {
  const c = await consolidation(deps, merchantId, id);
  if (!c.ok) return c;
  return ok({
    consolidation: c.value,
    asn: await deps.store.read.outbound.bySubject(merchantId, c.value.id),
  });
}

export const locations = (deps: Deps, merchantId: string) => deps.store.read.locations.list(merchantId);

export const blindReceipts = (
  deps: Deps,
  merchantId: string,
  q: Parameters<Repos["receiving"]["listBlind"]>[1],
) => deps.store.read.receiving.listBlind(merchantId, q);

export const blindReceipt = (deps: Deps, merchantId: string, id: string) =>
  deps.store.read.receiving.blind(merchantId, id);

/** The merchant's routing, carrier and customs settings (defaults applied). */
export const logisticsSettings = (deps: Deps, merchantId: string) =>
  loadSettings(deps.store.read, merchantId);
