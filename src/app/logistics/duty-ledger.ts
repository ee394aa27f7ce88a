import { SYSTEM } from "../../domain/actor.ts";
import { convert } from "../../domain/fx.ts";
import {
  assessRecovery,
  type DutyRegime,
  dutyRegimeFor,
  lineDutyShare,
  lineVatShare,
} from "../../domain/logistics/duty-recovery.ts";
import { isEu } from "../../domain/logistics/territories.ts";
import { orderTotal } from "../../domain/order.ts";
import type { LineQuantity, ReturnCase } from "../../domain/return-case.ts";
import { FX_SOURCE } from "../fx-values.ts";
import type { Repos } from "../ports/index.ts";
import { legalEntityFor } from "./legal-entity.ts";
import type { DutyClaim } from "./records.ts";

const IOSS_LIMIT_EUR_CENTS = 15_000;

/**
 * On receipt, per returned line: the import duty paid on the way out (the order's duties, split by line
 * value and unit) under the regime of the shopper's country, and — for EU IOSS sales — the VAT to
 * correct in the IOSS return. Each row links its evidence (export reference, return tracking, receipt).
 */
export async function recordDutyClaims(
  r: Repos,
  ids: { next(): string },
  c: ReturnCase,
  received: readonly LineQuantity[],
  locationId: string | null,
  at: Date,
): Promise<DutyClaim[]> {
  const order = await r.orders.getById(c.merchantId, c.orderId);
  if (!order || received.length === 0) return [];
  const country = order.shippingAddress.country;
  const dutyRegime = dutyRegimeFor(country);
  const entity = await legalEntityFor(r, c.merchantId, country);
  const eurRate =
    order.currency === "EUR"
      ? "1"
      : (await r.fx.rateOn(FX_SOURCE, order.currency, order.placedAt.toISOString().slice(0, 10)))?.rate;
  const totalEur = eurRate ? convert(orderTotal(order), "EUR", eurRate, "1").amount : null;
  const ioss =
    Boolean(entity?.iossNumber) && isEu(country) && totalEur !== null && totalEur <= IOSS_LIMIT_EUR_CENTS;
  const shipments = await r.shipments.byCase(c.merchantId, c.id);
  const fulfilment = order.fulfilments.find((f) => f.trackingNumber) ?? order.fulfilments[0];
  const evidence = {
    exportReference: fulfilment?.trackingNumber ?? null,
    exportCarrier: fulfilment?.carrier ?? null,
    importedAt: fulfilment?.deliveredAt?.toISOString() ?? null,
    dutiesPaidBy: order.duties?.paidBy ?? null,
    incoterm: order.duties?.incoterm ?? null,
    returnTracking: shipments.map((s) => s.trackingNumber).filter(Boolean),
    receivedAt: at.toISOString(),
    receiptLocationId: locationId,
    orderNumber: order.externalId,
    rmaNumber: c.number,
  };
  const since = fulfilment?.deliveredAt ?? order.placedAt;
  const rows: DutyClaim[] = [];
  for (const q of received) {
    const line = c.lines.find((l) => l.id === q.lineId);
    if (!line) continue;
    const from = Math.max(0, line.counts.received - q.quantity);
    const plan: [DutyRegime, ReturnType<typeof lineDutyShare>][] = [];
    if (dutyRegime) plan.push([dutyRegime, lineDutyShare(order, line.orderLineId, from, q.quantity)]);
    if (ioss) plan.push(["IOSS_VAT", lineVatShare(order, line.orderLineId, from, q.quantity)]);
    for (const [regime, paid] of plan) {
      if (!paid || paid.amount === 0) continue;
      const a = assessRecovery(regime, paid, line.reason, regime === "AU_DRAWBACK" ? at : since);
      const row: DutyClaim = {
        id: ids.next(),
        merchantId: c.merchantId,
        caseId: c.id,
        lineId: line.id,
        orderId: order.id,
        regime,
        paid,
        recoverable: a.recoverable,
        recovered: null,
        quantity: q.quantity,
        deadline: a.deadline,
        state: a.state,
        evidence: { ...evidence, sku: line.sku },
        citation: a.citation,
        lostReason: a.lostReason,
        claimReference: null,
        createdAt: at,
        updatedAt: at,
      };
      if (await r.dutyClaims.insert(row)) rows.push(row);
    }
  }
  if (rows.length > 0)
    await r.cases.append(c, [
      {
        type: "duty.recoverable",
        actor: SYSTEM,
        at,
        reason: null,
        fromStatus: c.status,
        toStatus: c.status,
        data: {
          claims: rows.map((x) => ({
            id: x.id,
            regime: x.regime,
            state: x.state,
            recoverable: x.recoverable,
          })),
        },
      },
    ]);
  return rows;
}
