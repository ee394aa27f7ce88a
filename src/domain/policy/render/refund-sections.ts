/**
 * Refunds (merchant terms plus the statutory refund rules) and the cancellation schedule, worded as
 * the cancellation engine applies it: unshipped goods in full, bookings by tier counted back from
 * their start, nothing when no tier is met.
 */
import type { CancellationSchedule, ReturnPolicy } from "../return-policy.ts";
import type { OfferedResolution, StatutoryTrigger } from "./messages/messages.ts";
import {
  type RenderContext,
  type RenderedSection,
  type SectionBuilder,
  sectionBuilder,
} from "./render-context.ts";

/** The packs' free-form refund triggers, grouped by what the shopper can recognise. */
const TRIGGERS: Readonly<Record<string, StatutoryTrigger>> = {
  trader_informed_of_withdrawal: "notice_received",
  receipt_of_withdrawal_by_trader: "notice_received",
  receipt_of_withdrawal_declaration: "notice_received",
  receipt_of_withdrawal_statement: "notice_received",
  receipt_of_cancellation_notice: "notice_received",
  trader_informed_of_cancellation: "notice_received",
  cancellation: "withdrawal",
  date_of_cancellation: "withdrawal",
  retraction_notice: "withdrawal",
  withdrawal_exercised: "withdrawal",
  exercise_of_retracto: "withdrawal",
  receipt_of_returned_goods: "goods_received",
  trader_received_returned_item: "goods_received",
  goods_or_proof_of_return_received: "goods_or_proof",
  earlier_of_goods_received_back_or_evidence_of_return: "goods_or_proof",
  handover_to_named_return_carrier: "carrier",
  trader_agrees_consumer_is_entitled: "agreed",
  consumer_demand: "demand",
};

export const triggerOf = (trigger: string | null): StatutoryTrigger =>
  (trigger !== null ? TRIGGERS[trigger] : undefined) ?? "other";

/** The statutory refund after a withdrawal: deadline, outbound delivery charge, withholding. */
export function statutoryRefund(ctx: RenderContext, s: SectionBuilder, withWithholding: boolean): void {
  const { m } = ctx;
  const r = ctx.rights.withdrawal.refund;
  if (!r) return;
  if (r.deadlineDays === null) {
    s.cite(m.noRefundDeadline, [r.rule]);
  } else {
    const period = r.deadlineDays === 0 ? null : m.days(r.deadlineDays, r.deadlineDayKind ?? "calendar");
    s.cite(m.withdrawalRefund(period, m.triggers[triggerOf(r.deadlineTrigger)]), [r.rule]);
  }
  if (r.includesOutboundShipping !== "none") {
    s.cite(m.outbound(r.includesOutboundShipping, r.outboundOnlyIfWholeOrder), [r.rule]);
  }
  if (withWithholding && r.mayWithholdUntilGoodsOrProof) s.cite(m.withhold, [r.rule]);
}

export function refundsSection(ctx: RenderContext, policy: ReturnPolicy): RenderedSection {
  const { m, fmt } = ctx;
  const s = sectionBuilder(m, "refunds");
  const offered = policy.resolutions.filter((r): r is OfferedResolution => r !== "keep_it");
  if (offered.length > 0)
    s.say(
      m.resolutionsOffered(
        fmt.list(
          offered.map((r) => m.resolutions[r]),
          "or",
        ),
      ),
    );
  if (policy.storeCreditBonusBasisPoints > 0 && offered.includes("store_credit")) {
    s.say(m.storeCreditBonus(fmt.percent(policy.storeCreditBonusBasisPoints)));
  }
  const keep = policy.keepItBelow[ctx.currency];
  if (keep && keep.amount > 0) s.say(m.keepItBelow(fmt.money(keep)));

  // As the engine charges it: a percentage of the item, or the fixed fee set for this currency.
  const fee = policy.restockingFee;
  const fixed = fee && "fixed" in fee ? fee.fixed[ctx.currency] : undefined;
  const feeText =
    fee && "basisPoints" in fee && fee.basisPoints > 0
      ? m.restockingPercent(fmt.percent(fee.basisPoints))
      : fixed && fixed.amount > 0
        ? m.restockingFixed(fmt.money(fixed))
        : null;
  if (feeText) {
    s.say(feeText);
    const withdrawal = ctx.withdrawal !== "none";
    s.cite(m.restockingExempt(withdrawal), withdrawal ? [ctx.rights.withdrawal.refund?.rule] : []);
  }
  s.say(m.refundTrigger[policy.refundTrigger]);
  if (ctx.withdrawal === "applies") statutoryRefund(ctx, s, false);
  return s.build();
}

export function cancellationSection(ctx: RenderContext, schedule: CancellationSchedule): RenderedSection {
  const { m, fmt } = ctx;
  const s = sectionBuilder(m, "cancellation");
  s.say(m.cancelGoods);
  const tiers = [...schedule.tiers].sort((a, b) => b.hoursBefore - a.hoursBefore);
  const refund = (bp: number) =>
    bp >= 10_000 ? m.cancelFull : bp <= 0 ? m.cancelNone : m.cancelPart(fmt.percent(bp));
  const time = (h: number) => (h % 24 === 0 ? m.days(h / 24, "calendar") : m.hours(h));
  tiers.forEach((t, i) => {
    const r = refund(t.refundBasisPoints);
    if (t.hoursBefore > 0) s.say(m.cancelBefore(r, time(t.hoursBefore)));
    else s.say(i === 0 ? m.cancelAnytime(r) : m.cancelLater(r));
  });
  // A cancellation no tier qualifies for gets nothing back.
  const last = tiers[tiers.length - 1];
  if (last && last.hoursBefore > 0) s.say(m.cancelLater(m.cancelNone));
  return s.build();
}
