/**
 * What every refund-line rule reads: the input, each unit placed on its order line (how many units
 * of that line were refunded before it), and the order-wide facts the rules share.
 */
import type { DomainError } from "../errors.ts";
import { formatMoney, type Money, money, zero } from "../money.ts";
import type { Order, OrderLine } from "../order.ts";
import { orderTotal } from "../order.ts";
import { err, ok, type Result } from "../result.ts";
import type {
  Destination,
  PriorRefunds,
  RefundLine,
  RefundTerms,
  RefundUnits,
} from "./refund-calculation.ts";

export interface RefundInput {
  readonly id: string;
  readonly caseId: string;
  readonly version: number;
  readonly order: Order;
  readonly units: readonly RefundUnits[];
  readonly terms: RefundTerms;
  readonly prior: PriorRefunds;
  /** A goodwill amount an agent adds: in the order's (the case's) currency, within the cap. */
  readonly goodwill?: Money | null;
  /**
   * The most goodwill the whole order may receive, all refunds together (the merchant's
   * `goodwillMax` for the order's currency); null or absent: the order's total.
   */
  readonly goodwillCap?: Money | null;
  /** Exchanges: what the replacement costs (the difference is refunded or requested). */
  readonly replacementTotal?: Money | null;
  readonly at: Date;
}

/** One unit range of the calculation on its order line, after `before` units already refunded. */
export interface PlacedUnits {
  readonly units: RefundUnits;
  readonly line: OrderLine;
  readonly before: number;
}

export interface RefundContext {
  readonly input: RefundInput;
  readonly currency: string;
  readonly placed: readonly PlacedUnits[];
  /** Units of an order line refunded once this calculation is done (all cases of the order). */
  readonly refundedAfter: (orderLineId: string) => number;
  /** Every unit of the order has come back. */
  readonly wholeOrder: boolean;
  /** Where order-level lines (shipping, duties, fees, goodwill) go: store credit only if every unit does. */
  readonly moneyDestination: Destination;
}

/** A refund-line rule: the lines it adds, given the context and the lines of the rules before it. */
export type RefundRule = (ctx: RefundContext, before: readonly RefundLine[]) => readonly RefundLine[];

export function destinationOf(resolution: RefundUnits["resolution"]): Destination {
  return resolution === "store_credit"
    ? "store_credit"
    : resolution === "exchange"
      ? "exchange"
      : "original_payment";
}

/** Places each unit range on its order line; refuses units that were refunded already. */
export function refundContext(input: RefundInput): Result<RefundContext, DomainError> {
  const { order, units, prior } = input;
  if (units.length === 0 && !input.goodwill) {
    return err({ code: "invalid_input", issues: [{ path: "lines", message: "nothing to refund" }] });
  }
  const refused = checkAmounts(input);
  if (refused) return err({ code: "invalid_input", issues: [refused] });
  const taken = new Map<string, number>();
  const placed: PlacedUnits[] = [];
  for (const u of units) {
    const line = order.lines.find((l) => l.id === u.orderLineId);
    if (!line) throw new Error(`order ${order.externalId} has no line ${u.orderLineId}`);
    const before = (prior.unitsByOrderLine.get(line.id) ?? 0) + (taken.get(line.id) ?? 0);
    if (before + u.quantity > line.quantity) {
      return err({
        code: "quantity_exceeded",
        path: "lines",
        what: `units of ${line.externalId} not refunded yet`,
        limit: line.quantity - before,
        requested: u.quantity,
      });
    }
    taken.set(line.id, (taken.get(line.id) ?? 0) + u.quantity);
    placed.push({ units: u, line, before });
  }
  const refundedAfter = (id: string) => (prior.unitsByOrderLine.get(id) ?? 0) + (taken.get(id) ?? 0);
  return ok({
    input,
    currency: order.currency,
    placed,
    refundedAfter,
    wholeOrder: order.lines.every((l) => refundedAfter(l.id) >= l.quantity),
    moneyDestination:
      units.length > 0 && units.every((u) => u.resolution === "store_credit")
        ? "store_credit"
        : "original_payment",
  });
}

/**
 * Amounts an agent or a shopper brings must be in the order's currency (1000 JPY of goodwill is not
 * €10.00), and goodwill stays within the cap over every refund of the order.
 */
function checkAmounts(input: RefundInput): { path: string; message: string } | null {
  const { order, goodwill: g, replacementTotal: rep } = input;
  const c = order.currency;
  if (rep && rep.currency !== c)
    return { path: "replacement.unitPrice.currency", message: `must be the return's currency ${c}` };
  if (!g || g.amount === 0) return null;
  if (g.currency !== c) return { path: "goodwill.currency", message: `must be the return's currency ${c}` };
  const cap = input.goodwillCap ?? orderTotal(order);
  const given = input.prior.goodwillGiven ?? zero(c);
  if (given.amount + g.amount > cap.amount) {
    const left = money(Math.max(0, cap.amount - given.amount), c);
    return {
      path: "goodwill.amount",
      message: `at most ${formatMoney(left)} ${c}: goodwill on this order is capped at ${formatMoney(cap)} ${c} and ${formatMoney(given)} ${c} was given before`,
    };
  }
  return null;
}

/** An order-level line (no case line, no quantity). */
export function orderLine(
  type: RefundLine["type"],
  amount: Money,
  destination: Destination,
  ruleId: string,
  description: string,
): RefundLine {
  return {
    type,
    caseLineId: null,
    orderLineExternalId: null,
    quantity: null,
    amount,
    destination,
    ruleId,
    description,
  };
}

const ITEM_TYPES: readonly RefundLine["type"][] = ["item_net", "item_tax", "discount_reversal"];

/** What a case line's items come to (net, tax and discount share) among the lines so far. */
export function itemValue(lines: readonly RefundLine[], caseLineId: string): number {
  return lines
    .filter((l) => l.caseLineId === caseLineId && ITEM_TYPES.includes(l.type))
    .reduce((n, l) => n + l.amount.amount, 0);
}

export const negate = (x: Money): Money => money(x.amount === 0 ? 0 : -x.amount, x.currency);
