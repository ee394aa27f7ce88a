import type { DomainError } from "../errors.ts";
import { add, allocate, type Money, unitsShare, zero } from "../money.ts";
import { linePaid, type Order, type OrderLine } from "../order.ts";
import { err, ok, type Result } from "../result.ts";
import type {
  Destination,
  PriorRefunds,
  RefundCalculation,
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
  /** A goodwill amount an agent adds, in the order's currency. */
  readonly goodwill?: Money | null;
  /** Exchanges: what the replacement costs (the difference is refunded or requested). */
  readonly replacementTotal?: Money | null;
  readonly at: Date;
}

const m = (amount: number, currency: string): Money => ({ amount, currency });
const neg = (x: Money): Money => m(x.amount === 0 ? 0 : -x.amount, x.currency);

function destinationOf(resolution: RefundUnits["resolution"]): Destination {
  return resolution === "store_credit"
    ? "store_credit"
    : resolution === "exchange"
      ? "exchange"
      : "original_payment";
}

/** Item net, discount and tax shares of `n` units of an order line starting after `before` units. */
function itemLines(
  order: Order,
  line: OrderLine,
  u: RefundUnits,
  before: number,
  dest: Destination,
): RefundLine[] {
  const c = order.currency;
  const list = m(line.unitPrice.amount * u.quantity, c);
  const discount = unitsShare(line.discount, line.quantity, before, u.quantity);
  const tax = unitsShare(line.tax, line.quantity, before, u.quantity);
  const net = order.taxesIncluded ? m(list.amount - tax.amount, c) : list;
  const base = {
    caseLineId: u.caseLineId,
    orderLineExternalId: line.externalId,
    quantity: u.quantity,
    destination: dest,
  };
  const out: RefundLine[] = [
    {
      ...base,
      type: "item_net",
      amount: net,
      ruleId: "crossback.refund.item",
      description: `${u.quantity} × ${line.title}`,
    },
  ];
  if (discount.amount !== 0) {
    out.push({
      ...base,
      type: "discount_reversal",
      amount: neg(discount),
      ruleId: "crossback.refund.discount_share",
      description: "Share of the line's discount",
    });
  }
  if (tax.amount !== 0)
    out.push({
      ...base,
      type: "item_tax",
      amount: tax,
      ruleId: "crossback.refund.tax_share",
      description: "Tax on the returned units",
    });
  return out;
}

/** Each order line's share of the duties, by what the lines paid (largest remainder). */
function dutySharesByLine(order: Order, duties: Money): Map<string, Money> {
  const weights = order.lines.map((l) => Math.max(0, linePaid(order, l).amount));
  const parts = allocate(duties, weights);
  return new Map(order.lines.map((l, i) => [l.id, parts[i] ?? zero(order.currency)]));
}

/**
 * The refund for units of a return case: pure, itemised, exact. Every line points at its case line
 * and the rule that produced it; the lines sum exactly to the total; nothing is refunded twice.
 */
