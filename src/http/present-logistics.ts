import type { CustomsAssessment } from "../app/logistics/customs-assessment.ts";
import type { RegimeTotals } from "../app/logistics/duty-claims.ts";
import type { LocationRecord } from "../app/logistics/ports.ts";
import type {
  Consolidation,
  DutyClaim,
  HubBag,
  HubUnit,
  ShipmentEventRow,
  ShipmentRecord,
} from "../app/logistics/records.ts";
import type { RouteOption, RoutingDecision } from "../domain/logistics/routing.ts";
import { formatMoney, type Money } from "../domain/money.ts";

const m = (x: Money | null) => (x ? { amount: formatMoney(x), currency: x.currency } : null);

export function presentLocation(l: LocationRecord) {
  return {
    code: l.code,
    kind: l.kind,
    name: l.name,
    country: l.country,
    address: l.address,
    accepts: l.accepts,
    handlingPerUnit: m(l.handling),
    lanes: Object.fromEntries(
      Object.entries(l.lanes).map(([k, v]) => [
        k,
        {
          transitDays: v.transitDays,
          clearanceDays: v.clearanceDays,
          labelCost:
            v.labelCost !== undefined && v.labelCurrency
              ? m({ amount: v.labelCost, currency: v.labelCurrency })
              : undefined,
        },
      ]),
    ),
    asn: l.asn ? { url: l.asn.url, secretSet: true } : null,
    vendor: l.vendorCode,
    active: l.active,
  };
}

const option = (o: RouteOption) => ({
  destination: o.destination,
  label: m(o.label),
  duties: m(o.duties),
  handling: m(o.handling),
  recovery: m(o.recovery),
  net: m(o.net),
  days: o.days,
  excluded: o.excluded,
});

export function presentRoute(d: RoutingDecision | null) {
  if (!d) return null;
  return {
    destination: d.destination,
    rule: d.rule,
    explanation: d.explanation,
    currency: d.currency,
    chosen: d.chosen ? option(d.chosen) : null,
    options: d.options.map(option),
  };
}

/** A return shipment, with the URLs of its label (PDF 4×6 and A4), QR code and customs papers. */
export function presentShipment(s: ShipmentRecord) {
  const base = `/api/v1/returns/${s.caseId}/shipments/${s.id}`;
  const hasLabel = s.status !== "purchasing" && s.status !== "failed";
  const assessment = (s.customs as { assessment?: CustomsAssessment } | null)?.assessment ?? null;
  return {
    id: s.id,
    caseId: s.caseId,
    code: s.code,
    method: s.method,
    status: s.status,
    carrier: s.carrier,
    carrierName: s.carrierName,
    service: s.service,
    trackingNumber: s.trackingNumber,
    cost: m(s.cost),
    destination: s.destination,
    lines: s.lines,
    rule: (s.request as { ruleApplied?: string }).ruleApplied ?? null,
    labelExpiresAt: s.status === "label_created" ? (s.labelExpiresAt?.toISOString() ?? null) : null,
    label: {
      pdf4x6Url: hasLabel ? `${base}/label.pdf?size=4x6` : null,
      pdfA4Url: hasLabel ? `${base}/label.pdf?size=a4` : null,
      qrCodeUrl: `${base}/qr.png`,
      qrPayload: `CROSSBACK:RETURN:${s.code}`,
      carrierLabelUrl: s.carrierLabelUrl,
    },
    customs: s.customs
      ? {
          commercialInvoiceUrl: `${base}/customs-invoice.pdf`,
          cn23Url: `${base}/cn23.pdf`,
          euLowValueDuty: assessment?.lowValueDuty
            ? {
                ...assessment.lowValueDuty,
                amount:
                  assessment.lowValueDuty.amountEurCents === null
                    ? null
                    : formatMoney({ amount: assessment.lowValueDuty.amountEurCents, currency: "EUR" }),
                amountEurCents: undefined,
              }
            : null,
          valueEur: assessment?.valueEur ?? null,
          returnedGoodsRelief: assessment?.relief ?? null,
        }
      : null,
    lane: s.lane,
    failureReason: s.failureReason,
    attempts: s.attempts,
    firstScanAt: s.firstScanAt?.toISOString() ?? null,
    deliveredAt: s.deliveredAt?.toISOString() ?? null,
    delayedAt: s.delayedAt?.toISOString() ?? null,
    createdAt: s.createdAt.toISOString(),
  };
}

export const presentTracking = (e: ShipmentEventRow) => ({ ...e, at: e.at.toISOString() });

export const presentUnit = (u: HubUnit) => ({
  licencePlate: u.licencePlate,
  caseId: u.caseId,
  lineId: u.lineId,
  status: u.status,
});
export const presentBag = (b: HubBag, units?: number) => ({
  code: b.code,
  status: b.status,
  units,
  createdAt: b.createdAt.toISOString(),
  sealedAt: b.sealedAt?.toISOString() ?? null,
});

export function presentConsolidation(c: Consolidation) {
  return {
    id: c.id,
    code: c.code,
    status: c.status,
    carrier: c.carrier,
    trackingNumber: c.trackingNumber,
    units: c.manifest.length,
    bags: [...new Set(c.manifest.map((u) => u.bag))].length,
    shippedAt: c.shippedAt.toISOString(),
    receivedAt: c.receivedAt?.toISOString() ?? null,
    reconciliation: c.reconciliation,
    manifest: {
      json: `/api/v1/consolidations/${c.id}/manifest?format=json`,
      csv: `/api/v1/consolidations/${c.id}/manifest?format=csv`,
      pdf: `/api/v1/consolidations/${c.id}/manifest?format=pdf`,
    },
  };
}

export function presentClaim(c: DutyClaim) {
  return {
    id: c.id,
    caseId: c.caseId,
    lineId: c.lineId,
    regime: c.regime,
    state: c.state,
    quantity: c.quantity,
    paid: m(c.paid),
    recoverable: m(c.recoverable),
    recovered: m(c.recovered),
    deadline: c.deadline,
    evidence: c.evidence,
    citation: c.citation,
    lostReason: c.lostReason,
    claimReference: c.claimReference,
    updatedAt: c.updatedAt.toISOString(),
  };
}

export const presentTotals = (t: RegimeTotals) => {
  const f = (amount: number) => formatMoney({ amount, currency: t.currency });
  return {
    regime: t.regime,
    currency: t.currency,
    lines: t.lines,
    paid: f(t.paid),
    recoverable: f(t.recoverable),
    claimed: f(t.claimed),
    recovered: f(t.recovered),
    lost: f(t.lost),
  };
};
