import { type CommandResult, exceeded, resolveLineRefs, transition, withCounts } from "./case-transition.ts";
import { err } from "./result.ts";
import type { CaseCommand, CommandMeta, ReturnCase } from "./return-case.ts";

type Approve = Extract<CaseCommand, { type: "approve" }>;

/**
 * Approves all requested units, or the listed quantities (the rest of each line is rejected).
 * Invariant 1: per order line, approved ≤ what the order still has available for this case.
 */
export function approve(c: ReturnCase, cmd: Approve, meta: CommandMeta): CommandResult {
  const refs = resolveLineRefs(c, cmd.lines ?? [], "lines");
  if (!refs.ok) return refs;
  const listed = cmd.lines !== undefined;
  const lines = [];
  for (const [i, line] of c.lines.entries()) {
    const wanted = listed ? (refs.value.get(line.id)?.quantity ?? 0) : line.counts.requested;
    const path = listed
      ? `lines[${(cmd.lines ?? []).findIndex((l) => l.lineId === line.id)}].quantity`
      : `lines[${i}]`;
    if (wanted < 0 || !Number.isInteger(wanted)) {
      return err({ code: "invalid_input", issues: [{ path, message: "must be a whole number ≥ 0" }] });
    }
    if (wanted > line.counts.requested) {
      return err(
        exceeded(
          path,
          `requested quantity of line ${line.orderLineExternalId}`,
          line.counts.requested,
          wanted,
        ),
      );
    }
    const available = cmd.available.get(line.orderLineId) ?? 0;
    if (wanted > available) {
      return err(
        exceeded(path, `returnable quantity of order line ${line.orderLineExternalId}`, available, wanted),
      );
    }
    lines.push(withCounts(line, { approved: wanted, rejected: line.counts.requested - wanted }));
  }
  const total = lines.reduce((n, l) => n + l.counts.approved, 0);
  if (total === 0) {
    return err({
      code: "invalid_input",
      issues: [{ path: "lines", message: "approves nothing: use reject to refuse the whole return" }],
    });
  }
  const returnRequired = cmd.returnRequired ?? c.requestedResolution !== "keep_it";
  const to = returnRequired ? "awaiting_shipment" : "approved";
  const data = {
    lines: lines.map((l) => ({ lineId: l.id, approved: l.counts.approved, rejected: l.counts.rejected })),
    returnRequired,
    shipBy: returnRequired && cmd.shipBy ? cmd.shipBy.toISOString() : null,
  };
  return transition(c, cmd, meta, to, "return.approved", data, lines, {
    returnRequired,
    shipBy: returnRequired ? cmd.shipBy : null,
  });
}

export function reject(c: ReturnCase, cmd: CaseCommand, meta: CommandMeta): CommandResult {
  const lines = c.lines.map((l) => withCounts(l, { approved: 0, rejected: l.counts.requested }));
  return transition(c, cmd, meta, "rejected", "return.rejected", {}, lines);
}

export function review(c: ReturnCase, cmd: CaseCommand, meta: CommandMeta): CommandResult {
  return transition(c, cmd, meta, "needs_review", "return.review_requested", {});
}

export function cancel(c: ReturnCase, cmd: CaseCommand, meta: CommandMeta): CommandResult {
  return transition(c, cmd, meta, "cancelled", "return.cancelled", {});
}

export function close(c: ReturnCase, cmd: CaseCommand, meta: CommandMeta): CommandResult {
  return transition(c, cmd, meta, "closed", "return.closed", {});
}

/** A case awaiting shipment expires only once its ship-by moment has passed. */
export function expire(c: ReturnCase, cmd: CaseCommand, meta: CommandMeta): CommandResult {
  if (!c.shipBy || meta.at.getTime() <= c.shipBy.getTime()) {
    return err({ code: "not_yet_expired", shipBy: c.shipBy ? c.shipBy.toISOString() : null });
  }
  return transition(c, cmd, meta, "expired", "return.expired", { shipBy: c.shipBy.toISOString() });
}
