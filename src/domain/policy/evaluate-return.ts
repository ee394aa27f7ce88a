import { checkRequestedLines } from "../case-opening.ts";
import type { DomainError } from "../errors.ts";
import type { Money } from "../money.ts";
import { deliveredQuantity, type Order, type OrderLine, orderTotal } from "../order.ts";
import { ok, type Result } from "../result.ts";
import type { Resolution, ReturnReason } from "../return-reasons.ts";
import type { RuleMessage } from "../statutory/statutory-facts.ts";
import { paidForUnits } from "../tender-allocation.ts";
import { type ExtenuatingEvent, eventsAffecting } from "./extenuating-event.ts";
import type { PolicyLineFacts } from "./judge-merchant-policy.ts";
import { decideLine, type Fee, type LineDecision, returnShippingFee } from "./line-decision.ts";
import { selectPolicy } from "./policy-scope.ts";
import type { RefundTrigger, ReturnPolicy } from "./return-policy.ts";

export interface RequestedReturnLine {
  readonly orderLineExternalId: string;
  readonly quantity: number;
  readonly reason: ReturnReason;
}

/** A policy amount set in another currency, converted for this order: shown on the decision. */
export interface FeeConversion {
  readonly policy: { readonly id: string; readonly version: number };
  readonly field: string;
  readonly from: Money;
  readonly to: Money;
  readonly rate: string;
  readonly rateDate: string;
  readonly rule: "original" | "current";
  readonly source: string;
}

/** The engine's decision for a whole return request: what the preview shows and a case freezes. */
export interface ReturnDecision {
  readonly engine: "crossback-policy-engine/1";
  readonly evaluatedAt: string;
  readonly eligible: boolean;
  readonly lines: readonly LineDecision[];
  /** Charged once per return (e.g. the return-shipping flat fee), in the order's currency. */
  readonly fees: readonly Fee[];
  readonly policies: readonly { readonly id: string; readonly version: number }[];
  readonly shipByDays: number;
  /** Policy amounts converted into the order's currency (set by the app layer; see fee-conversion.ts). */
  readonly feeConversions?: readonly FeeConversion[];
  /** When money moves (from the first policy used; inspection when none applies). */
  readonly refundTrigger: RefundTrigger;
  /** Extenuating events that changed this decision (e.g. longer windows). */
  readonly extenuatingEvents: readonly {
    readonly id: string;
    readonly description: string;
    readonly extendDays: number;
  }[];
}

/** Lines the engine refuses, or whose requested resolution no track offers. */
export function refusals(
  d: ReturnDecision,
  requested: Resolution | null,
): { orderLineExternalId: string; blockedBy: RuleMessage[] }[] {
  const out: { orderLineExternalId: string; blockedBy: RuleMessage[] }[] = [];
  for (const l of d.lines) {
    if (!l.eligible) out.push({ orderLineExternalId: l.orderLineExternalId, blockedBy: [...l.blockedBy] });
    else if (requested && !l.resolutions.includes(requested)) {
      const message = `"${requested}" is not offered for this item; offered: ${l.resolutions.join(", ")}.`;
      out.push({
        orderLineExternalId: l.orderLineExternalId,
        blockedBy: [{ ruleId: "crossback.resolution.not_offered", message }],
      });
    }
  }
  return out;
}

function lastTime(
  order: Order,
  line: OrderLine | null,
  field: "deliveredAt" | "shippedAt",
  at: Date,
): Date | null {
  let last: Date | null = null;
  for (const f of order.fulfilments) {
    const t = f[field];
    if (!t || t.getTime() > at.getTime()) continue;
    if (line && !f.lines.some((l) => l.orderLineId === line.id)) continue;
    if (!last || t > last) last = t;
  }
  return last;
}

function fullyDeliveredAt(order: Order, at: Date): Date | null {
  const all = order.lines.every((l) => deliveredQuantity(order, l.id, at) >= l.quantity);
  return all ? lastTime(order, null, "deliveredAt", at) : null;
}

