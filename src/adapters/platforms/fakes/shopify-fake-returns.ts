import type { ShopifyOrderNode } from "../shopify-orders.ts";

export interface FakeReturnLine {
  readonly id: string;
  readonly fulfillmentLineItemId: string;
  readonly lineItemId: string;
  readonly quantity: number;
  processedQuantity: number;
  readonly returnReason: string;
  readonly customerNote: string | null;
}

export interface FakeReturn {
  readonly id: string;
  readonly orderId: string;
  status: "REQUESTED" | "OPEN" | "CLOSED" | "DECLINED" | "CANCELED";
  readonly lines: FakeReturnLine[];
}

type UserError = { field: string[]; message: string };
const refused = (field: string[], message: string) => ({
  return: null,
  userErrors: [{ field, message }] as UserError[],
});

/** The returns of the Shopify fake: the states and checks of the documented return mutations. */
export class ShopifyReturns {
  private readonly list: FakeReturn[] = [];
  private seq = 0;
  constructor(private readonly orders: ReadonlyMap<string, ShopifyOrderNode>) {}

  all(): readonly FakeReturn[] {
    return this.list;
  }

  view(id: string) {
    const r = this.list.find((x) => x.id === id);
    if (!r) return null;
    return {
      id: r.id,
      status: r.status,
      returnLineItems: {
        nodes: r.lines.map((l) => ({
          id: l.id,
          quantity: l.quantity,
          processedQuantity: l.processedQuantity,
          customerNote: l.customerNote,
          fulfillmentLineItem: { lineItem: { id: l.lineItemId } },
        })),
      },
    };
  }

  /** Units of a fulfilment line item already in returns that are not declined or cancelled. */
  private inReturns(fulfillmentLineItemId: string): number {
    return this.list
      .filter((r) => r.status !== "DECLINED" && r.status !== "CANCELED")
      .flatMap((r) => r.lines)
      .filter((l) => l.fulfillmentLineItemId === fulfillmentLineItemId)
      .reduce((n, l) => n + l.quantity, 0);
  }

  returnable(orderId: string) {
    const order = this.orders.get(orderId);
    const nodes = (order?.fulfillments ?? []).map((f) => ({
      returnableFulfillmentLineItems: {
        nodes: f.fulfillmentLineItems.nodes
          .map((fl) => ({
            quantity: fl.quantity - this.inReturns(fl.id),
            fulfillmentLineItem: { id: fl.id, lineItem: fl.lineItem },
          }))
          .filter((x) => x.quantity > 0),
      },
    }));
    const mine = this.list.filter((r) => r.orderId === orderId).map((r) => this.view(r.id));
    return { returnableFulfillments: { nodes }, order: order ? { returns: { nodes: mine } } : null };
  }

  request(input: {
    orderId: string;
    returnLineItems: {
      fulfillmentLineItemId: string;
      quantity: number;
      returnReason: string;
      customerNote?: string;
    }[];
  }) {
    const order = this.orders.get(input.orderId);
    if (!order) return refused(["input", "orderId"], "Order does not exist.");
    const items = order.fulfillments.flatMap((f) => f.fulfillmentLineItems.nodes);
    const lines: FakeReturnLine[] = [];
    for (const [i, l] of input.returnLineItems.entries()) {
      const fl = items.find((x) => x.id === l.fulfillmentLineItemId);
      if (!fl)
        return refused(
          ["input", "returnLineItems", String(i), "fulfillmentLineItemId"],
          "Fulfillment line item does not exist.",
        );
      if (l.quantity < 1 || l.quantity > fl.quantity - this.inReturns(fl.id))
        return refused(
          ["input", "returnLineItems", String(i), "quantity"],
          "Quantity is not available for return.",
        );
      lines.push({
        id: `gid://shopify/ReturnLineItem/${++this.seq + 7000}`,
        fulfillmentLineItemId: fl.id,
        lineItemId: fl.lineItem.id,
        quantity: l.quantity,
        processedQuantity: 0,
        returnReason: l.returnReason,
        customerNote: l.customerNote ?? null,
      });
    }
    const r: FakeReturn = {
      id: `gid://shopify/Return/${++this.seq + 9000}`,
      orderId: order.id,
      status: "REQUESTED",
      lines,
    };
    this.list.push(r);
    return { return: this.view(r.id), userErrors: [] };
  }

  approve(id: string) {
    const r = this.list.find((x) => x.id === id);
    if (!r) return refused(["input", "id"], "Return does not exist.");
    if (r.status !== "REQUESTED")
      return refused(
        ["input", "id"],
        "Return is not approvable. Only returns with status REQUESTED can be approved.",
      );
    r.status = "OPEN";
    return { return: this.view(id), userErrors: [] };
  }

  process(input: {
    returnId: string;
    returnLineItems: { id: string; quantity: number }[];
    financialTransfer?: unknown;
  }) {
    const r = this.list.find((x) => x.id === input.returnId);
    if (!r) return refused(["input", "returnId"], "Return does not exist.");
    if (r.status !== "OPEN") return refused(["input", "returnId"], "Return must be open to be processed.");
    for (const [i, item] of input.returnLineItems.entries()) {
      const line = r.lines.find((l) => l.id === item.id);
      if (!line || item.quantity < 1 || item.quantity > line.quantity - line.processedQuantity)
        return refused(
          ["input", "returnLineItems", String(i), "quantity"],
          "Quantity exceeds the processable quantity.",
        );
    }
    for (const item of input.returnLineItems) {
      const line = r.lines.find((l) => l.id === item.id);
      if (line) line.processedQuantity += item.quantity;
    }
    if (r.lines.every((l) => l.processedQuantity === l.quantity)) r.status = "CLOSED";
    return { return: this.view(r.id), userErrors: [] };
  }
}
