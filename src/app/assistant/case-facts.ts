/**
 * Facts about a return case and about sending a parcel: the case's state, tracking and shipments;
 * its settlements and statutory refund deadline; the lane from a country to the location that takes
 * returns from there (transit, customs border, label cost).
 */
import type { CaseFacts, RefundPart, SendFacts } from "../../domain/assistant/facts.ts";
import { localDateOf } from "../../domain/calendar/time-zone.ts";
import { laneEstimate } from "../../domain/logistics/lanes.ts";
import { crossesBorder } from "../../domain/logistics/territories.ts";
import { money } from "../../domain/money.ts";
import type { Order } from "../../domain/order.ts";
import type { RefundTrigger } from "../../domain/policy/return-policy.ts";
import type { ReturnCase } from "../../domain/return-case.ts";
import { returnAddressFor } from "../portal/return-address.ts";
import type { Deps, Repos } from "../ports/index.ts";
import { caseMoneyTerms } from "../refund-terms.ts";

export async function caseFacts(r: Repos, c: ReturnCase, timeZone: string): Promise<CaseFacts> {
  const shipments = await r.shipments.byCase(c.merchantId, c.id);
  const tracking = c.portal?.tracking ?? null;
  return {
    number: c.number,
    status: c.status,
    shipBy: c.shipBy ? localDateOf(c.shipBy, timeZone) : null,
    tracking: tracking ? { carrier: tracking.carrier ?? null, number: tracking.trackingNumber } : null,
    shipments: shipments.map((s) => ({
      status: s.status,
      carrier: s.carrierName ?? s.carrier,
      trackingNumber: s.trackingNumber,
    })),
  };
}

const PAYING = new Set(["original_payment", "store_credit", "bank_transfer", "exchange"]);

/** The case's settlements (paid or expected by the statutory deadline), its trigger and deadline. */
export async function caseRefund(
  r: Repos,
  c: ReturnCase,
): Promise<{
  parts: RefundPart[];
  trigger: RefundTrigger;
  deadline: { dueBy: string; citation: string } | null;
}> {
  const d = c.refundDeadline;
  const deadline =
    d && typeof d.dueBy === "string" && typeof d.citation === "string"
      ? { dueBy: d.dueBy, citation: d.citation }
      : null;
  const parts = (await r.settlements.byCase(c.merchantId, c.id))
    .filter((s) => PAYING.has(s.method) && s.status !== "failed" && s.amount.amount > 0)
    .map((s) => ({
      method: s.method,
      amount: s.amount,
      paid: s.status === "succeeded",
      expectedBy: s.status === "succeeded" ? null : (deadline?.dueBy ?? null),
    }));
  return { parts, trigger: (await caseMoneyTerms(r, c)).trigger, deadline };
}

/**
 * How a parcel from `country` comes back: the active location that accepts it with the quickest lane,
 * else the portal's own return address for a shopper there; the lane from the reference table.
 */
export async function sendFacts(deps: Deps, order: Order, country: string): Promise<SendFacts> {
  const r = deps.store.read;
  const lanes = deps.logistics?.lanes ?? [];
  const accepting = (await r.locations.list(order.merchantId)).filter(
    (l) => l.active && l.kind !== "vendor" && (l.accepts.includes("*") || l.accepts.includes(country)),
  );
  const moved = { ...order, shippingAddress: { ...order.shippingAddress, country } };
  const own =
    accepting.length > 0
      ? null
      : await returnAddressFor(r, { merchantId: order.merchantId, vendor: null }, moved);
  const places = [
    ...accepting.map((l) => ({ name: l.name, country: l.country, override: l.lanes[country] ?? null })),
    ...(own ? [{ name: own.name, country: own.country, override: null }] : []),
  ];
  const options = places.flatMap((p) => {
    const lane = laneEstimate(lanes, country, p.country, p.override);
    return lane ? [{ p, lane, days: lane.transitDays + lane.clearanceDays }] : [];
  });
  const best = options.sort((a, b) => a.days - b.days)[0];
  if (!best)
    return { country, destination: null, days: null, customs: false, labelCost: null, laneSource: null };
  return {
    country,
    destination: { name: best.p.name, country: best.p.country },
    days: best.days,
    customs: crossesBorder(country, best.p.country),
    labelCost: money(best.lane.labelCost, best.lane.labelCurrency),
    laneSource: best.lane.source,
  };
}
