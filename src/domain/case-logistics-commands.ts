import { type CommandResult, exceeded, resolveLineRefs, transition, withCounts } from "./case-transition.ts";
import type { DomainError } from "./errors.ts";
import { err } from "./result.ts";
import type { CaseCommand, CaseLine, CommandMeta, ReturnCase } from "./return-case.ts";
import type { ConditionGrade, Disposition } from "./return-reasons.ts";

type Ship = Extract<CaseCommand, { type: "ship" }>;
type Receive = Extract<CaseCommand, { type: "receive" }>;
type Inspect = Extract<CaseCommand, { type: "inspect" }>;

const positive = (path: string, q: number): DomainError | null =>
  Number.isInteger(q) && q >= 1
    ? null
    : { code: "invalid_input", issues: [{ path, message: "must be a whole number ≥ 1" }] };

/** The shopper (or carrier) sent units back: all approved units not yet shipped, or the listed ones. */
export function ship(c: ReturnCase, cmd: Ship, meta: CommandMeta): CommandResult {
  const refs = resolveLineRefs(c, cmd.lines ?? [], "lines");
  if (!refs.ok) return refs;
  const lines: CaseLine[] = [];
  const shipped: { lineId: string; quantity: number }[] = [];
  for (const line of c.lines) {
    const open = line.counts.approved - line.counts.shipped;
    const ref = refs.value.get(line.id);
    const index = (cmd.lines ?? []).findIndex((l) => l.lineId === line.id);
    const q = cmd.lines ? (ref?.quantity ?? 0) : open;
    if (ref) {
      const bad = positive(`lines[${index}].quantity`, q);
      if (bad) return err(bad);
    }
    if (q > open)
      return err(exceeded(`lines[${index}].quantity`, `units of line ${line.sku} not yet shipped`, open, q));
    if (q > 0) shipped.push({ lineId: line.id, quantity: q });
    lines.push(q > 0 ? withCounts(line, { shipped: line.counts.shipped + q }) : line);
  }
  if (shipped.length === 0) {
    return err({
      code: "invalid_input",
      issues: [{ path: "lines", message: "nothing left to ship on this return" }],
    });
  }
  const data = { lines: shipped, carrier: cmd.carrier ?? null, trackingNumber: cmd.trackingNumber ?? null };
  return transition(c, cmd, meta, "in_transit", "return.shipped", data, lines);
}

/** Goods arrived (partially is fine). Extra or wrong goods are exceptions, never more than approved. */
export function receive(c: ReturnCase, cmd: Receive, meta: CommandMeta): CommandResult {
  const refs = resolveLineRefs(c, cmd.lines, "lines");
  if (!refs.ok) return refs;
  const exceptions = cmd.exceptions ?? [];
  if (cmd.lines.length === 0 && exceptions.length === 0) {
    return err({
      code: "invalid_input",
      issues: [{ path: "lines", message: "list what arrived, or an exception" }],
    });
  }
  const lost = new Map<string, number>();
  for (const [i, x] of exceptions.entries()) {
    const bad = positive(`exceptions[${i}].quantity`, x.quantity);
    if (bad) return err(bad);
    if (x.lineId !== undefined && !c.lines.some((l) => l.id === x.lineId)) {
      return err({
        code: "invalid_input",
        issues: [{ path: `exceptions[${i}].lineId`, message: "no such line" }],
      });
    }
    if (x.kind === "lost") {
      if (x.lineId === undefined) {
        return err({
          code: "invalid_input",
          issues: [{ path: `exceptions[${i}].lineId`, message: "lost units need a line" }],
        });
      }
      lost.set(x.lineId, (lost.get(x.lineId) ?? 0) + x.quantity);
    }
  }
  const lines: CaseLine[] = [];
  for (const line of c.lines) {
    const index = cmd.lines.findIndex((l) => l.lineId === line.id);
    const q = refs.value.get(line.id)?.quantity ?? 0;
    if (index >= 0) {
      const bad = positive(`lines[${index}].quantity`, q);
      if (bad) return err(bad);
    }
    const l = lost.get(line.id) ?? 0;
    const open = line.counts.approved - line.counts.received - line.counts.lost;
    if (q + l > open) {
      const path = index >= 0 ? `lines[${index}].quantity` : "exceptions";
      return err(
        exceeded(
          path,
          `approved units of line ${line.sku} still expected (report extra goods as an exception)`,
          open,
          q + l,
        ),
      );
    }
    lines.push(
      q + l > 0 ? withCounts(line, { received: line.counts.received + q, lost: line.counts.lost + l }) : line,
    );
  }
  const data = { locationId: cmd.locationId ?? null, lines: cmd.lines, exceptions };
  return transition(c, cmd, meta, "received", "return.received", data, lines);
}

const DEFAULT_DISPOSITION: Readonly<Record<ConditionGrade, Disposition>> = {
  sealed: "restock",
  like_new: "restock",
  good: "restock_b_grade",
  damaged: "refurbish",
  unusable: "scrap",
  unknown: "quarantine",
};

/** The disposition given, or the default for the condition grade. */
export function effectiveDisposition(x: {
  condition: ConditionGrade;
  disposition?: Disposition;
}): Disposition {
  return x.disposition ?? DEFAULT_DISPOSITION[x.condition];
}

/** Grades received units and decides where each goes. Unknown condition always means quarantine. */
export function inspect(c: ReturnCase, cmd: Inspect, meta: CommandMeta): CommandResult {
  if (cmd.lines.length === 0) {
    return err({ code: "invalid_input", issues: [{ path: "lines", message: "inspect at least one line" }] });
  }
  const pending = new Map(
    c.lines.map((l) => [l.id, l.counts.received - l.counts.accepted - l.counts.refused]),
  );
  const added = new Map<string, { accepted: number; refused: number }>();
  const records = [];
  for (const [i, x] of cmd.lines.entries()) {
    const line = c.lines.find((l) => l.id === x.lineId);
    if (!line)
      return err({
        code: "invalid_input",
        issues: [{ path: `lines[${i}].lineId`, message: "no such line" }],
      });
    const bad = positive(`lines[${i}].quantity`, x.quantity);
    if (bad) return err(bad);
    const disposition = effectiveDisposition(x);
    if (x.condition === "unknown" && disposition !== "quarantine") {
      const message = "a unit of unknown condition must go to quarantine";
      return err({ code: "invalid_input", issues: [{ path: `lines[${i}].disposition`, message }] });
    }
    const left = pending.get(line.id) ?? 0;
    if (x.quantity > left) {
      return err(
        exceeded(`lines[${i}].quantity`, `received, uninspected units of line ${line.sku}`, left, x.quantity),
      );
    }
    pending.set(line.id, left - x.quantity);
    const a = added.get(line.id) ?? { accepted: 0, refused: 0 };
    added.set(line.id, {
      accepted: a.accepted + (x.outcome === "accepted" ? x.quantity : 0),
      refused: a.refused + (x.outcome === "refused" ? x.quantity : 0),
    });
    records.push({ ...x, disposition });
  }
  const lines = c.lines.map((line) => {
    const a = added.get(line.id);
    return a
      ? withCounts(line, {
          accepted: line.counts.accepted + a.accepted,
          refused: line.counts.refused + a.refused,
        })
      : line;
  });
  return transition(c, cmd, meta, "inspected", "return.inspected", { lines: records }, lines);
}
