import type { Actor } from "../../domain/actor.ts";
import type { DomainError, FieldIssue } from "../../domain/errors.ts";
import { ruleFor } from "../../domain/logistics/carrier-choice.ts";
import { validateCustomsPapers } from "../../domain/logistics/customs-papers.ts";
import { laneEstimate } from "../../domain/logistics/lanes.ts";
import { crossesBorder, customsTerritory } from "../../domain/logistics/territories.ts";
import { err, ok, type Result } from "../../domain/result.ts";
import type { ReturnCase } from "../../domain/return-case.ts";
import type { ShipmentBody } from "../inputs/logistics-input.ts";
import type { Deps, Repos } from "../ports/index.ts";
import { assessCustoms } from "./customs-assessment.ts";
import { buildCustomsPapers } from "./customs-build.ts";
import { legalEntityFor } from "./legal-entity.ts";
import { locationParty, shopperParty } from "./parties.ts";
import { purchaseLabel } from "./purchase.ts";
import type { ShipmentRecord } from "./records.ts";
import { originalExport } from "./route-case.ts";
import { loadSettings } from "./settings.ts";

const invalid = (issues: FieldIssue[]): Result<never, DomainError> => err({ code: "invalid_input", issues });
const LIVE = new Set(["purchasing", "label_created", "in_transit", "delivered", "exception"]);

/** Units of each line approved and not yet on a live shipment. */
async function openUnits(
  r: Repos,
  c: Pick<ReturnCase, "id" | "merchantId">,
  approved: ReadonlyMap<string, number>,
): Promise<Map<string, number>> {
  const open = new Map(approved);
  for (const s of await r.shipments.byCase(c.merchantId, c.id))
    if (LIVE.has(s.status))
      for (const l of s.lines) open.set(l.lineId, (open.get(l.lineId) ?? 0) - l.quantity);
  return open;
}

