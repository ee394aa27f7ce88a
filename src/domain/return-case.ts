import type { Actor } from "./actor.ts";
import { type CaseStatus, RELEASING_STATUSES } from "./case-status.ts";
import type { Money } from "./money.ts";
import type { WithdrawalDeclaration } from "./portal/withdrawal-function.ts";
import type { ExpressAgreement } from "./refund/store-credit-agreement.ts";
import type {
  ConditionGrade,
  Disposition,
  ReceiptException,
  Resolution,
  ReturnReason,
} from "./return-reasons.ts";

/** Quantity counters of one return line (domain-model invariant 2 ties them together). */
export interface LineCounters {
  readonly requested: number;
  readonly approved: number;
  readonly rejected: number;
  readonly shipped: number;
  readonly received: number;
  readonly accepted: number;
  readonly refused: number;
  readonly lost: number;
  readonly resolved: number;
  /** Units whose money has been calculated and sent to settlement (may precede resolution). */
  readonly refunded: number;
}

export const NO_COUNTS: LineCounters = {
  requested: 0,
  approved: 0,
  rejected: 0,
  shipped: 0,
  received: 0,
  accepted: 0,
  refused: 0,
  lost: 0,
  resolved: 0,
  refunded: 0,
};

export interface CaseLine {
  readonly id: string;
  readonly orderLineId: string;
  readonly orderLineExternalId: string;
  readonly sku: string;
  readonly title: string;
  /** Snapshot of what was bought: price per unit and what the whole order line paid. */
  readonly unitPrice: Money;
  readonly reason: ReturnReason;
  readonly comment: string | null;
  readonly resolution: Resolution;
  readonly counts: LineCounters;
}

export interface Override {
  readonly actor: Actor;
  readonly at: Date;
  readonly rule: string;
  readonly reason: string;
}

/** What a shopper chose in the returns portal, kept with the case for the refund to honour. */
export interface PortalDetails {
  /** Gift returns: store credit goes to the recipient, who never sees prices. */
  readonly giftRecipient?: {
    readonly email: string;
    readonly name: string | null;
    readonly customerId: string;
  } | null;
  /** Exchanges: the variant the shopper picked, at its current price. */
  readonly replacement?: {
    readonly sku: string;
    readonly title: string;
    readonly unitPrice: Money;
    readonly quantity: number;
  } | null;
  /** The EU withdrawal declaration and the time it was received. */
  readonly withdrawal?: WithdrawalDeclaration | null;
  /** Bank-transfer refunds: the account the shopper gave (checked; attached to the payout when it is due). */
  readonly payoutAccount?: Readonly<Record<string, unknown>> | null;
  /** Carrier and tracking number the shopper entered. */
  readonly tracking?: {
    readonly carrier: string | null;
    readonly trackingNumber: string;
    readonly at: string;
  } | null;
}

/** The frozen decision made when the case was opened. Never changes after creation (invariant 6). */
export type FrozenDecision = Readonly<Record<string, unknown>>;

export type CaseSource = "api" | "portal" | "agent" | "import";

export interface ReturnCase {
  readonly id: string;
  readonly merchantId: string;
  readonly number: string;
  readonly orderId: string;
  readonly orderExternalId: string;
  readonly customerId: string;
  readonly vendor: string | null;
  /** Shared by the cases one return was split into, one per vendor (null: a case of its own). */
  readonly groupId?: string | null;
  readonly currency: string;
  readonly locale: string;
  readonly source: CaseSource;
  readonly status: CaseStatus;
  readonly requestedResolution: Resolution;
  /** False when nothing has to come back (keep it, or a claim settled without the goods). */
  readonly returnRequired: boolean;
  readonly decision: FrozenDecision;
  readonly overrides: readonly Override[];
  /** What the shopper expressly agreed to (store credit instead of the original payment on a withdrawal). */
  readonly expressAgreements: readonly ExpressAgreement[];
  readonly shipBy: Date | null;
  /** The statutory refund deadline, when the law sets one (frozen at creation). */
  readonly refundDeadline?: Readonly<Record<string, unknown>> | null;
  /** What the shopper gave in the returns portal (null for cases opened through the API). */
  readonly portal?: PortalDetails | null;
  readonly version: number;
  readonly createdAt: Date;
  readonly updatedAt: Date;
  readonly lines: readonly CaseLine[];
}

