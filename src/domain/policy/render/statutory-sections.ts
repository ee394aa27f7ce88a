/** The statutory sections: the withdrawal (change-of-mind) right and the legal guarantee, each sentence cited. */
import { statutoryPackById } from "../../statutory/pack-loader.ts";
import { citationOf } from "../../statutory/rule-refs.ts";
import { CONDITION_KEYS, type ConditionKey, REMEDIES, type Remedy } from "./messages/messages.ts";
import { statutoryRefund, triggerOf } from "./refund-sections.ts";
import {
  type RenderContext,
  type RenderedSection,
  type SectionBuilder,
  sectionBuilder,
} from "./render-context.ts";

const isConditionKey = (k: string): k is ConditionKey => CONDITION_KEYS.some((c) => c === k);
const remedyOf = (r: string): Remedy => REMEDIES.find((x) => x === r) ?? "other";

export function statutoryRightsSection(ctx: RenderContext): RenderedSection {
  const { m, rights, pack, policy } = ctx;
  const s = sectionBuilder(m, "statutory_rights");
  if (!policy) s.say(m.noPolicy);
  s.say(m.applicableLaw(ctx.place));
  const w = rights.withdrawal;

  // A state or provincial rule over a country without a general right (US-CA over US).
  const parentId = pack.chain[pack.chain.length - 2];
  const parent = parentId ? statutoryPackById(parentId) : undefined;
  if (parent?.withdrawal.right.availability === "none" && w.availability !== "none") {
    s.cite(m.noNationalRight, [citationOf(parent.withdrawal.right)]);
  }
  const p = w.period;
  if (w.availability === "none" || !p) {
    s.cite(m.noRight, [w.rule]);
    if (policy) s.say(m.changeOfMindByPolicy);
    return s.build();
  }
  const period = m.days(p.days, p.dayKind);
  if (w.availability === "always") {
    s.cite(m.rightAlways(period), [w.rule, p.rule]);
  } else if (w.availability === "if_no_policy_posted") {
    s.cite(m.rightIfNoPolicy(period), [w.rule, p.rule]);
    // The posted policy replaces the default: its details do not apply.
    if (policy) {
      s.cite(m.defaultReplaced, [w.rule]);
      return s.build();
    }
    s.cite(m.defaultApplies, [w.rule]);
  } else {
    s.cite(m.rightIfNotDisclosed(period), [w.rule, p.rule]);
  }
  withdrawalDetails(ctx, s);
  return s.build();
}

function withdrawalDetails(ctx: RenderContext, s: SectionBuilder): void {
  const { m, fmt, rights, pack } = ctx;
  const w = rights.withdrawal;
  const pw = pack.withdrawal;
  if (w.period) s.cite(m.periodStart(w.period.start, w.period.countFrom), [w.period.rule]);
  if (pw.beforeStart?.allowed) s.cite(m.beforeStart, [citationOf(pw.beforeStart)]);
  if (w.rollForward) s.cite(m.rollForward(w.rollForward.enabled), [w.rollForward.rule]);
  if (pw.deadlineMetBy?.metBy) s.cite(m.metBy[pw.deadlineMetBy.metBy], [citationOf(pw.deadlineMetBy)]);

  const ni = w.notInformed;
  if (ni && ni.kind !== "none") {
    if (ni.kind === "period_not_started") s.cite(m.notInformedNotStarted, [ni.rule]);
    else if (ni.amount !== null) {
      const d = ni.kind === "days_after_start" ? m.days(ni.amount, "calendar") : m.months(ni.amount);
      s.cite(m.notInformed(ni.kind, d), [ni.rule]);
    }
    if (ni.lateInformationDays !== null) {
      s.cite(m.lateInformation(m.days(ni.lateInformationDays, "calendar")), [ni.rule]);
    }
  }
  const back = w.consumerReturn;
  if (back && back.days !== null) s.cite(m.sendBackWithin(m.days(back.days, "calendar")), [back.rule]);
  if (w.returnCost) s.cite(m.withdrawalReturnCost[w.returnCost.paidBy], [w.returnCost.rule]);
  statutoryRefund(ctx, s, true);

  const blocked = w.exceptions.filter((e) => e.effect === "blocks");
  const sealed = w.exceptions.filter((e) => e.effect === "must_be_sealed");
  const labels = (es: typeof blocked) =>
    fmt.list(
      es.map((e) => m.flags[e.attribute]),
      "and",
    );
  if (blocked.length > 0)
    s.cite(
      m.lawExcludes(labels(blocked)),
      blocked.map((e) => e.rule),
    );
  if (sealed.length > 0)
    s.cite(
      m.sealedOnly(labels(sealed)),
      sealed.map((e) => e.rule),
    );
  for (const [key, rule] of Object.entries(pw.conditions)) {
    s.cite(isConditionKey(key) ? m.conditions[key] : rule.message, [citationOf(rule)]);
  }
}

export function legalGuaranteeSection(ctx: RenderContext): RenderedSection {
  const { m, rights, pack } = ctx;
  const s = sectionBuilder(m, "legal_guarantee");
  const g = rights.guarantee;
  const amount = g.period.amount;
  const duration =
    g.period.kind === "no_fixed_period" || amount === null
      ? null
      : g.period.kind === "days"
        ? m.days(amount, "calendar")
        : amount % 12 === 0
          ? m.years(amount / 12)
          : m.months(amount);
  s.cite(m.guaranteePeriod(duration), [g.period.rule]);
  const st = g.shortTermReject;
  if (st) {
    const d = st.unit === "months" ? m.months(st.amount) : m.days(st.amount, "calendar");
    if (st.remedy === "refund") s.cite(m.shortTermReject(d), [st.rule]);
    else s.cite(`${m.shortTermOther(d)} ${m.remedies[remedyOf(st.remedy)]}`, [st.rule]);
  }
  s.cite(m.remedies[remedyOf(g.remedy.remedy)], [g.remedy.rule]);
  s.cite(m.guaranteeReturnCost[g.returnCostPaidBy], [citationOf(pack.guarantee.returnCost)]);
  const r = g.refund;
  if (r && r.deadlineDays !== null) {
    const period = r.deadlineDays === 0 ? null : m.days(r.deadlineDays, r.deadlineDayKind ?? "calendar");
    s.cite(m.guaranteeRefund(period, m.triggers[triggerOf(r.deadlineTrigger)]), [r.rule]);
  }
  return s.build();
}
