import {
  disposalOptions,
  expectedRecovery,
  locationOption,
  type RouteOption,
  type RoutingDecision,
  type RoutingInput,
} from "./routing.ts";

const byNet = (a: RouteOption, b: RouteOption) => b.net.amount - a.net.amount;
const byDays = (a: RouteOption, b: RouteOption) => (a.days ?? 999) - (b.days ?? 999) || byNet(a, b);
const code = (o: RouteOption) =>
  o.destination.type === "location" ? o.destination.code : o.destination.type;
const stable = (f: (a: RouteOption, b: RouteOption) => number) => (a: RouteOption, b: RouteOption) =>
  f(a, b) || code(a).localeCompare(code(b));

/**
 * Chooses the destination: the best accepting location (highest net recovery, or the shortest lane
 * with `prefer: "fastest"`) unless a disposal option (keep-it, donate, liquidate) leaves the merchant
 * better off — i.e. bringing the goods back costs more than they recover.
 */
export function decideRoute(input: RoutingInput): RoutingDecision {
  const recovery = expectedRecovery(input);
  const locations = input.candidates.map((c) => locationOption(input, c, recovery));
  const disposals = disposalOptions(input);
  const options = [...locations, ...disposals];
  const open = (xs: RouteOption[]) => xs.filter((o) => o.excluded === null);
  const places = open(locations).sort(stable(input.settings.prefer === "fastest" ? byDays : byNet));
  const bestDisposal = open(disposals).sort(stable(byNet))[0];
  const bestPlace = places[0];
  const base = { currency: input.currency, options };
  const mostNet = [...places].sort(stable(byNet))[0];
  if (!bestPlace || !mostNet) {
    // Disposal is a choice against a real alternative: without an accepting location the goods wait.
    const unpriced = locations.find((o) => o.excluded?.startsWith("no exchange rate"));
    if (unpriced)
      return {
        ...base,
        destination: { type: "none" },
        rule: "no_exchange_rate",
        explanation: `Costs cannot be compared: ${unpriced.excluded} (import ECB rates: crossback fx import).`,
        chosen: null,
      };
    return {
      ...base,
      destination: { type: "none" },
      rule: "no_accepting_location",
      explanation: `No location accepts returns from ${input.shopperCountry}: add one (PUT /api/v1/locations/{code}) with ${input.shopperCountry} in "accepts".`,
      chosen: null,
    };
  }
  if (bestDisposal && bestDisposal.net.amount > mostNet.net.amount) {
    const kind = bestDisposal.destination.type;
    return {
      ...base,
      destination: bestDisposal.destination,
      rule: `${kind}_cheaper`,
      explanation: `Returning to ${code(mostNet)} nets ${mostNet.net.amount} (label ${mostNet.label.amount} + duties ${mostNet.duties.amount} + handling ${mostNet.handling.amount} against ${mostNet.recovery.amount} recovered); ${kind} nets ${bestDisposal.net.amount} ${input.currency}.`,
      chosen: bestDisposal,
    };
  }
  const chosen = bestPlace;
  const rule = input.settings.prefer === "fastest" ? "fastest_accepting_location" : "highest_net_recovery";
  return {
    ...base,
    destination: chosen.destination,
    rule,
    explanation: `${code(chosen)} (${rule.replaceAll("_", " ")}): recovers ${chosen.recovery.amount}, costs label ${chosen.label.amount} + duties ${chosen.duties.amount} + handling ${chosen.handling.amount} = net ${chosen.net.amount} ${input.currency}.`,
    chosen,
  };
}
