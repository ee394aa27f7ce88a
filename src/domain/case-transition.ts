import { allowedCommands, type CaseStatus, canReach, canRun } from "./case-status.ts";
import type { DomainError } from "./errors.ts";
import { err, ok, type Result } from "./result.ts";
import type {
  CaseCommand,
  CaseEvent,
  CaseEventType,
  CaseLine,
  CommandMeta,
  LineCounters,
  ReturnCase,
} from "./return-case.ts";

/** What a command produced: the case after it, and the events to append. */
export interface Transitioned {
  readonly case: ReturnCase;
  readonly events: readonly CaseEvent[];
}

export type CommandResult = Result<Transitioned, DomainError>;

export function guard(c: ReturnCase, command: CaseCommand): DomainError | null {
  if (canRun(command.type, c.status)) return null;
  return {
    code: "illegal_transition",
    command: command.type,
    status: c.status,
    allowed: allowedCommands(c.status),
  };
}

/** Builds the next case and its one event; bumps the version and checks the target is allowed by the table. */
export function transition(
  c: ReturnCase,
  command: CaseCommand,
  meta: CommandMeta,
  to: CaseStatus,
  type: CaseEventType,
  data: Record<string, unknown>,
  lines: readonly CaseLine[] = c.lines,
  patch: Partial<Pick<ReturnCase, "shipBy" | "returnRequired">> = {},
): CommandResult {
  if (!canReach(command.type, to)) throw new Error(`transition table forbids ${command.type} → ${to}`);
  const next: ReturnCase = {
    ...c,
    ...patch,
    status: to,
    lines,
    version: c.version + 1,
    updatedAt: meta.at,
  };
  const event: CaseEvent = {
    type,
    actor: meta.actor,
    at: meta.at,
    reason: meta.reason ?? null,
    fromStatus: c.status,
    toStatus: to,
    data,
  };
  return ok({ case: next, events: [event] });
}

export function withCounts(line: CaseLine, patch: Partial<LineCounters>): CaseLine {
  return { ...line, counts: { ...line.counts, ...patch } };
}

/** Finds each referenced line, refusing unknown ids and duplicates with the path of the offending entry. */
export function resolveLineRefs<T extends { readonly lineId: string }>(
  c: ReturnCase,
  items: readonly T[],
  field: string,
): Result<Map<string, T>, DomainError> {
  const byId = new Map<string, T>();
  const issues: { path: string; message: string }[] = [];
  items.forEach((item, i) => {
    if (!c.lines.some((l) => l.id === item.lineId)) {
      issues.push({ path: `${field}[${i}].lineId`, message: `no line ${item.lineId} in return ${c.number}` });
    } else if (byId.has(item.lineId)) {
      issues.push({ path: `${field}[${i}].lineId`, message: `line ${item.lineId} is listed twice` });
    } else {
      byId.set(item.lineId, item);
    }
  });
  return issues.length > 0 ? err({ code: "invalid_input", issues }) : ok(byId);
}

export function exceeded(path: string, what: string, limit: number, requested: number): DomainError {
  return { code: "quantity_exceeded", path, what, limit, requested };
}
