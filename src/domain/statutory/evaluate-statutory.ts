/**
 * The statutory part of the return-policy engine: judges one order line on the two legal tracks,
 * `statutory_withdrawal` (change of mind) and `legal_guarantee` (lack of conformity).
 *
 * Pure and deterministic for a given `facts.at`: the packs are loaded and validated once at module
 * load, merged packs are cached per (country, region), holiday sets per (country, region, year)
 * and zone offsets per (zone, UTC day).
 */
import { resolveTimeZone } from "../calendar/main-time-zones.ts";
import { judgeGuarantee } from "./judge-guarantee.ts";
import { judgeWithdrawal } from "./judge-withdrawal.ts";
import { statutoryPackFor } from "./pack-loader.ts";
import type { StatutoryLineFacts, TrackJudgement } from "./statutory-facts.ts";

export { statutoryPackFor } from "./pack-loader.ts";
export type { EffectivePack } from "./pack-schema.ts";

/** Always exactly two judgements: [statutory_withdrawal, legal_guarantee]. */
export function judgeStatutory(facts: StatutoryLineFacts): TrackJudgement[] {
  const pack = statutoryPackFor(facts.country, facts.region);
  const zone = resolveTimeZone(facts.timeZone, facts.country, facts.region);
  return [judgeWithdrawal(pack, facts, zone), judgeGuarantee(pack, facts, zone)];
}