export function calculateRefund(input: RefundInput): Result<RefundCalculation, DomainError> {
  const { order, units, terms, prior } = input;
  const c = order.currency;
  if (units.length === 0 && !input.goodwill) {
    return err({ code: "invalid_input", issues: [{ path: "lines", message: "nothing to refund" }] });
  }
  const lines: RefundLine[] = [];
  const taken = new Map<string, number>();
  const itemValue = new Map<string, Money>();
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
    const items = itemLines(order, line, u, before, destinationOf(u.resolution));
    lines.push(...items);
    itemValue.set(
      u.caseLineId,
      m(
        items.reduce((n, l) => n + l.amount.amount, 0),
        c,
      ),
    );
  }
  const refundedAfter = (id: string) => (prior.unitsByOrderLine.get(id) ?? 0) + (taken.get(id) ?? 0);
  const wholeOrder = order.lines.every((l) => refundedAfter(l.id) >= l.quantity);
  const moneyDest: Destination =
    units.length > 0 && units.every((u) => u.resolution === "store_credit")
      ? "store_credit"
      : "original_payment";

  // Outbound shipping: at most once per order, when the whole order has come back.
  const shippingPaid = order.taxesIncluded
    ? order.shipping.amount
    : add(order.shipping.amount, order.shipping.tax);
  if (wholeOrder && terms.outboundShipping !== "none") {
    const cap =
      terms.outboundShipping === "cheapest_standard" && order.shipping.cheapestStandardAmount
        ? Math.min(shippingPaid.amount, order.shipping.cheapestStandardAmount.amount)
        : shippingPaid.amount;
    const amount = Math.max(0, cap - prior.shippingRefunded.amount);
    if (amount > 0) {
      lines.push({
        type: "outbound_shipping",
        caseLineId: null,
        orderLineExternalId: null,
        quantity: null,
        amount: m(amount, c),
        destination: moneyDest,
        ruleId: terms.outboundRuleId,
        description:
          terms.outboundShipping === "cheapest_standard"
            ? "Outbound delivery (cheapest standard option)"
            : "Outbound delivery",
      });
    }
  }

  // Duties and import taxes the shopper paid on a DDP order.
  const duties = order.duties?.paidBy === "customer" ? order.duties.amount : zero(c);
  const dutiesLeft = duties.amount - prior.dutiesRefunded.amount;
  if (dutiesLeft > 0 && terms.dutiesRefund !== "none" && units.length > 0) {
    let amount = 0;
    if (terms.dutiesRefund === "full") amount = dutiesLeft;
    else {
      const shares = dutySharesByLine(order, duties);
      for (const u of units) {
        const line = order.lines.find((l) => l.id === u.orderLineId) as OrderLine;
        const before = refundedAfter(line.id) - u.quantity;
        amount += unitsShare(
          shares.get(line.id) ?? zero(c),
          line.quantity,
          Math.max(0, before),
          u.quantity,
        ).amount;
      }
      amount = Math.min(amount, dutiesLeft);
    }
    if (amount > 0) {
      lines.push({
        type: "duties",
        caseLineId: null,
        orderLineExternalId: null,
        quantity: null,
        amount: m(amount, c),
        destination: moneyDest,
        ruleId: `${terms.policyRef}.duties_refund.${terms.dutiesRefund}`,
        description: "Duties and import taxes paid on delivery",
      });
    }
  }

  // Restocking: only on returns decided on the merchant's own policy track.
  for (const u of units) {
    if (u.track !== "merchant_policy" || !terms.restocking || u.resolution === "exchange") continue;
    const value = itemValue.get(u.caseLineId) ?? zero(c);
    const fee =
      "basisPoints" in terms.restocking
        ? (allocate(value, [terms.restocking.basisPoints, 10_000 - terms.restocking.basisPoints])[0] ??
          zero(c))
        : m(terms.restocking.perUnit.amount * u.quantity, c);
    if (fee.amount > 0) {
      lines.push({
        type: "restocking_fee",
        caseLineId: u.caseLineId,
        orderLineExternalId: null,
        quantity: u.quantity,
        amount: neg(fee),
        destination: destinationOf(u.resolution),
        ruleId: `${terms.policyRef}.restocking_fee`,
        description: "Restocking fee",
      });
    }
  }
  if (
    terms.returnShippingFee &&
    terms.returnShippingFee.amount > 0 &&
    !prior.returnFeeCharged &&
    units.length > 0
  ) {
    lines.push({
      type: "return_shipping_fee",
      caseLineId: null,
      orderLineExternalId: null,
      quantity: null,
      amount: neg(terms.returnShippingFee),
      destination: moneyDest,
      ruleId: `${terms.policyRef}.return_shipping`,
      description: "Return shipping label",
    });
  }
  // Store-credit bonus on what goes to store credit.
  const credited = units
    .filter((u) => u.resolution === "store_credit")
    .reduce((n, u) => n + (itemValue.get(u.caseLineId)?.amount ?? 0), 0);
  if (credited > 0 && terms.storeCreditBonusBasisPoints > 0) {
    const [bonus] = allocate(m(credited, c), [
      terms.storeCreditBonusBasisPoints,
      10_000 - terms.storeCreditBonusBasisPoints,
    ]);
    if (bonus && bonus.amount > 0) {
      lines.push({
        type: "store_credit_bonus",
        caseLineId: null,
        orderLineExternalId: null,
        quantity: null,
        amount: bonus,
        destination: "store_credit",
        ruleId: `${terms.policyRef}.store_credit_bonus`,
        description: "Bonus for taking store credit",
      });
    }
  }
  if (units.some((u) => u.resolution === "exchange")) {
    // Without a replacement price the exchange is like for like: the replacement costs what came back.
    const returned = lines
      .filter((l) => l.destination === "exchange")
      .reduce((n, l) => n + l.amount.amount, 0);
    const price = input.replacementTotal ?? m(returned, c);
    lines.push({
      type: "exchange_difference",
      caseLineId: null,
      orderLineExternalId: null,
      quantity: null,
      amount: neg(price),
      destination: "exchange",
      ruleId: input.replacementTotal
        ? "crossback.refund.exchange"
        : "crossback.refund.exchange_like_for_like",
      description: "Price of the replacement",
    });
  }
  if (input.goodwill && input.goodwill.amount > 0) {
    lines.push({
      type: "goodwill",
      caseLineId: null,
      orderLineExternalId: null,
      quantity: null,
      amount: input.goodwill,
      destination: moneyDest,
      ruleId: "crossback.refund.goodwill",
      description: "Goodwill",
    });
  }
  return ok(finish(input, capFees(lines, c)));
}

/** Fees never take a destination below zero: what would is dropped, as an explicit rounding-type line. */
function capFees(lines: RefundLine[], c: string): RefundLine[] {
  const out = [...lines];
  for (const dest of ["original_payment", "store_credit"] as const) {
    const sum = out.filter((l) => l.destination === dest).reduce((n, l) => n + l.amount.amount, 0);
    if (sum < 0) {
      out.push({
        type: "rounding",
        caseLineId: null,
        orderLineExternalId: null,
        quantity: null,
        amount: m(-sum, c),
        destination: dest,
        ruleId: "crossback.refund.fees_capped",
        description: "Fees capped at the amount refunded",
      });
    }
  }
  return out;
}

function finish(input: RefundInput, lines: RefundLine[]): RefundCalculation {
  const c = input.order.currency;
  const sumOf = (dest: Destination) =>
    m(
      lines.filter((l) => l.destination === dest).reduce((n, l) => n + l.amount.amount, 0),
      c,
    );
  return {
    id: input.id,
    caseId: input.caseId,
    version: input.version,
    currency: c,
    units: input.units,
    lines,
    total: m(
      lines.reduce((n, l) => n + l.amount.amount, 0),
      c,
    ),
    byDestination: {
      original_payment: sumOf("original_payment"),
      store_credit: sumOf("store_credit"),
      exchange: sumOf("exchange"),
    },
    createdAt: input.at,
  };
}
