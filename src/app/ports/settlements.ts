import type { Money } from "../../domain/money.ts";
import type { SettlementStatus } from "../../domain/settlement-status.ts";

export type { SettlementStatus };

export type SettlementMethod =
  | "original_payment"
  | "store_credit"
  | "bank_transfer"
  | "exchange"
  | "payment_request";

/** The settlement's value in the merchant's settlement currency, and the FX gain or loss since capture. */
export interface SettlementFx {
  readonly currency: string;
  readonly amount: number;
  readonly rate: string;
  readonly rateDate: string;
  readonly source: string;
  /** At the rate of the capture day: what the same money was worth then (null if no rate). */
  readonly amountAtCapture: number | null;
  /** amountAtCapture − amount: positive is a gain for the merchant (the refund costs less than it brought in). */
  readonly gainLoss: number | null;
}

export interface Settlement {
  readonly id: string;
  readonly merchantId: string;
  /** The return case it settles; null for the refund of a cancelled order. */
  readonly caseId: string | null;
  readonly orderId: string | null;
  readonly tenderId: string | null;
  readonly method: SettlementMethod;
  readonly gateway: string | null;
  readonly amount: Money;
  readonly status: SettlementStatus;
  readonly idempotencyKey: string;
  readonly providerReference: string | null;
  readonly failureReason: string | null;
  readonly attempts: number;
  readonly createdAt: Date;
  readonly updatedAt: Date;
  readonly calculationId?: string | null;
  readonly fx?: SettlementFx | null;
  readonly bankAccount?: Readonly<Record<string, unknown>> | null;
  readonly approvedBy?: string | null;
  readonly approvedAt?: Date | null;
  /** Four eyes: who gave the first of the two approvals a payout above the threshold needs. */
  readonly firstApprovedBy?: string | null;
  readonly firstApprovedAt?: Date | null;
  readonly exportedAt?: Date | null;
  readonly nextAttemptAt?: Date | null;
}

export interface FxReportRow {
  readonly currency: string;
  readonly settlementCurrency: string;
  readonly refunds: number;
  readonly refunded: number;
  readonly settlementValue: number;
  readonly valueAtCapture: number;
  readonly gainLoss: number;
  /** Settlements without a rate on record (import ECB rates to value them). */
  readonly unvalued: number;
}

/** What a state change may write: the status and the data that goes with it (never ids or amounts). */
export type SettlementChange = Partial<
  Pick<
    Settlement,
    | "status"
    | "providerReference"
    | "failureReason"
    | "fx"
    | "bankAccount"
    | "approvedBy"
    | "approvedAt"
    | "firstApprovedBy"
    | "firstApprovedAt"
    | "exportedAt"
    | "attempts"
  >
>;

export interface SettlementRepo {
  insert(s: Settlement): Promise<void>;
  /**
   * Compare-and-set: writes `change` only while the settlement is still in status `expected`
   * (`UPDATE … WHERE status = expected`); null when it moved meanwhile.
   */
  transition(
    id: string,
    expected: SettlementStatus,
    change: SettlementChange,
    at: Date,
  ): Promise<Settlement | null>;
  /**
   * Reads a settlement of any merchant and locks its row until the transaction ends (`SELECT … FOR
   * UPDATE`): for the worker and provider webhooks, which act for whichever merchant owns it. A use
   * case acting for one merchant compares `merchantId` (payouts.ts `onSettlement`).
   */
  lock(id: string): Promise<Settlement | null>;
  byCase(merchantId: string, caseId: string): Promise<Settlement[]>;
  /** One of the merchant's settlements; another merchant's id is not found. */
  get(merchantId: string, id: string): Promise<Settlement | null>;
  /**
   * Moves a pending provider refund (or one a crash left in processing since before `staleBefore`
   * with fewer than `maxAttempts` claims) to processing; null when another worker has it.
   */
  claim(id: string, at: Date, staleBefore: Date, maxAttempts: number): Promise<Settlement | null>;
  /** Provider refunds waiting for their call: pending, or processing since before `staleBefore`. */
  recoverable(staleBefore: Date, limit: number): Promise<Settlement[]>;
  /** When the earliest provider call in flight since `since` was claimed (null: none): when it goes stale. */
  earliestClaimSince(since: Date): Promise<Date | null>;
  /** Provider refunds in `status` not touched since `before` (the sweep's overdue list). */
  stuck(status: SettlementStatus, before: Date, limit: number): Promise<Settlement[]>;
  byProviderReference(gateway: string, reference: string): Promise<Settlement | null>;
  /** Succeeded refunds between two instants, summed per refund currency and settlement currency. */
  fxReport(merchantId: string, from: Date, to: Date): Promise<FxReportRow[]>;
  /** Bank-transfer settlements approved and not yet exported (for a SEPA file). */
  exportable(merchantId: string, currency: string): Promise<Settlement[]>;
  list(
    merchantId: string,
    q: { status?: SettlementStatus; method?: SettlementMethod; limit: number },
  ): Promise<Settlement[]>;
  /** Sum of non-failed, non-cancelled refunds per tender id. */
  refundedByTender(merchantId: string, tenderIds: readonly string[]): Promise<Map<string, number>>;
  /** Whether any settlement (of any status) exists for the order, and the tenders they point at. */
  ofOrder(
    merchantId: string,
    orderId: string,
  ): Promise<{ readonly any: boolean; readonly tenderIds: ReadonlySet<string> }>;
}
