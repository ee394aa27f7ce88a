/** The sections about the merchant's own policy: window, exclusions and how to send items back. */
import { RETURN_REASONS } from "../../return-reasons.ts";
import type { StatutoryRights } from "../../statutory/statutory-rights.ts";
import { PRODUCT_FLAGS, type ReturnPolicy } from "../return-policy.ts";
import { type RenderContext, type RenderedSection, sectionBuilder } from "./render-context.ts";

type Period = NonNullable<StatutoryRights["withdrawal"]["period"]>;

/** The fewest calendar days a statutory period can span (business days skip at least the weekends). */
function minCalendarDays(p: Period): number {
  return p.dayKind === "business" ? p.days + 2 * Math.floor((p.days - 1) / 5) : p.days;
}

// How late each start event can be, for "the statutory period surely ends later".
const MERCHANT_START = { order: 0, shipment: 1, delivery: 2 } as const;
const STATUTORY_START = { purchase: 0, line_delivered: 2, order_fully_delivered: 3 } as const;

export function windowSection(ctx: RenderContext, policy: ReturnPolicy): RenderedSection {
  const { m, fmt, rights } = ctx;
  const s = sectionBuilder(m, "window");
  const w = policy.window;
  s.say(w.days > 0 ? m.window(m.days(w.days, "calendar"), w.from) : m.noWindow);
  for (const h of policy.holidayWindows) {
    s.say(m.holiday(fmt.date(h.purchasedFrom), fmt.date(h.purchasedTo), fmt.date(h.returnBy)));
  }
  const p = rights.withdrawal.period;
  if (ctx.withdrawal === "applies" && p) {
    const longer =
      minCalendarDays(p) > w.days &&
      STATUTORY_START[p.start] >= MERCHANT_START[w.from] &&
      policy.holidayWindows.length === 0;
    const period = m.days(p.days, p.dayKind);
    s.cite(longer ? m.statutoryLonger(period) : m.statutoryAlso(period), [rights.withdrawal.rule, p.rule]);
  }
  return s.build();
}

const MAX_SKUS = 10;

export function nonReturnableSection(ctx: RenderContext, policy: ReturnPolicy): RenderedSection {
  const { m, fmt, rights } = ctx;
  const s = sectionBuilder(m, "non_returnable");
  const nr = policy.nonReturnable;
  const flags = PRODUCT_FLAGS.filter((f) => nr.attributes.includes(f));
  const listed = nr.categories.length > 0 || nr.skus.length > 0;
  const labels = (fs: readonly (typeof flags)[number][]) =>
    fmt.list(
      fs.map((f) => m.flags[f]),
      "and",
    );
  if (flags.length === 0 && !listed) s.say(m.nothingExcluded);
  if (flags.length > 0) s.say(m.excludedFlags(labels(flags)));
  if (nr.categories.length > 0) s.say(m.excludedCategories(fmt.list(nr.categories, "and")));
  if (nr.skus.length > 0) {
    const shown = nr.skus.slice(0, MAX_SKUS);
    if (nr.skus.length > MAX_SKUS) shown.push(m.moreSkus(nr.skus.length - MAX_SKUS));
    s.say(m.excludedSkus(fmt.list(shown, "and")));
  }

  const w = rights.withdrawal;
  if (ctx.withdrawal === "applies" && w.period) {
    const period = m.days(w.period.days, w.period.dayKind);
    const byLaw = (f: string) => w.exceptions.find((e) => e.attribute === f);
    const blocked = flags.filter((f) => byLaw(f)?.effect === "blocks");
    const sealed = flags.filter((f) => byLaw(f)?.effect === "must_be_sealed");
    const overridden = flags.filter((f) => !byLaw(f));
    if (blocked.length > 0)
      s.cite(
        m.lawAlsoExcludes(labels(blocked)),
        blocked.map((f) => byLaw(f)?.rule),
      );
    if (sealed.length > 0)
      s.cite(
        m.lawSealedOnly(labels(sealed)),
        sealed.map((f) => byLaw(f)?.rule),
      );
    if (overridden.length > 0) s.cite(m.lawOverrides(labels(overridden), period), [w.rule, w.period.rule]);
    if (listed) s.cite(m.lawOverridesListed(period), [w.rule, w.period.rule]);
  } else if (ctx.withdrawal === "conditional" && (flags.length > 0 || listed)) {
    s.cite(m.lawMayOverride, [w.rule]);
  }
  s.cite(m.faultyAlwaysCovered, [rights.guarantee.period.rule]);
  return s.build();
}

export function howToReturnSection(ctx: RenderContext, policy: ReturnPolicy): RenderedSection {
  const { m, fmt } = ctx;
  const s = sectionBuilder(m, "how_to_return");
  s.say(m.shipBy(m.days(policy.shipByDays, "calendar")));
  if (policy.requireReview) s.say(m.review);

  const shipping = policy.returnShipping;
  const fee = shipping.flatFee[ctx.currency];
  const freeAbove = shipping.freeAbove[ctx.currency];
  if (shipping.paidBy === "merchant" || fee?.amount === 0) {
    s.say(m.shippingFree);
  } else {
    s.say(fee ? m.shippingFee(fmt.money(fee)) : m.shippingPaidByYou);
    if (freeAbove) s.say(m.shippingFreeAbove(fmt.money(freeAbove)));
  }

  const reasons = RETURN_REASONS.filter((r) => policy.reasons[r] !== undefined);
  if (reasons.length > 0) {
    const accepted = reasons.filter((r) => policy.reasons[r]?.allowed);
    s.say(
      accepted.length > 0
        ? m.reasonsAccepted(
            fmt.list(
              accepted.map((r) => m.reasons[r]),
              "and",
            ),
          )
        : m.noWindow,
    );
    if (ctx.withdrawal !== "none") s.cite(m.reasonNotNeeded, [ctx.rights.withdrawal.rule]);
  }
  const photos = RETURN_REASONS.filter(
    (r) => policy.reasons[r]?.allowed && policy.reasons[r]?.photosRequired,
  );
  if (photos.length > 0)
    s.say(
      m.photos(
        fmt.list(
          photos.map((r) => m.reasons[r]),
          "or",
        ),
      ),
    );
  return s.build();
}
