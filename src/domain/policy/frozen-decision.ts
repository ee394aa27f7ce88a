/**
 * Reads what a case froze at creation (an untyped JSON record once stored) without casts: type
 * guards for the engine's decision and the track each line was decided on.
 */
import type { FrozenDecision } from "../return-case.ts";
import type { Track } from "../statutory/statutory-facts.ts";

export const ENGINE_ID = "crossback-policy-engine/1";
const TRACKS: readonly string[] = ["statutory_withdrawal", "merchant_policy", "legal_guarantee"];

const isRecord = (x: unknown): x is Readonly<Record<string, unknown>> =>
  typeof x === "object" && x !== null && !Array.isArray(x);

export const isTrack = (x: unknown): x is Track => typeof x === "string" && TRACKS.includes(x);

/** True when the frozen record was written by the policy engine (cases of older imports may not be). */
export function isEngineRecord(d: FrozenDecision): boolean {
  return d.engine === ENGINE_ID && Array.isArray(d.lines);
}

/** The track each order line (by external id) was decided on; null when none was eligible. */
export function frozenLineTracks(d: FrozenDecision): ReadonlyMap<string, Track | null> {
  const out = new Map<string, Track | null>();
  if (!isEngineRecord(d) || !Array.isArray(d.lines)) return out;
  for (const line of d.lines) {
    if (!isRecord(line) || typeof line.orderLineExternalId !== "string") continue;
    out.set(line.orderLineExternalId, isTrack(line.track) ? line.track : null);
  }
  return out;
}