/** Validates and records the shipment (the intent) in one transaction; nothing is bought yet. */
async function recordIntent(
  deps: Deps,
  r: Repos,
  merchantId: string,
  caseId: string,
  body: ShipmentBody,
  actor: Actor,
): Promise<Result<ShipmentRecord, DomainError>> {
  const c = await r.cases.load(merchantId, caseId);
  if (!c) return err({ code: "not_found", entity: "return", id: caseId });
  if (c.status !== "awaiting_shipment" && c.status !== "in_transit")
    return invalid([
      {
        path: "status",
        message: `a return in status "${c.status}" has nothing to ship (it must be awaiting_shipment)`,
      },
    ]);
  const open = await openUnits(
    r,
    c,
    new Map(c.lines.map((l) => [l.id, l.counts.approved - l.counts.shipped])),
  );
  const lines =
    body.lines ?? [...open].filter(([, q]) => q > 0).map(([lineId, quantity]) => ({ lineId, quantity }));
  const issues: FieldIssue[] = [];
  (body.lines ?? []).forEach((l, i) => {
    const left = open.get(l.lineId);
    if (left === undefined)
      issues.push({ path: `lines[${i}].lineId`, message: "no such line on this return" });
    else if (l.quantity > left)
      issues.push({
        path: `lines[${i}].quantity`,
        message: `at most ${left} unit(s) of this line are left to ship`,
      });
  });
  if (lines.length === 0)
    issues.push({ path: "lines", message: "every approved unit is already on a shipment" });
  if (issues.length > 0) return invalid(issues);
  const route = await r.shipments.route(c.merchantId, c.id);
  const code = body.destination ?? (route?.destination.type === "location" ? route.destination.code : null);
  if (!code)
    return invalid([
      {
        path: "destination",
        message: route
          ? `the return is routed to ${route.destination.type} (${route.rule}); name a location code to ship anyway`
          : "no route: name a location code (PUT /api/v1/locations/{code})",
      },
    ]);
  const location = await r.locations.byCode(merchantId, code);
  if (!location?.active) return invalid([{ path: "destination", message: `no active location "${code}"` }]);
  const carriers = deps.logistics?.carriers ?? new Map();
  if (body.method === "carrier" && !carriers.has(body.carrier ?? ""))
    return invalid([
      {
        path: "carrier",
        message: `unknown carrier "${body.carrier}" (configured: ${[...carriers.keys()].join(", ") || "none — set EASYPOST_API_KEY or SHIPPO_API_KEY"})`,
      },
    ]);
  const order = await r.orders.getById(merchantId, c.orderId);
  if (!order) throw new Error(`case ${c.number} lost its order`);
  const settings = await loadSettings(r, merchantId);
  const from = shopperParty(order, await r.customers.get(merchantId, c.customerId));
  const to = locationParty(location);
  const at = deps.clock.now();
  const cross = crossesBorder(from.country, to.country);
  const entity = await legalEntityFor(r, merchantId, from.country);
  const papers = cross
    ? buildCustomsPapers({
        c,
        order,
        lines,
        from,
        to,
        entity,
        incoterm: settings.incoterm,
        signer: settings.signer,
        date: at,
      })
    : null;
  if (papers) {
    const needsEori = ["EU", "GB"].includes(customsTerritory(to.country));
    const missing = validateCustomsPapers(papers, needsEori);
    if (missing.length > 0)
      return invalid(missing.map((i) => ({ path: `customs.${i.path}`, message: i.message })));
  }
  const id = deps.ids.next();
  const seq = (await r.shipments.byCase(c.merchantId, c.id)).length + 1;
  const builtIn = body.method !== "carrier";
  const shipment: ShipmentRecord = {
    id,
    merchantId,
    caseId: c.id,
    code: `${c.number}-P${seq}`,
    method: body.method,
    carrier: builtIn ? null : (body.carrier ?? null),
    carrierName: body.method === "qr_dropoff" ? "Crossback hub drop-off" : (body.carrierName ?? null),
    service: null,
    status: builtIn ? "label_created" : "purchasing",
    idempotencyKey: `crossback-shipment-${id}`,
    providerShipmentId: null,
    providerRateId: null,
    providerLabelId: null,
    trackingNumber: body.trackingNumber ?? null,
    carrierLabelUrl: null,
    cost: null,
    destinationCode: location.code,
    destination: { code: location.code, kind: location.kind, country: location.country, name: location.name },
    lines,
    customs: papers
      ? (JSON.parse(
          JSON.stringify({
            ...papers,
            assessment: await assessCustoms(
              r,
              papers,
              originalExport(order, await r.locations.list(merchantId), settings.exportedFrom).from,
            ),
          }),
        ) as Record<string, unknown>)
      : null,
    lane: laneEstimate(
      deps.logistics?.lanes ?? [],
      from.country,
      to.country,
      location.lanes[from.country] ?? null,
    ),
    request: {
      from,
      to,
      parcel: body.parcel ?? settings.defaultParcel,
      rule: ruleFor(settings.carrierRules, from.country),
      reference: c.number,
    },
    failureReason: null,
    attempts: 0,
    firstScanAt: null,
    deliveredAt: null,
    delayedAt: null,
    polledAt: null,
    labelExpiresAt: new Date(at.getTime() + settings.labelValidityDays * 86_400_000),
    createdAt: at,
    updatedAt: at,
  };
  await r.shipments.insert(shipment);
  await r.cases.append(c, [
    {
      type: builtIn ? "shipment.label_created" : "shipment.requested",
      actor,
      at,
      reason: null,
      fromStatus: c.status,
      toStatus: c.status,
      data: { shipmentId: id, code: shipment.code, method: body.method, destination: location.code, lines },
    },
  ]);
  return ok(shipment);
}

/**
 * POST /returns/{id}/shipments: validate (customs papers included) and record the intent, then — for a
 * carrier — buy the label outside the transaction with the shipment's idempotency key. The case's
 * `ship` waits for the first carrier scan.
 */
export async function createShipment(
  deps: Deps,
  merchantId: string,
  caseId: string,
  body: ShipmentBody,
  actor: Actor,
): Promise<Result<ShipmentRecord, DomainError>> {
  const intent = await deps.store.transaction((r) => recordIntent(deps, r, merchantId, caseId, body, actor));
  if (!intent.ok || intent.value.status !== "purchasing") return intent;
  return ok((await purchaseLabel(deps, intent.value.id)) ?? intent.value);
}
