/**
 * What the assistant knows when it answers: figures computed by the use cases (policy decision,
 * refund calculation, case state, lanes), never guessed. `answer.ts` words them; every fact shown to
 * the shopper carries the statute, policy rule or case field it comes from.
 */
import type { CaseStatus } from "../case-status.ts";
import type { ShipmentStatus } from "../logistics/shipment-status.ts";
import type { Money } from "../money.ts";
import type { RefundTrigger } from "../policy/return-policy.ts";
import type { Track } from "../statutory/statutory-facts.ts";
import type { Intent } from "./keywords.ts";

export interface LineFacts {
  readonly title: string;
  /** Units that can still come back (delivered, not in another return). */
  readonly returnable: number;
  readonly track: Track | null;
  readonly returnBy: string | null;
  /** The statute or policy rule behind the answer. */
  readonly citation: string | null;
  /** Why not, when it cannot come back: a `WhyNot` code and its date. */
  readonly whyNot: { readonly code: string; readonly date: string | null } | null;
}

export interface RefundPart {
  readonly method: string;
  readonly amount: Money;
  /** A local date the money is expected by; null once paid. */
  readonly expectedBy: string | null;
  readonly paid: boolean;
}

export interface ShipmentFacts {
  readonly status: ShipmentStatus;
  readonly carrier: string | null;
  readonly trackingNumber: string | null;
}

export interface CaseFacts {
  readonly number: string;
  readonly status: CaseStatus;
  readonly shipBy: string | null;
  readonly tracking: { readonly carrier: string | null; readonly number: string } | null;
  readonly shipments: readonly ShipmentFacts[];
}

export interface SendFacts {
  readonly country: string;
  readonly destination: { readonly name: string; readonly country: string } | null;
  readonly days: number | null;
  readonly customs: boolean;
  readonly labelCost: Money | null;
  /** Where the lane figures come from (reference row or merchant override). */
  readonly laneSource: string | null;
}

export interface FeeFacts {
  readonly type: string;
  readonly amount: Money;
  readonly ruleId: string;
}

export type AssistantFacts =
  | { readonly intent: "eligibility"; readonly lines: readonly LineFacts[] }
  | {
      readonly intent: "refund_timing";
      readonly caseNumber: string | null;
      readonly parts: readonly RefundPart[];
      readonly trigger: RefundTrigger | null;
      readonly deadline: { readonly dueBy: string; readonly citation: string } | null;
    }
  | { readonly intent: "status"; readonly case: CaseFacts | null }
  | { readonly intent: "send_from"; readonly send: SendFacts }
  | { readonly intent: "costs"; readonly fees: readonly FeeFacts[]; readonly policyRef: string | null }
  | { readonly intent: "human" | "unknown" };

/** One fact behind an answer: its words, and the statute/policy rule or the case field it rests on. */
export interface Fact {
  readonly kind: string;
  readonly text: string;
  readonly citation?: string;
  readonly caseFact?: string;
}

export interface AssistantAnswer {
  readonly intent: Intent;
  readonly answer: string;
  readonly facts: readonly Fact[];
  /** A colleague takes over (no confident answer, or the shopper asked for a human). */
  readonly handover: boolean;
}
