import type { Order } from "../../domain/order.ts";
import type { OrderDraft } from "../../domain/order-draft.ts";
import type { IdSource } from "./clock.ts";

export interface OrderRepo {
  /** Locks the order row until the transaction ends: cases of one order are decided one at a time (invariant 1). */
  lock(merchantId: string, ref: { readonly externalId: string } | { readonly id: string }): Promise<boolean>;
  get(merchantId: string, externalId: string): Promise<Order | null>;
  getById(merchantId: string, id: string): Promise<Order | null>;
  contentHash(merchantId: string, externalId: string): Promise<string | null>;
  /** Inserts or replaces the order and its children; keeps ids of lines, tenders and fulfilments it already had. */
  save(merchantId: string, draft: OrderDraft, hash: string, ids: IdSource, at: Date): Promise<string>;
  /** Per order line id, the highest quantity any return case has ever asked for (lines cannot shrink below it). */
  returnedLineQuantities(orderId: string): Promise<Map<string, number>>;
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
