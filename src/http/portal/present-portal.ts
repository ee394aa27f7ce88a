import type { OpenedReturn } from "../../app/create-return-group.ts";
import type { GroupMember } from "../../app/portal/case-group.ts";
import type { PortalCaseView } from "../../app/portal/portal-case.ts";
import type { PortalOrder } from "../../app/portal/portal-order.ts";
import type { PortalPreview } from "../../app/portal/portal-preview.ts";
import type { Merchant } from "../../app/ports/index.ts";
import { LOCALES, RTL_LOCALES } from "../../domain/locales.ts";
import { formatMoney, type Money } from "../../domain/money.ts";
import type { ReturnCase } from "../../domain/return-case.ts";
import { presentDecision } from "../present-decision.ts";
import { moneyJson, presentPreviewRefund, presentSplit } from "../present-money.ts";

/** Portal JSON. A gift recipient's session never carries an amount: `gift` strips them here. */

const price = (gift: boolean, m: Money) => (gift ? null : moneyJson(m));

/** Black or white text on the brand colour, whichever contrasts more (WCAG relative luminance). */
export function textOn(hex: string): "#000000" | "#ffffff" {
  const c = [1, 3, 5].map((i) => Number.parseInt(hex.slice(i, i + 2), 16) / 255);
  const [r = 0, g = 0, b = 0] = c.map((v) => (v <= 0.04045 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4));
  const l = 0.2126 * r + 0.7152 * g + 0.0722 * b;
  return (l + 0.05) / 0.05 >= 1.05 / (l + 0.05) ? "#000000" : "#ffffff";
}

export function presentMerchant(m: Merchant) {
  const b = m.settings.branding ?? {};
  const colour = b.colour ?? "#1f4f8f";
  return {
    slug: m.slug,
    name: b.displayName ?? m.name,
    logoUrl: b.logoUrl ?? null,
    colour,
    colourText: textOn(colour),
    supportEmail: b.supportEmail ?? null,
    shopUrl: b.shopUrl ?? null,
    locales: LOCALES,
    rtlLocales: RTL_LOCALES,
  };
}

export function presentCaseSummary(c: ReturnCase) {
  return {
    id: c.id,
    number: c.number,
    status: c.status,
    vendor: c.vendor,
    groupId: c.groupId ?? null,
    createdAt: c.createdAt.toISOString(),
    withdrawal: !!c.portal?.withdrawal,
    lines: c.lines.map((l) => ({
      orderLineExternalId: l.orderLineExternalId,
      title: l.title,
      quantity: l.counts.requested,
    })),
  };
}

/** A submitted return: its first case as before, plus `group` when it was split into one case per vendor. */
export function presentSubmitted(o: OpenedReturn) {
  const [first] = o.cases;
  if (!first) throw new Error("a return opens at least one case");
  return {
    ...presentCaseSummary(first.case),
    group: o.groupId ? { id: o.groupId, cases: o.cases.map((x) => presentCaseSummary(x.case)) } : null,
  };
}

const addressOf = (a: GroupMember["returnAddress"]) =>
  a ? { name: a.name, ...a.address, country: a.country } : null;

/** The siblings of a split return, each with its vendor, address, status and refund (none for a gift recipient). */
function presentGroup(v: PortalCaseView) {
  const gift = v.ctx.session.gift;
  if (!v.case.groupId || v.group.length === 0) return null;
  return {
    id: v.case.groupId,
    cases: v.group.map((m) => ({
      id: m.case.id,
      number: m.case.number,
      status: m.case.status,
      vendor: m.case.vendor,
      vendorName: m.vendorName,
      current: m.case.id === v.case.id,
      lines: m.case.lines.map((l) => ({ title: l.title, quantity: l.counts.requested })),
      address: m.case.returnRequired ? addressOf(m.returnAddress) : null,
      refund:
        m.refund && !gift
          ? { amount: formatMoney(m.refund.amount), currency: m.refund.amount.currency, paid: m.refund.paid }
          : null,
    })),
  };
}

