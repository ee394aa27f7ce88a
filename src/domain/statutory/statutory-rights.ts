/**
 * The statutory rights of a jurisdiction as structured data, for rendering the human-readable
 * policy ("your legal rights in Germany"). A projection of the effective pack, cached per pack.
 */

import { statutoryPackFor } from "./pack-loader.ts";
import {
  type EffectivePack,
  EXCEPTION_ATTRIBUTES,
  type ExceptionAttribute,
  type RuleRef,
} from "./pack-schema.ts";
import { citationOf } from "./rule-refs.ts";
import type { RefundTerms, RuleCitation } from "./statutory-facts.ts";

type W = EffectivePack["withdrawal"];
type Cited<T> = T & { readonly rule: RuleCitation; readonly note: string | null };

function cited<T extends object>(rule: RuleRef, value: T): Cited<T> {
  return { ...value, rule: citationOf(rule), note: rule.note ?? null };
}

export interface StatutoryRights {
  readonly jurisdiction: string;
  readonly name: string;
  /** Packs merged, root first (e.g. ["EU", "DE"]). */
  readonly chain: readonly string[];
  readonly notes: readonly string[];
  readonly withdrawal: {
    readonly availability: W["right"]["availability"];
    readonly rule: RuleCitation;
    readonly period: Cited<Pick<NonNullable<W["period"]>, "days" | "dayKind" | "start" | "countFrom">> | null;
    readonly exerciseBeforeStart: boolean | null;
    readonly rollForward: Cited<{ enabled: boolean }> | null;
    readonly notInformed: Cited<
      Pick<NonNullable<W["notInformed"]>, "kind" | "amount" | "lateInformationDays">
    > | null;
    readonly deadlineMetBy: "dispatch" | "arrival" | null;
    readonly returnCost: Cited<{ paidBy: NonNullable<W["returnCost"]>["paidBy"] }> | null;
    readonly refund: Cited<RefundTerms & { outboundOnlyIfWholeOrder: boolean }> | null;
    readonly consumerReturn: Cited<{ days: number | null; trigger: string | null }> | null;
    readonly exceptions: readonly Cited<{ attribute: ExceptionAttribute; effect: string; message: string }>[];
    readonly conditions: readonly Cited<{ message: string }>[];
  };
  readonly guarantee: {
    readonly period: Cited<{ kind: EffectivePack["guarantee"]["period"]["kind"]; amount: number | null }>;
    readonly shortTermReject: Cited<{ amount: number; unit: "days" | "months"; remedy: string }> | null;
    readonly remedy: Cited<{ remedy: string }>;
    readonly returnCostPaidBy: "customer" | "merchant";
    readonly refund: Cited<RefundTerms> | null;
  };
}

const refundOf = (r: NonNullable<W["refund"]>) =>
  cited(r, {
    includesOutboundShipping: r.includesOutboundShipping,
    outboundOnlyIfWholeOrder: r.outboundOnlyIfWholeOrder,
    deadlineDays: r.deadlineDays,
    deadlineDayKind: r.deadlineDayKind,
    deadlineTrigger: r.deadlineTrigger,
    mayWithholdUntilGoodsOrProof: r.mayWithholdUntilGoodsOrProof,
  });

function withdrawalOf(w: W): StatutoryRights["withdrawal"] {
  const exceptions = EXCEPTION_ATTRIBUTES.flatMap((attribute) => {
    const ex = w.exceptions[attribute];
    return ex ? [cited(ex, { attribute, effect: ex.effect, message: ex.message })] : [];
  });
  const p = w.period;
  const ni = w.notInformed;
  return {
    availability: w.right.availability,
    rule: citationOf(w.right),
    period: p ? cited(p, { days: p.days, dayKind: p.dayKind, start: p.start, countFrom: p.countFrom }) : null,
    exerciseBeforeStart: w.beforeStart?.allowed ?? null,
    rollForward: w.rollForward ? cited(w.rollForward, { enabled: w.rollForward.enabled }) : null,
    notInformed: ni
      ? cited(ni, { kind: ni.kind, amount: ni.amount, lateInformationDays: ni.lateInformationDays })
      : null,
    deadlineMetBy: w.deadlineMetBy?.metBy ?? null,
    returnCost: w.returnCost ? cited(w.returnCost, { paidBy: w.returnCost.paidBy }) : null,
    refund: w.refund ? refundOf(w.refund) : null,
    consumerReturn: w.consumerReturn
      ? cited(w.consumerReturn, { days: w.consumerReturn.days, trigger: w.consumerReturn.trigger })
      : null,
    exceptions,
    conditions: Object.values(w.conditions).map((c) => cited(c, { message: c.message })),
  };
}

const cache = new Map<string, StatutoryRights>();

/** What the law gives a shopper at this address (withdrawal.availability "none": no such right). */
export function statutoryRightsOf(country: string, region: string | null): StatutoryRights {
  const pack = statutoryPackFor(country, region);
  let rights = cache.get(pack.id);
  if (!rights) {
    const g = pack.guarantee;
    const st = g.shortTermReject;
    rights = {
      jurisdiction: pack.id,
      name: pack.name,
      chain: pack.chain,
      notes: pack.notes,
      withdrawal: withdrawalOf(pack.withdrawal),
      guarantee: {
        period: cited(g.period, { kind: g.period.kind, amount: g.period.amount }),
        shortTermReject: st ? cited(st, { amount: st.amount, unit: st.unit, remedy: st.remedy }) : null,
        remedy: cited(g.remedy, { remedy: g.remedy.remedy }),
        returnCostPaidBy: g.returnCost.paidBy,
        refund: g.refund ? refundOf(g.refund) : null,
      },
    };
    cache.set(pack.id, rights);
  }
  return rights;
}
