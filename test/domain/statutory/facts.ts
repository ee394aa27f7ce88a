/** Builders for statutory test facts. Dates without a zone are read as UTC instants. */
import type { ProductAttributes } from "../../../src/domain/order.ts";
import { judgeStatutory } from "../../../src/domain/statutory/evaluate-statutory.ts";
import type { StatutoryLineFacts, TrackJudgement } from "../../../src/domain/statutory/statutory-facts.ts";

export const PLAIN: ProductAttributes = {
  category: null,
  vendor: null,
  finalSale: false,
  personalised: false,
  perishable: false,
  sealedHygiene: false,
  sealedMedia: false,
  digital: false,
  hsCode: null,
  originCountry: null,
  weightGrams: null,
};

export const product = (over: Partial<ProductAttributes>): ProductAttributes => ({ ...PLAIN, ...over });

/** Noon UTC of a calendar date: the same local date in every zone from UTC-11 to UTC+11. */
export const noon = (date: string): Date => new Date(`${date}T12:00:00Z`);

/**
 * Facts for a line delivered (alone, completing the order) at noon UTC on `delivered`, judged at
 * noon UTC on `at`; the order was placed 3 days before delivery. Override anything.
 */
export function facts(
  country: string,
  delivered: string,
  at: string,
  over: Partial<StatutoryLineFacts> = {},
): StatutoryLineFacts {
  const deliveredAt = noon(delivered);
  return {
    country,
    region: null,
    timeZone: null,
    placedAt: new Date(deliveredAt.getTime() - 3 * 86_400_000),
    lineDeliveredAt: deliveredAt,
    orderFullyDeliveredAt: deliveredAt,
    returnTermsDisclosed: true,
    merchantPolicyCovers: true,
    product: PLAIN,
    reason: "changed_mind",
    wholeOrderReturned: false,
    at: noon(at),
    ...over,
  };
}

export function tracks(f: StatutoryLineFacts): { withdrawal: TrackJudgement; guarantee: TrackJudgement } {
  const [withdrawal, guarantee, ...rest] = judgeStatutory(f);
  if (!withdrawal || !guarantee || rest.length > 0) throw new Error("expected exactly two judgements");
  return { withdrawal, guarantee };
}

export const withdrawal = (f: StatutoryLineFacts): TrackJudgement => tracks(f).withdrawal;
export const guarantee = (f: StatutoryLineFacts): TrackJudgement => tracks(f).guarantee;
