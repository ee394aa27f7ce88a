import type { Money } from "../shared/i18n/format.ts";

/** The portal API's answers (see /api/docs, tag "portal"). */

export type WhyNot = { readonly code: string; readonly [k: string]: unknown };
export interface Basis {
  readonly track: string;
  readonly returnBy: string | null;
  readonly latestReturnBy: string | null;
  readonly citation: string;
  readonly jurisdiction: string;
}
export interface Explanation {
  readonly basis: Basis | null;
  readonly whyNot: readonly WhyNot[];
}

export interface OrderLine {
  readonly externalId: string;
  readonly sku: string;
  readonly title: string;
  readonly quantity: number;
  readonly returnable: number;
  readonly unitPaid: Money | null;
  readonly reasons: readonly string[];
  readonly photosRequiredFor: readonly string[];
  readonly exchangeable: boolean;
  readonly changeOfMind: Explanation | null;
}

export interface CaseSummary {
  readonly id: string;
  readonly number: string;
  readonly status: string;
  readonly createdAt: string;
  readonly withdrawal: boolean;
}

export interface PortalOrder {
  readonly locale: string;
  readonly gift: boolean;
  readonly order: {
    readonly number: string;
    readonly placedAt: string;
    readonly currency: string;
    readonly country: string;
    readonly timeZone: string | null;
    readonly paidByBankTransfer: boolean;
  };
  readonly withdrawalFunction: boolean;
  readonly lines: readonly OrderLine[];
  readonly cases: readonly CaseSummary[];
}

export interface PreviewLine extends Explanation {
  readonly orderLineExternalId: string;
  readonly quantity: number;
  readonly eligible: boolean;
  readonly track: string | null;
  readonly returnBy: string | null;
  readonly resolutions: readonly string[];
  readonly returnShippingPaidBy: "customer" | "merchant" | null;
}

export interface Preview {
  readonly eligible: boolean;
  readonly lines: readonly PreviewLine[];
  readonly refundTrigger: string;
  readonly refund: {
    readonly currency: string;
    readonly total: string;
    readonly byDestination: Record<string, string>;
    readonly lines: readonly {
      type: string;
      amount: string;
      destination: string;
      orderLineExternalId: string | null;
    }[];
  } | null;
  readonly timing: readonly { method: string; trigger: string; expectedBy: string }[];
  readonly refundDeadline: { dueBy?: string; citation?: string } | null;
  readonly replacement: { sku: string; title: string; quantity: number; unitPrice: Money | null } | null;
  /** Lines of several sellers: the return each would get (null: one seller). */
  readonly split: {
    readonly cases: readonly {
      vendor: string | null;
      vendorName: string | null;
      eligible: boolean;
      lines: readonly { orderLineExternalId: string; quantity: number }[];
      refund: { currency: string; total: string } | null;
    }[];
  } | null;
}

export interface Variant {
  readonly sku: string;
  readonly title: string;
  readonly options: Record<string, string>;
  readonly price: Money | null;
  readonly inStock: boolean;
}

export interface CaseView extends Omit<CaseSummary, "withdrawal"> {
  readonly locale: string;
  readonly returnRequired: boolean;
  readonly requestedResolution: string;
  readonly shipBy: string | null;
  readonly refundDeadline: { dueBy?: string; citation?: string } | null;
  readonly timeline: readonly { key: string; state: string; at: string | null; expectedBy: string | null }[];
  readonly lines: readonly { id: string; title: string; reason: string; quantity: number; photos: number }[];
  readonly instructions: {
    reference: string;
    address: Record<string, string> | null;
    labels: readonly { kind: string; url: string }[];
  } | null;
  readonly tracking: { carrier: string | null; trackingNumber: string } | null;
  readonly withdrawal: {
    declaredAt: string;
    orderExternalId: string;
    consumer: { name: string; email: string };
    lines: readonly { title: string; quantity: number }[];
  } | null;
  readonly giftRecipient: { email: string } | null;
  readonly replacement: { sku: string; title: string; quantity: number } | null;
  readonly settlements: readonly {
    id: string;
    method: string;
    status: string;
    amount: string | null;
    currency: string;
    needsBankAccount: boolean;
  }[];
  readonly canCancel: boolean;
  readonly canAddTracking: boolean;
  readonly vendorName: string | null;
  /** The returns this one was split into, one per seller (null: not split). */
  readonly group: {
    readonly id: string;
    readonly cases: readonly GroupCase[];
  } | null;
}

export interface GroupCase {
  readonly id: string;
  readonly number: string;
  readonly status: string;
  readonly vendorName: string | null;
  readonly current: boolean;
  readonly lines: readonly { title: string; quantity: number }[];
  readonly address: Record<string, string> | null;
  readonly refund: { amount: string; currency: string; paid: boolean } | null;
}

/** What the shopper chose so far (kept in sessionStorage so a reload keeps it). */
export interface Draft {
  readonly lines: Record<
    string,
    { selected: boolean; quantity: number; reason: string; comment: string; photoIds: string[] }
  >;
  readonly resolution: string;
  readonly replacementSku: string | null;
}

/** The returns assistant's answer (POST …/assistant). */
export interface AssistantReply {
  readonly intent: string;
  readonly locale: string;
  readonly answer: string;
  readonly handover: boolean;
  readonly phrasing: "deterministic" | "llm";
  readonly facts: readonly {
    readonly kind: string;
    readonly text: string;
    readonly citation?: string;
    readonly caseFact?: string;
  }[];
}