export function presentPortalOrder(v: PortalOrder, locale: string) {
  const { order, gift } = v;
  return {
    locale,
    gift,
    merchant: presentMerchant(v.merchant),
    order: {
      number: order.externalId,
      placedAt: order.placedAt.toISOString(),
      currency: order.currency,
      country: order.shippingAddress.country,
      timeZone: order.customerTimeZone,
      paidByBankTransfer: v.paidByBankTransfer,
    },
    withdrawalFunction: v.withdrawalFunction,
    lines: v.lines.map((l) => ({
      externalId: l.externalId,
      sku: l.sku,
      title: l.title,
      quantity: l.quantity,
      returnable: l.returnable,
      unitPaid: price(gift, l.unitPaid),
      reasons: l.reasons,
      photosRequiredFor: l.photosRequiredFor,
      exchangeable: l.hasVariants,
      changeOfMind: l.changeOfMind,
    })),
    cases: v.cases.filter((c) => !!c.portal?.giftRecipient === gift).map(presentCaseSummary),
  };
}

export function presentPortalPreview(p: PortalPreview, gift: boolean) {
  const decision = presentDecision(p.decision);

  return {
    eligible: p.decision.eligible,
    lines: decision.lines.map((l) => ({
      orderLineExternalId: l.orderLineExternalId,
      quantity: l.quantity,
      reason: l.reason,
      eligible: l.eligible,
      track: l.track,
      returnBy: l.returnBy,
      timeZone: l.timeZone,
      resolutions: l.resolutions,
      returnShippingPaidBy: l.returnShippingPaidBy,
      conditions: l.conditions,
      basis: p.explanations.find((e) => e.orderLineExternalId === l.orderLineExternalId)?.basis ?? null,
      whyNot: p.explanations.find((e) => e.orderLineExternalId === l.orderLineExternalId)?.whyNot ?? [],
    })),
    refundTrigger: p.decision.refundTrigger,
    shipByDays: p.decision.shipByDays,
    /** The API preview's own numbers (POST /api/v1/returns/preview `refund`); none for a gift recipient. */
    refund: gift || !p.refund ? null : presentPreviewRefund(p.refund),
    fees: gift ? [] : decision.fees,
    timing: p.timing,
    refundDeadline: p.refundDeadline,
    /** One case per vendor when the lines are several vendors' (null otherwise). */
    split: presentSplit(p.split, !gift),
    replacement: p.replacement
      ? {
          sku: p.replacement.sku,
          title: p.replacement.title,
          quantity: p.replacement.quantity ?? 1,
          unitPrice: price(gift, p.replacement.unitPrice),
        }
      : null,
  };
}

export function presentPortalCase(v: PortalCaseView) {
  const c = v.case;
  const gift = v.ctx.session.gift;
  const a = v.returnAddress;
  return {
    ...presentCaseSummary(c),
    locale: c.locale,
    returnRequired: c.returnRequired,
    requestedResolution: c.requestedResolution,
    shipBy: c.shipBy?.toISOString() ?? null,
    refundDeadline: c.refundDeadline ?? null,
    timeline: v.timeline,
    lines: c.lines.map((l) => ({
      id: l.id,
      orderLineExternalId: l.orderLineExternalId,
      title: l.title,
      sku: l.sku,
      reason: l.reason,
      comment: l.comment,
      resolution: l.resolution,
      quantity: l.counts.requested,
      approved: l.counts.approved,
      photos: v.photos.filter((p) => p.lineId === l.id).length,
    })),
    instructions: c.returnRequired
      ? {
          reference: c.number,
          address: addressOf(a),
          /** Filled by carrier integrations (labels, QR codes for drop-off); empty while shipping is by the shopper. */
          labels: [] as { kind: string; url: string }[],
        }
      : null,
    tracking: c.portal?.tracking ?? null,
    withdrawal: c.portal?.withdrawal ?? null,
    giftRecipient: c.portal?.giftRecipient ? { email: c.portal.giftRecipient.email } : null,
    replacement: c.portal?.replacement
      ? {
          sku: c.portal.replacement.sku,
          title: c.portal.replacement.title,
          quantity: c.portal.replacement.quantity,
        }
      : null,
    settlements: v.settlements.map((s) => ({
      id: s.id,
      method: s.method,
      status: s.status,
      amount: gift ? null : formatMoney(s.amount),
      currency: s.amount.currency,
      needsBankAccount: s.method === "bank_transfer" && s.status === "requires_action" && !s.bankAccount,
      bankAccount: s.bankAccount ? { masked: s.bankAccount.masked } : null,
      updatedAt: s.updatedAt.toISOString(),
    })),
    canCancel: v.canCancel,
    canAddTracking: v.canAddTracking,
    vendorName: v.vendorName,
    group: presentGroup(v),
  };
}