export interface LineQuantity {
  readonly lineId: string;
  readonly quantity: number;
}

export interface InspectionInput {
  readonly lineId: string;
  readonly quantity: number;
  readonly outcome: "accepted" | "refused";
  readonly condition: ConditionGrade;
  readonly disposition?: Disposition;
  readonly note?: string;
}

export interface ReceiptExceptionInput {
  readonly kind: ReceiptException;
  readonly lineId?: string;
  readonly quantity: number;
  readonly note?: string;
}

export interface LineResolution {
  readonly lineId: string;
  readonly quantity: number;
  readonly resolution: Resolution;
}

export type CaseCommand =
  | {
      readonly type: "approve";
      readonly lines?: readonly LineQuantity[];
      readonly returnRequired?: boolean;
      readonly shipBy: Date | null;
      /** Per order line: how many units this case may still hold (delivered minus other cases). */
      readonly available: ReadonlyMap<string, number>;
    }
  | { readonly type: "reject" }
  | { readonly type: "review" }
  | { readonly type: "cancel" }
  | {
      readonly type: "ship";
      readonly lines?: readonly LineQuantity[];
      readonly carrier?: string;
      readonly trackingNumber?: string;
    }
  | {
      readonly type: "receive";
      readonly locationId?: string | null;
      readonly lines: readonly LineQuantity[];
      readonly exceptions?: readonly ReceiptExceptionInput[];
    }
  | { readonly type: "inspect"; readonly lines: readonly InspectionInput[] }
  | { readonly type: "resolve"; readonly lines?: readonly LineResolution[] }
  | { readonly type: "close" }
  | { readonly type: "expire" };

export type CaseEventType =
  | "return.requested"
  | "return.approved"
  | "return.rejected"
  | "return.review_requested"
  | "return.cancelled"
  | "return.shipped"
  | "return.received"
  | "return.inspected"
  | "return.resolved"
  | "return.closed"
  | "return.expired"
  | "return.overridden"
  | "return.withdrawal_declared"
  | "return.tracking_added"
  | "return.store_credit_agreed"
  | "return.note_added"
  | "return.personal_data_erased"
  | "return.photo_added"
  | "inventory.adjusted"
  | "settlement.succeeded"
  | "settlement.failed"
  | "settlement.requires_action"
  | "settlement.needs_review"
  | "refund.issued"
  | "return.routed"
  | "shipment.requested"
  | "shipment.label_created"
  | "shipment.failed"
  | "shipment.voided"
  | "shipment.expired"
  | "shipment.in_transit"
  | "shipment.delivered"
  | "shipment.exception"
  | "case.delayed"
  | "hub.parcel_registered"
  | "hub.shortage"
  | "duty.recoverable";

/** Append-only record of a change: the audit trail and the source of webhooks. */
export interface CaseEvent {
  readonly type: CaseEventType;
  readonly actor: Actor;
  readonly at: Date;
  readonly reason: string | null;
  readonly fromStatus: CaseStatus | null;
  readonly toStatus: CaseStatus;
  readonly data: Readonly<Record<string, unknown>>;
}

export interface CommandMeta {
  readonly actor: Actor;
  readonly at: Date;
  readonly reason?: string | null;
}

/** How many units of a case line still hold quantity of the order (invariant 1). */
export function heldQuantity(status: CaseStatus, line: Pick<CaseLine, "counts">): number {
  if (RELEASING_STATUSES.includes(status)) return 0;
  const c = line.counts;
  return c.approved + c.rejected === c.requested ? c.approved : c.requested;
}
