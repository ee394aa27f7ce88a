import { formatMoney, parseMoney } from "../../../domain/money.ts";
import type { ShopifyOrderNode } from "../shopify-orders.ts";
import { type GraphQlAnswer, IdempotentMutation } from "./shopify-fake-idempotency.ts";

export interface FakeRefund {
  readonly id: string;
  readonly orderId: string;
  readonly note: string | null;
  readonly parentId: string;
  readonly gateway: string;
  /** Minor units in the order's presentment currency (what the shopper paid in). */
  readonly amount: number;
  readonly currency: string;
  readonly key: string;
  /** The refund transaction's OrderTransactionStatus (SUCCESS, PENDING, FAILURE, ERROR …). */
  status: string;
  errorCode: string | null;
}

interface RefundInput {
  readonly orderId?: string;
  readonly currency?: string;
  readonly note?: string | null;
  readonly transactions?: readonly {
    orderId?: string;
    parentId?: string;
    amount?: string;
    gateway?: string;
    kind?: string;
  }[];
}

/**
 * The refunds of the Shopify fake: `node(id:)` on an OrderTransaction (its order and the order's refunds)
 * and `refundCreate` with RefundInput.transactions, under Shopify's idempotency rules
 * (shopify-fake-idempotency.ts: a repeated key moves no money again). Refused refunds answer `userErrors`.
 */
export class ShopifyRefunds {
  private readonly list: FakeRefund[] = [];
  private readonly mutation = new IdempotentMutation<ReturnType<ShopifyRefunds["refund"]>>(
    "refundCreate",
    (p) => p.refund === null,
  );
  private seq = 0;
  private refuseNext: string | null = null;
  private pendNext = false;
  constructor(private readonly orders: ReadonlyMap<string, ShopifyOrderNode>) {}

  all(): readonly FakeRefund[] {
    return this.list;
  }

  /** The next refundCreate is refused with this user error (as Shopify does, e.g. a gateway decline). */
  refuse(message: string): void {
    this.refuseNext = message;
  }

  /** The next refund's transaction stays PENDING (as a bank or wallet refund can) until `settle`. */
  pend(): void {
    this.pendNext = true;
  }

  /** The payment provider finishes a pending refund: its transaction becomes `status`. */
  settle(id: string, status: "SUCCESS" | "FAILURE" | "ERROR", errorCode: string | null = null): void {
    const r = this.list.find((x) => x.id === id);
    if (!r) throw new Error(`the fake has no refund ${id}`);
    r.status = status;
    r.errorCode = errorCode;
  }

  private view(r: FakeRefund) {
    const amount = {
      // A multi-currency refund's shop money needs the day's rate: the fake answers presentment money.
      shopMoney: {
        amount: formatMoney({ amount: r.amount, currency: r.currency }),
        currencyCode: r.currency,
      },
      presentmentMoney: {
        amount: formatMoney({ amount: r.amount, currency: r.currency }),
        currencyCode: r.currency,
      },
    };
    return {
      id: r.id,
      note: r.note,
      totalRefundedSet: amount,
      transactions: {
        nodes: [
          {
            id: r.id.replace("/Refund/", "/OrderTransaction/"),
            kind: "REFUND",
            status: r.status,
            gateway: r.gateway,
            errorCode: r.errorCode,
            parentTransaction: { id: r.parentId },
          },
        ],
      },
    };
  }

  node(id: string): unknown {
    for (const o of this.orders.values()) {
      const t = o.transactions.find((x) => x.id === id);
      if (!t) continue;
      const refunds = this.list.filter((r) => r.orderId === o.id).map((r) => this.view(r));
      return { node: { ...t, order: { id: o.id, refunds } } };
    }
    return { node: null };
  }

  create(input: RefundInput, key: string | null): GraphQlAnswer {
    return this.mutation.run(input, key, () => this.refund(input, key ?? ""));
  }

  private refund(input: RefundInput, key: string) {
    const refused = (field: string[], message: string) => ({
      refund: null,
      order: null,
      userErrors: [{ field, message }],
    });
    if (this.refuseNext) {
      const message = this.refuseNext;
      this.refuseNext = null;
      return refused(["transactions", "0"], message);
    }
    const order = this.orders.get(input.orderId ?? "");
    if (!order) return refused(["orderId"], "Order does not exist");
    const t = input.transactions?.[0];
    if (!t || input.transactions?.length !== 1 || t.kind !== "REFUND")
      return refused(["transactions"], "Transactions must be one REFUND transaction");
    const parent = order.transactions.find((x) => x.id === t.parentId);
    if (parent?.status !== "SUCCESS" || !["SALE", "CAPTURE"].includes(parent.kind))
      return refused(["transactions", "0", "parentId"], "Parent transaction does not exist");
    if (t.gateway !== parent.gateway)
      return refused(["transactions", "0", "gateway"], `Gateway must be ${parent.gateway}`);
    // RefundInput.currency must be the presentment currency; required when it is not the shop's.
    const currency = order.presentmentCurrencyCode ?? order.currencyCode;
    if (input.currency !== undefined ? input.currency !== currency : currency !== order.currencyCode)
      return refused(["currency"], `Currency must be the order's presentment currency ${currency}`);
    const amount = parseMoney(String(t.amount ?? ""), currency);
    const paid = parseMoney(
      (parent.amountSet.presentmentMoney ?? parent.amountSet.shopMoney).amount,
      currency,
    );
    if (!amount.ok || !paid.ok || amount.value.amount <= 0)
      return refused(["transactions", "0", "amount"], "Amount is invalid");
    const done = this.list
      .filter((r) => r.parentId === parent.id && !["FAILURE", "ERROR"].includes(r.status))
      .reduce((n, r) => n + r.amount, 0);
    const left = paid.value.amount - done;
    if (amount.value.amount > left)
      return refused(
        ["transactions", "0", "amount"],
        `Refund amount ${formatMoney(amount.value)} is greater than net payment received ${formatMoney({ amount: left, currency })}`,
      );
    const refund: FakeRefund = {
      id: `gid://shopify/Refund/${900_000 + ++this.seq}`,
      orderId: order.id,
      note: input.note ?? null,
      parentId: parent.id,
      gateway: parent.gateway ?? "",
      amount: amount.value.amount,
      currency,
      key,
      status: this.pendNext ? "PENDING" : "SUCCESS",
      errorCode: null,
    };
    this.pendNext = false;
    this.list.push(refund);
    return { refund: this.view(refund), order: { id: order.id }, userErrors: [] };
  }
}
