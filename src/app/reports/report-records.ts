import type { RateDimension, StepTime, UnitCount } from "../../domain/reports/report-figures.ts";
import type { SettlementMethod } from "../ports.ts";

/** What every figure of the dashboard is limited to: the tenant always, a vendor and a market if given. */
export interface ReportScope {
  readonly merchantId: string;
  /** A vendor account sees its own vendor only; managers may narrow to one. */
  readonly vendor: string | null;
  /** The order's shipping country. */
  readonly market: string | null;
  /** The period: [from, to). */
  readonly from: Date;
  readonly to: Date;
}

/** Refunds of one currency and method in minor units: what has been paid, and what is on its way. */
export interface RefundTotal {
  readonly currency: string;
  readonly method: SettlementMethod;
  readonly refundedMinor: number;
  readonly refundedCount: number;
  readonly inProgressMinor: number;
  readonly inProgressCount: number;
}

export interface ReportRepo {
  /** Units of order lines of orders placed in the period, per key of the dimension (not `reason`). */
  orderedUnits(scope: ReportScope, by: Exclude<RateDimension, "reason">): Promise<UnitCount[]>;
  /** Every unit ordered in the period. */
  totalOrderedUnits(scope: ReportScope): Promise<number>;
  /** Units asked back (requested − rejected; cancelled and expired cases not counted) of those orders. */
  returnedUnits(scope: ReportScope, by: RateDimension): Promise<UnitCount[]>;
  /** Refund settlements created in the period (payment requests are not refunds). */
  refundTotals(scope: ReportScope): Promise<RefundTotal[]>;
  /** p50/p90 of each step of cases opened in the period. */
  stepTimes(scope: ReportScope): Promise<StepTime[]>;
}
