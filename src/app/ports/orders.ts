import type { Order, Tender } from "../../domain/order.ts";
import type { OrderDraft } from "../../domain/order-draft.ts";
import type { ExtenuatingEvent } from "../../domain/policy/extenuating-event.ts";
import type { PriorRefunds } from "../../domain/refund/refund-calculation.ts";
import type { IdSource } from "./clock.ts";
import type { Merchant } from "./merchants.ts";
import type { StoredPolicy } from "./policies.ts";

export interface OrderRepo {
  /** Locks the order row until the transaction ends: cases of one order are decided one at a time (invariant 1). */
  lock(merchantId: string, ref: { readonly externalId: string } | { readonly id: string }): Promise<boolean>;
  get(merchantId: string, externalId: string): Promise<Order | null>;
  getById(merchantId: string, id: string): Promise<Order | null>;
  /** The order and the units its cases other than `exceptCaseId` hold, in one read (an approval's). */
  withHeld(
    merchantId: string,
    id: string,
    exceptCaseId: string,
  ): Promise<{ readonly order: Order; readonly held: Map<string, number> } | null>;
  /**
   * One tender of the order (null: none with that id, or no id) and when the order was placed: a
   * settlement reads nothing else of it. Null when there is no such order.
   */
  tender(merchantId: string, orderId: string, tenderId: string | null): Promise<OrderTender | null>;
  /** The order with everything a return decision reads, in one round trip (null: no such order). */
  forReturn(merchantId: string, externalId: string): Promise<ReturnInputs | null>;
  /** `forReturn` and, in the same statement, what the order's cases were refunded before (a preview). */
  forPreview(
    merchantId: string,
    externalId: string,
  ): Promise<(ReturnInputs & { readonly prior: PriorRefunds }) | null>;
  /**
   * `forReturn` and the merchant's next case number, taken in the same statement (outside any
   * transaction: the number is taken whether or not a case is opened; numbers may have gaps).
   */
  forNewReturn(merchantId: string, externalId: string): Promise<(ReturnInputs & { number: number }) | null>;
  /** The order's cancellation and held units, in one round trip (read again under the order's lock). */
  returnState(merchantId: string, orderId: string): Promise<ReturnState>;
  contentHash(merchantId: string, externalId: string): Promise<string | null>;
  /** Inserts or replaces the order and its children; keeps ids of lines, tenders and fulfilments it already had. */
  save(merchantId: string, draft: OrderDraft, hash: string, ids: IdSource, at: Date): Promise<string>;
  /** Per order line id, the highest quantity any return case has ever asked for (lines cannot shrink below it). */
  returnedLineQuantities(merchantId: string, orderId: string): Promise<Map<string, number>>;
}

export interface OrderTender {
  readonly tender: Tender | null;
  readonly placedAt: Date;
}

export interface OrderCancellation {
  readonly decision: unknown;
  readonly reason: string | null;
  readonly cancelledAt: Date;
  readonly actorId: string;
}

export interface CancellationRepo {
  /** False when the order was already cancelled. */
  insert(merchantId: string, orderId: string, c: OrderCancellation): Promise<boolean>;
  get(merchantId: string, orderId: string): Promise<OrderCancellation | null>;
}

/** What the policy engine needs to judge a return of one order (OrderRepo.forReturn). */
export interface ReturnInputs extends ReturnState {
  readonly order: Order;
  readonly merchant: Merchant | null;
  /** The latest version of each of the merchant's policies, as stored. */
  readonly policies: readonly StoredPolicy[];
  readonly events: readonly ExtenuatingEvent[];
}

/** Whether an order is cancelled, and per order line id the units its return cases hold. */
export interface ReturnState {
  readonly cancelled: boolean;
  readonly held: Map<string, number>;
}