const DEFAULT_SHIP_BY_DAYS = 14;

/**
 * Checks the request against the order (known lines, quantities within what was delivered and is
 * not held by other returns), then decides every line. Pure; deterministic for `at`.
 */
export function evaluateReturn(
  order: Order,
  policies: readonly ReturnPolicy[],
  lines: readonly RequestedReturnLine[],
  held: ReadonlyMap<string, number>,
  at: Date,
  events: readonly ExtenuatingEvent[] = [],
): Result<ReturnDecision, DomainError> {
  const checked = checkRequestedLines(order, lines, held, at);
  if (!checked.ok) return checked;
  const picked = checked.value;
  const addr = order.shippingAddress;
  const total: Money = orderTotal(order);
  const whole = order.lines.every(
    (l) => (picked.find((p) => p.line.id === l.id)?.req.quantity ?? 0) + (held.get(l.id) ?? 0) >= l.quantity,
  );
  const fullyDelivered = fullyDeliveredAt(order, at);
  const decisions: LineDecision[] = [];
  const used = new Map<string, ReturnPolicy>();
  const covered = policies.some(
    (p) => p.active && (p.scope.countries.includes("*") || p.scope.countries.includes(addr.country)),
  );
  const extensions = eventsAffecting(events, order).filter(
    (e) => e.effect === "extend_window" && (e.extendDays ?? 0) > 0,
  );
  const extraDays = extensions.reduce((n, e) => Math.max(n, e.extendDays ?? 0), 0);
  for (const { req, line } of picked) {
    const product = line.product;
    const selected = selectPolicy(policies, {
      country: addr.country,
      vendor: product?.vendor ?? null,
      category: product?.category ?? null,
      sku: line.sku,
    });
    if (selected) used.set(`${selected.id}@${selected.version}`, selected);
    const policy =
      selected && extraDays > 0
        ? { ...selected, window: { ...selected.window, days: selected.window.days + extraDays } }
        : selected;
    const facts: PolicyLineFacts = {
      country: addr.country,
      region: addr.region,
      timeZone: order.customerTimeZone,
      placedAt: order.placedAt,
      lineDeliveredAt: lastTime(order, line, "deliveredAt", at),
      orderFullyDeliveredAt: fullyDelivered,
      returnTermsDisclosed: order.returnTermsDisclosed,
      merchantPolicyCovers: covered,
      product,
      reason: req.reason,
      wholeOrderReturned: whole,
      at,
      sku: line.sku,
      currency: order.currency,
      lineShippedAt: lastTime(order, line, "shippedAt", at),
      unitPaid: paidForUnits(order, line.id, 0, 1),
      orderTotal: total,
    };
    decisions.push(decideLine(line.externalId, req.quantity, policy, facts));
  }
  const eligible = decisions.every((d) => d.eligible);
  const fees: Fee[] = [];
  // One flat return-shipping fee per return, when the shopper pays for shipping on every line's track.
  const payers = decisions.filter((d) => d.eligible).map((d) => d.returnShippingPaidBy);
  const firstPolicy = [...used.values()][0] ?? null;
  if (payers.length > 0 && payers.every((p) => p === "customer")) {
    const fee = returnShippingFee(firstPolicy, "customer", order.currency);
    if (fee) fees.push(fee);
  }
  return ok({
    engine: "crossback-policy-engine/1",
    evaluatedAt: at.toISOString(),
    eligible,
    lines: decisions,
    fees,
    policies: [...used.values()].map((p) => ({ id: p.id, version: p.version })),
    refundTrigger: [...used.values()][0]?.refundTrigger ?? "inspection",
    extenuatingEvents: extensions.map((e) => ({
      id: e.id,
      description: e.description,
      extendDays: e.extendDays ?? 0,
    })),
    shipByDays:
      used.size > 0 ? Math.min(...[...used.values()].map((p) => p.shipByDays)) : DEFAULT_SHIP_BY_DAYS,
  });
}
