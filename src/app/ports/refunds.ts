import type { PriorRefunds, RefundCalculation } from "../../domain/refund/refund-calculation.ts";

export interface RefundRepo {
  insert(merchantId: string, calc: RefundCalculation, actorId: string): Promise<void>;
  byCase(merchantId: string, caseId: string): Promise<RefundCalculation[]>;
  get(merchantId: string, id: string): Promise<RefundCalculation | null>;
  /**
   * What the order's cases were refunded before, how many calculations `caseId` has (its next version
   * - 1), and, in the same read, what settlements not failed or cancelled took from each of
   * `tenderIds` (SettlementRepo.refundedByTender): a refund's plan reads both.
   */
  history(
    merchantId: string,
    orderId: string,
    caseId: string,
    currency: string,
    tenderIds: readonly string[],
  ): Promise<RefundHistory>;
}

/** What an order's refunds so far leave for the next one (RefundRepo.history). */
export interface RefundHistory {
  readonly prior: PriorRefunds & { readonly caseVersions: number };
  readonly refundedByTender: Map<string, number>;
}

export interface CreditNoteRecord {
  readonly id: string;
  readonly merchantId: string;
  readonly legalEntityId: string;
  readonly number: string;
  readonly caseId: string;
  readonly calculationId: string;
  readonly document: Readonly<Record<string, unknown>>;
  readonly issuedAt: Date;
}

export interface CreditNoteRepo {
  /** Takes the next number of the legal entity's year in this transaction (gapless: a rollback returns it). */
  nextSequence(legalEntityId: string, year: number): Promise<number>;
  insert(note: CreditNoteRecord & { readonly year: number; readonly sequence: number }): Promise<void>;
  get(merchantId: string, id: string): Promise<CreditNoteRecord | null>;
  byCase(merchantId: string, caseId: string): Promise<CreditNoteRecord[]>;
  list(merchantId: string, limit: number, caseId?: string): Promise<CreditNoteRecord[]>;
}
