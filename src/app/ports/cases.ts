import type { CaseStatus } from "../../domain/case-status.ts";
import type { CaseEvent, ReturnCase } from "../../domain/return-case.ts";
import type { Resolution, ReturnReason } from "../../domain/return-reasons.ts";
import type { Customer } from "./customers.ts";

export interface CaseListQuery {
  readonly statuses?: readonly CaseStatus[];
  /** Cursor: the last case id of the previous page (in the chosen sort order). */
  readonly before?: string;
  readonly sort?: "newest" | "oldest";
  readonly limit: number;
  readonly customerId?: string;
  readonly orderId?: string;
  readonly vendor?: string;
  /** The order's shipping country (ISO 3166-1 alpha-2). */
  readonly market?: string;
  /** Any line with this reason. */
  readonly reason?: ReturnReason;
  readonly resolution?: Resolution;
  /** Open cases whose statutory refund deadline is on or before this local date. */
  readonly refundDueOnOrBefore?: string;
  readonly refundDueOnOrAfter?: string;
  readonly refundDueBefore?: string;
}

export interface StoredEvent extends CaseEvent {
  readonly id: number;
  readonly seq: number;
  readonly caseId: string;
}

/** A case with its customer (null: none on record). */
export interface CaseWithCustomer {
  readonly case: ReturnCase;
  readonly customer: Customer | null;
}

export interface CaseRepo {
  load(merchantId: string, id: string): Promise<ReturnCase | null>;
  /**
   * Cases of the merchant with their customers (null: none on record), in one read, by case id (unknown
   * ids left out): what e-mails about them need.
   */
  loadWithCustomers(merchantId: string, ids: readonly string[]): Promise<Map<string, CaseWithCustomer>>;
  insert(c: ReturnCase, events: readonly CaseEvent[]): Promise<void>;
  /** Writes the case if its stored version is still `expectedVersion`; false when someone else won. */
  update(c: ReturnCase, expectedVersion: number, events: readonly CaseEvent[]): Promise<boolean>;
  list(merchantId: string, q: CaseListQuery): Promise<ReturnCase[]>;
  events(merchantId: string, caseId: string): Promise<StoredEvent[]>;
  /** Per order line id: units held by the order's cases other than `exceptCaseId` (invariant 1). */
  heldByOrder(merchantId: string, orderId: string, exceptCaseId: string | null): Promise<Map<string, number>>;
  /** Appends events that do not change the case itself (money and logistics records). */
  append(c: Pick<ReturnCase, "id" | "merchantId">, events: readonly CaseEvent[]): Promise<void>;
  /**
   * Locks the merchant's case row until the transaction ends (appends are numbered in turn; an append
   * to it in this transaction then takes no lock of its own) and answers what an event about it
   * needs; null when there is no such case.
   */
  lockForEvents(
    merchantId: string,
    id: string,
  ): Promise<Pick<ReturnCase, "id" | "merchantId" | "status"> | null>;
  nextNumber(merchantId: string): Promise<number>;
  recordReceipts(rows: readonly ReceiptRow[]): Promise<void>;
  recordInspections(rows: readonly InspectionRow[]): Promise<void>;
}

export interface ReceiptRow {
  readonly id: string;
  readonly caseId: string;
  readonly lineId: string | null;
  readonly locationId: string | null;
  readonly quantity: number;
  readonly exception: string | null;
  readonly note: string | null;
  readonly at: Date;
  readonly actorId: string;
}

export interface InspectionRow {
  readonly id: string;
  readonly caseId: string;
  readonly lineId: string;
  readonly quantity: number;
  readonly outcome: string;
  readonly condition: string;
  readonly disposition: string;
  readonly note: string | null;
  readonly at: Date;
  readonly actorId: string;
}
