import { type CommandResult, exceeded, resolveLineRefs, transition, withCounts } from "./case-transition.ts";
import { frozenLineTracks } from "./policy/frozen-decision.ts";
import { storeCreditWithoutAgreement } from "./refund/store-credit-agreement.ts";
import { err } from "./result.ts";
import type { CaseCommand, CaseLine, CommandMeta, ReturnCase } from "./return-case.ts";
import type { Resolution } from "./return-reasons.ts";

type Resolve = Extract<CaseCommand, { type: "resolve" }>;

/**
 * Units of a line that may still be resolved (invariant 2): what passed inspection plus what the
 * carrier lost, or — when nothing has to come back — what was approved.
 */
export function resolvable(c: ReturnCase, line: CaseLine): number {
  const base = c.returnRequired ? line.counts.accepted + line.counts.lost : line.counts.approved;
  return base - line.counts.resolved;
}

export interface ResolvedLine {
  readonly lineId: string;
  readonly quantity: number;
  readonly resolution: Resolution;
  /** Units of this line resolved before this command (to take the right share of what was paid). */
  readonly alreadyResolved: number;
}

/** Settles units: all that can be resolved with each line's requested resolution, or the listed ones. */
export function resolve(c: ReturnCase, cmd: Resolve, meta: CommandMeta): CommandResult {
  const refs = resolveLineRefs(c, cmd.lines ?? [], "lines");
  if (!refs.ok) return refs;
  const unagreed = storeCreditWithoutAgreement(c, cmd.lines ?? [], frozenLineTracks(c.decision));
  if (unagreed.length > 0) return err({ code: "invalid_input", issues: unagreed });
  const resolved: ResolvedLine[] = [];
  const lines: CaseLine[] = [];
  for (const line of c.lines) {
    const open = resolvable(c, line);
    const ref = refs.value.get(line.id);
    const index = (cmd.lines ?? []).findIndex((l) => l.lineId === line.id);
    const q = cmd.lines ? (ref?.quantity ?? 0) : open;
    if (ref && (!Number.isInteger(q) || q < 1)) {
      return err({
        code: "invalid_input",
        issues: [{ path: `lines[${index}].quantity`, message: "must be a whole number ≥ 1" }],
      });
    }
    if (q > open) {
      return err(exceeded(`lines[${index}].quantity`, `units of line ${line.sku} ready to resolve`, open, q));
    }
    const resolution = ref?.resolution ?? line.resolution;
    if (q > 0) {
      resolved.push({ lineId: line.id, quantity: q, resolution, alreadyResolved: line.counts.resolved });
    }
    // The resolution given here is how the line's remaining money goes.
    lines.push(q > 0 ? { ...withCounts(line, { resolved: line.counts.resolved + q }), resolution } : line);
  }
  if (resolved.length === 0) {
    return err({
      code: "invalid_input",
      issues: [{ path: "lines", message: "nothing on this return is ready to resolve" }],
    });
  }
  return transition(c, cmd, meta, "resolved", "return.resolved", { lines: resolved }, lines);
}
