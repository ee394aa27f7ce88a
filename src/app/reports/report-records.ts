import type { RateDimension, StepTime, UnitCount } from "../../domain/reports/report-figures.ts";
import type { SettlementMethod } from "../ports/index.ts";

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
  /** By vendor only: the vendor liable for the refund (the case's), null for the merchant's own goods. */
  readonly vendor?: string | null;
  readonly currency: string;
  readonly method: SettlementMethod;
  readonly refundedMinor: number;
  readonly refundedCount: number;
  readonly inProgressMinor: number;
  readonly inProgressCount: number;
}

/** Return-label costs the merchant paid, per currency and carrier. */
export interface CostTotal {
  readonly currency: string;
  readonly carrier: string | null;
  readonly costMinor: number;
  readonly labels: number;
}

export const SURVEY_GROUPS = ["market", "vendor", "reason", "category"] as const;
export type SurveyGroup = (typeof SURVEY_GROUPS)[number];

/** How many answers gave each score (1–5), per key of the grouping. */
export interface SurveyScoreCount {
  readonly key: string | null;
  readonly score: number;
  readonly answers: number;
}

/** The writer side: rollups kept up from changed orders and cases, and the event partitions. */
export interface RollupRepo {
  /**
   * Counts up to `limit` changed orders and queued case changes (how many of each); null when another
   * process is counting now.
   */
  rollUp(limit: number): Promise<{ orders: number; cases: number } | null>;
  /** Recounts a merchant (or every one) from scratch; the number of rollup rows. */
  rebuild(merchantId: string | null): Promise<number>;
  /**
   * Cheap check for a report request: how many changes wait to be counted (orders and cases, each
   * counted only up to `limit + 1`) and when the oldest of them was made.
   */
  pending(limit: number): Promise<{ changes: number; oldest: Date | null }>;
  /** What is not counted yet, and the age of its oldest change. */
  backlog(now: Date): Promise<{ cases: number; orders: number; lagSeconds: number }>;
  /**
   * After a rebuild (outside any transaction): reclaims the rows it replaced and refreshes the
   * planner's statistics of the tables it rewrote, so reports do not wade through them.
   */
  tidyAfterRebuild(): Promise<void>;
  /** Queues a case to be counted again (a change that appends no event, e.g. a survey answer). */
  recount(merchantId: string, caseId: string, at: Date): Promise<void>;
  /** Creates the monthly partitions of case events from `from` on; how many were new. */
  ensurePartitions(from: Date, months: number): Promise<number>;
}

export interface ReportRepo extends RollupRepo {
  /** Units of order lines of orders placed in the period, per key of the dimension (not `reason`). */
  orderedUnits(scope: ReportScope, by: Exclude<RateDimension, "reason">): Promise<UnitCount[]>;
  /** Every unit ordered in the period. */
  totalOrderedUnits(scope: ReportScope): Promise<number>;
  /** Units asked back (requested − rejected; cancelled and expired cases not counted) of those orders. */
  returnedUnits(scope: ReportScope, by: RateDimension): Promise<UnitCount[]>;
  /** Refund settlements created in the period (payment requests are not refunds). */
  refundTotals(scope: ReportScope): Promise<RefundTotal[]>;
  /** The same per liable vendor (the case's vendor). */
  refundTotalsByVendor(scope: ReportScope): Promise<RefundTotal[]>;
  /** p50/p90 of each step of cases opened in the period. */
  stepTimes(scope: ReportScope): Promise<StepTime[]>;
  /** Return labels bought in the period. */
  costTotals(scope: ReportScope): Promise<CostTotal[]>;
  /** Survey answers given in the period, per score and key. */
  surveyScores(scope: ReportScope, by: SurveyGroup): Promise<SurveyScoreCount[]>;
}
