import { convert } from "../../domain/fx.ts";
import { euLowValueDuty, returnedGoodsRelief } from "../../domain/logistics/customs-duty.ts";
import { lineDutyShare } from "../../domain/logistics/duty-recovery.ts";
import { laneEstimate } from "../../domain/logistics/lanes.ts";
import { decideRoute } from "../../domain/logistics/route-choice.ts";
import type { RouteCandidate, RouteLine, RoutingDecision } from "../../domain/logistics/routing.ts";
import { crossesBorder } from "../../domain/logistics/territories.ts";
import { type Money, money, unitsShare, zero } from "../../domain/money.ts";
import { linePaid, type Order } from "../../domain/order.ts";
import type { ReturnReason } from "../../domain/return-reasons.ts";
import { FX_SOURCE } from "../fx-values.ts";
import type { Deps, Repos } from "../ports/index.ts";
import type { LocationRecord } from "./ports.ts";
import { loadSettings } from "./settings.ts";

export interface RoutedLine {
  readonly orderLineId: string;
  readonly quantity: number;
  readonly reason: ReturnReason;
  readonly lineId?: string;
}

/** Units per EUR of every currency in play, on `day` (ECB table; EUR is 1). */
async function ratesFor(
  r: Repos,
  currencies: readonly string[],
  day: string,
): Promise<Record<string, string>> {
  const out: Record<string, string> = { EUR: "1" };
  for (const c of new Set(currencies)) {
    if (c === "EUR") continue;
    const rate = await r.fx.rateOn(FX_SOURCE, c, day);
    if (rate) out[c] = rate.rate;
  }
  return out;
}

/** When and from where the order's goods left (the original export, for returned goods relief). */
export function originalExport(
  order: Order,
  locations: readonly LocationRecord[],
  exportedFrom: string | null,
) {
  const f = order.fulfilments.find((x) => x.shippedAt) ?? order.fulfilments[0] ?? null;
  const from = exportedFrom ?? locations.find((l) => l.kind === "warehouse")?.country ?? null;
  return { fulfilment: f, from, at: f?.shippedAt ?? null };
}

/** Import duty the return parcel would pay at `to` (case currency when it can be converted, else EUR). */
function returnDuty(
  order: Order,
  lines: readonly RouteLine[],
  value: Money,
  to: string,
  exp: ReturnType<typeof originalExport>,
  rates: Record<string, string>,
  at: Date,
  tariffLines: number,
): Money {
  const from = order.shippingAddress.country;
  if (!crossesBorder(from, to)) return zero(order.currency);
  if (returnedGoodsRelief(exp.from, to, exp.at, at).eligible) return zero(order.currency);
  const rate = rates[order.currency];
  const eur = order.currency === "EUR" ? value : rate ? convert(value, "EUR", rate, "1") : null;
  const eu = eur ? euLowValueDuty(to, eur.amount, tariffLines, at) : null;
  if (eu?.applies && eu.amountEurCents !== null) return money(eu.amountEurCents, "EUR");
  const shares = lines.map((l) => lineDutyShare(order, l.lineId, 0, l.quantity)?.amount ?? 0);
  return money(
    shares.reduce((a, b) => a + b, 0),
    order.currency,
  );
}

/** Routes returned lines of an order: the pure decision over the merchant's locations, lanes and settings. */
export async function routeLines(
  deps: Deps,
  r: Repos,
  order: Order,
  vendor: string | null,
  lines: readonly RoutedLine[],
  at: Date,
): Promise<RoutingDecision | null> {
  const lanes = deps.logistics?.lanes ?? [];
  const all = (await r.locations.list(order.merchantId)).filter((l) => l.active);
  if (all.length === 0) return null;
  const own = vendor ? all.filter((l) => l.kind === "vendor" && l.vendorCode === vendor) : [];
  const places = own.length > 0 ? own : all.filter((l) => l.kind !== "vendor");
  const settings = await loadSettings(r, order.merchantId);
  const country = order.shippingAddress.country;
  const routeLinesIn: RouteLine[] = lines.map((l) => {
    const ol = order.lines.find((x) => x.id === l.orderLineId);
    if (!ol) throw new Error(`order line ${l.orderLineId} not on order ${order.externalId}`);
    return {
      lineId: ol.id,
      quantity: l.quantity,
      reason: l.reason,
      value: unitsShare(linePaid(order, ol), ol.quantity, 0, Math.min(l.quantity, ol.quantity)),
    };
  });
  const value = { amount: routeLinesIn.reduce((a, l) => a + l.value.amount, 0), currency: order.currency };
  const tariffLines = new Set(
    lines.map(
      (l) => order.lines.find((x) => x.id === l.orderLineId)?.product?.hsCode?.slice(0, 6) ?? l.orderLineId,
    ),
  ).size;
  const exp = originalExport(order, all, settings.exportedFrom);
  const day = at.toISOString().slice(0, 10);
  const currencies = [
    order.currency,
    ...places.map((p) => p.handling?.currency ?? "EUR"),
    ...lanes.map((l) => l.labelCurrency),
  ];
  const rates = await ratesFor(r, currencies, day);
  const candidates: RouteCandidate[] = places.flatMap((p) => {
    const lane = laneEstimate(lanes, country, p.country, p.lanes[country] ?? null);
    if (!lane) return [];
    return [
      {
        code: p.code,
        kind: p.kind,
        country: p.country,
        accepts: p.accepts,
        handling: p.handling ?? zero(order.currency),
        lane,
        duties: returnDuty(order, routeLinesIn, value, p.country, exp, rates, at, tariffLines),
      },
    ];
  });
  return decideRoute({
    shopperCountry: country,
    currency: order.currency,
    lines: routeLinesIn,
    candidates,
    settings: settings.routing,
    rates,
    mustReturn: false,
  });
}

/** The route a return of these order lines would take (POST /returns/preview): no side effects. */
export async function previewRoute(
  deps: Deps,
  merchantId: string,
  input: {
    orderExternalId: string;
    lines: readonly { orderLineExternalId: string; quantity: number; reason: ReturnReason }[];
    vendor?: string | null;
    /** The order, when the caller has read it already. */
    order?: Order;
  },
  at: Date,
): Promise<RoutingDecision | null> {
  const r = deps.store.read;
  const order = input.order ?? (await r.orders.get(merchantId, input.orderExternalId));
  if (!order) return null;
  const lines = input.lines.flatMap((l) => {
    const ol = order.lines.find((x) => x.externalId === l.orderLineExternalId);
    return ol
      ? [{ orderLineId: ol.id, quantity: Math.min(l.quantity, ol.quantity), reason: l.reason, lineId: ol.id }]
      : [];
  });
  if (lines.length === 0) return null;
  const vendor =
    input.vendor ?? order.lines.find((x) => x.id === lines[0]?.orderLineId)?.product?.vendor ?? null;
  return routeLines(deps, r, order, vendor, lines, at);
}
