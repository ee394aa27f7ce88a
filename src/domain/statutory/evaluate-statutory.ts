/**
 * The statutory part of the return-policy engine: judges one order line on the two legal tracks,
 * `statutory_withdrawal` (change of mind) and `legal_guarantee` (lack of conformity).
 *
 * Pure and deterministic for a given `facts.at`: the packs are loaded and validated once at module
 * load, merged packs are cached per (country, region), holiday sets per (country, region, year)
 * and zone offsets per (zone, UTC day).
 */
import { mainTimeZoneFor } from "../calendar/main-time-zones.ts";
import { isValidTimeZone } from "../calendar/time-zone.ts";
import { boundedMemo } from "../memo.ts";
import { judgeGuarantee } from "./judge-guarantee.ts";
import { judgeWithdrawal } from "./judge-withdrawal.ts";
import { statutoryPackFor } from "./pack-loader.ts";
import type { EffectivePack } from "./pack-schema.ts";
import type { StatutoryLineFacts, TrackJudgement } from "./statutory-facts.ts";

export { statutoryPackFor } from "./pack-loader.ts";
export type { EffectivePack } from "./pack-schema.ts";

interface Place {
  readonly pack: EffectivePack;
  readonly mainZone: string;
}
const placeOf = boundedMemo(
  10_000,
  (country: string, region: string | null) => (region ? `${country}|${region}` : country),
  (country, region): Place => ({
    pack: statutoryPackFor(country, region),
    mainZone: mainTimeZoneFor(country, region),
  }),
);

/** Always exactly two judgements: [statutory_withdrawal, legal_guarantee]. */
export function judgeStatutory(facts: StatutoryLineFacts): TrackJudgement[] {
  const { pack, mainZone } = placeOf(facts.country, facts.region);
  const zone = facts.timeZone && isValidTimeZone(facts.timeZone) ? facts.timeZone : mainZone;
  return [judgeWithdrawal(pack, facts, zone), judgeGuarantee(pack, facts, zone)];
}
