/** The merchant's carrier rules per shopper country: cheapest, fastest, or a preferred carrier. */
export type CarrierRule =
  | { readonly rule: "cheapest" }
  | { readonly rule: "fastest" }
  | { readonly rule: "preferred"; readonly carrier: string; readonly service?: string };

export type CarrierRules = Readonly<Record<string, CarrierRule>>;

export interface RateQuote {
  readonly carrier: string;
  readonly service: string;
  /** Minor units of `currency`. */
  readonly amount: number;
  readonly currency: string;
  readonly days: number | null;
  readonly rateId: string;
}

/** The rule for a shopper country: its own, else "*", else cheapest. */
export function ruleFor(rules: CarrierRules, country: string): CarrierRule {
  return rules[country] ?? rules["*"] ?? { rule: "cheapest" };
}

/**
 * Picks a rate by the rule. Rates in another currency than the first are compared only among
 * themselves (carriers quote one account currency). Preferred falls back to cheapest when the
 * preferred carrier (or service) has no rate; the answer says so.
 */
export function chooseRate(
  rates: readonly RateQuote[],
  rule: CarrierRule,
): { rate: RateQuote; applied: string } | null {
  if (rates.length === 0) return null;
  const cheapest = (xs: readonly RateQuote[]) =>
    [...xs].sort(
      (a, b) => a.amount - b.amount || (a.days ?? 99) - (b.days ?? 99) || a.rateId.localeCompare(b.rateId),
    )[0];
  if (rule.rule === "fastest") {
    const r = [...rates].sort(
      (a, b) => (a.days ?? 99) - (b.days ?? 99) || a.amount - b.amount || a.rateId.localeCompare(b.rateId),
    )[0];
    return r ? { rate: r, applied: "fastest" } : null;
  }
  if (rule.rule === "preferred") {
    const mine = rates.filter(
      (r) =>
        r.carrier.toLowerCase() === rule.carrier.toLowerCase() &&
        (!rule.service || r.service === rule.service),
    );
    const r = cheapest(mine);
    if (r) return { rate: r, applied: `preferred:${rule.carrier}` };
    const fallback = cheapest(rates);
    return fallback ? { rate: fallback, applied: `cheapest (no rate from preferred ${rule.carrier})` } : null;
  }
  const r = cheapest(rates);
  return r ? { rate: r, applied: "cheapest" } : null;
}
