import type { Actor } from "../domain/actor.ts";
import { decide } from "../domain/case-decide.ts";
import { effectiveDisposition } from "../domain/case-logistics-commands.ts";
import { returnableQuantity } from "../domain/case-opening.ts";
import { type DomainError, invalid } from "../domain/errors.ts";
import type { Money } from "../domain/money.ts";
import { err, ok, type Result } from "../domain/result.ts";
import type {
  CaseCommand,
  InspectionInput,
  LineQuantity,
  LineResolution,
  ReceiptExceptionInput,
  ReturnCase,
} from "../domain/return-case.ts";
import { afterLogisticsCommand } from "./logistics/case-hooks.ts";
import { isDisposal, routeApproval, routedEvent } from "./logistics/case-route.ts";
import type { Deps, Repos, Settlement } from "./ports/index.ts";
import { recordInventory } from "./receiving/inventory.ts";
import { issuePlanned, recordRefund, refundChange } from "./refund-records.ts";
import { dispatchSettlements, planRefund } from "./refunds.ts";

/** A command as callers send it; the use case adds what it must look up (availability, location ids). */
export type CommandInput =
  | { type: "approve"; lines?: LineQuantity[]; returnRequired?: boolean; shipByDays?: number }
  | { type: "reject" | "review" | "cancel" | "close" | "expire" }
  | { type: "ship"; lines?: LineQuantity[]; carrier?: string; trackingNumber?: string }
  | { type: "receive"; locationCode?: string; lines: LineQuantity[]; exceptions: ReceiptExceptionInput[] }
  | { type: "inspect"; lines: InspectionInput[]; locationCode?: string }
  | {
      type: "resolve";
      lines?: LineResolution[];
      replacement?: { sku: string; title: string; unitPrice: Money } | null;
    };

export interface CommandMetaInput {
  readonly actor: Actor;
  readonly reason?: string;
  readonly expectedVersion?: number;
}

export interface CommandOutcome {
  readonly case: ReturnCase;
  readonly settlements: Settlement[];
}

const DEFAULT_SHIP_BY_DAYS = 14;
const DAY_MS = 86_400_000;

async function toDomain(
  r: Repos,
  c: ReturnCase,
  input: CommandInput,
  at: Date,
): Promise<Result<CaseCommand, DomainError>> {
  switch (input.type) {
    case "approve": {
      await r.orders.lock(c.merchantId, { id: c.orderId });
      const found = await r.orders.withHeld(c.merchantId, c.orderId, c.id);
      if (!found) throw new Error(`case ${c.number} lost its order`);
      const { order, held } = found;
      const available = new Map(
        c.lines.map((l) => [l.orderLineId, returnableQuantity(order, l.orderLineId, held, at)]),
      );
      const frozenDays =
        typeof c.decision.shipByDays === "number" ? c.decision.shipByDays : DEFAULT_SHIP_BY_DAYS;
      const shipBy = new Date(at.getTime() + (input.shipByDays ?? frozenDays) * DAY_MS);
      return ok({
        type: "approve",
        lines: input.lines,
        returnRequired: input.returnRequired,
        shipBy,
        available,
      });
    }
    case "receive": {
      let locationId: string | null = null;
      if (input.locationCode) {
        const loc = await r.setup.locationByCode(c.merchantId, input.locationCode);
        if (!loc)
          return err({
            code: "invalid_input",
            issues: [{ path: "locationCode", message: `no location "${input.locationCode}"` }],
          });
        locationId = loc.id;
      }
      return ok({ type: "receive", locationId, lines: input.lines, exceptions: input.exceptions });
    }
    case "inspect": {
      if (input.locationCode && !(await r.setup.locationByCode(c.merchantId, input.locationCode)))
        return err(invalid("locationCode", `no location "${input.locationCode}"`));
      return ok({ type: "inspect", lines: input.lines });
    }
    default:
      return ok(input);
  }
}

/**
 * Runs one command on a case: load → decide (pure state machine) → persist with its events, in one
 * transaction guarded by the case version (a concurrent winner makes this one a version conflict).
 * Refunds are executed after the commit.
 */
export async function runCaseCommand(
  deps: Deps,
  merchantId: string,
  caseId: string,
  input: CommandInput,
  meta: CommandMetaInput,
): Promise<Result<CommandOutcome, DomainError>> {
  const done = await deps.store.transaction((r) =>
    runCaseCommandIn(deps, r, merchantId, caseId, input, meta),
  );
  if (!done.ok) return done;
  const settled = await dispatchSettlements(deps, done.value.settlements);
  return ok({ case: done.value.case, settlements: settled });
}

/**
 * `runCaseCommand` inside the caller's transaction (a use case that changes more than the case); the
 * caller dispatches the settlements after its commit.
 */
export async function runCaseCommandIn(
  deps: Deps,
  r: Repos,
  merchantId: string,
  caseId: string,
  input: CommandInput,
  meta: CommandMetaInput,
): Promise<Result<CommandOutcome, DomainError>> {
  const c = await r.cases.load(merchantId, caseId);
  if (!c) return err({ code: "not_found", entity: "return", id: caseId });
  if (meta.expectedVersion !== undefined && meta.expectedVersion !== c.version) {
    return err({ code: "version_conflict", expected: meta.expectedVersion, actual: c.version });
  }
  const rep = input.type === "resolve" ? input.replacement : null;
  // Checked before anything is written: the refund of a resolve runs in this transaction.
  if (rep && rep.unitPrice.currency !== c.currency)
    return err(invalid("replacement.unitPrice.currency", `must be the return's currency ${c.currency}`));
  const at = deps.clock.now();
  const cmd = await toDomain(r, c, input, at);
  if (!cmd.ok) return cmd;
  let command: CaseCommand = cmd.value;
  // An approval is routed first: a destination that nets more than bringing the goods back
  // (keep-it, donate, liquidate) approves the case without a return unless the caller said otherwise.
  const route = command.type === "approve" ? await routeApproval(deps, r, c, command.lines, at) : null;
  if (route && command.type === "approve" && isDisposal(route) && command.returnRequired === undefined)
    command = { ...command, returnRequired: false };
  const decided = decide(c, command, { actor: meta.actor, at, reason: meta.reason ?? null });
  if (!decided.ok) return decided;
  const next = decided.value.case;
  // Money moves in the same transaction when the command reached the policy's refund trigger
  // (or, with autoRefund off, only when the case is resolved).
  const merchant = await r.merchants.byId(merchantId);
  const auto = merchant?.settings.autoRefund !== false || command.type === "resolve";
  const req = { replacement: input.type === "resolve" ? (input.replacement ?? null) : null };
  const planned = auto ? await planRefund(deps, r, next, req, at) : ok(null);
  if (!planned.ok) throw new Error(`refund after ${command.type} failed: ${JSON.stringify(planned.error)}`);
  // The command, its route and its refund are one write of the case, in the order they happened;
  // receipts and inspections append events of their own, so there the refund is a second write after them.
  const together = command.type !== "receive" && command.type !== "inspect";
  const events = [...decided.value.events, ...(route ? [routedEvent(next, route, meta.actor, at)] : [])];
  const early = planned.value && together ? refundChange(next, planned.value, meta.actor, at) : null;
  if (!(await r.cases.update(early?.case ?? next, c.version, early ? [...events, early.event] : events)))
    return err({ code: "version_conflict", expected: c.version, actual: c.version + 1 });
  await recordLogistics(deps, r, next, command, at, meta);
  if (command.type === "inspect")
    await recordInventory(r, next, command.lines, input.type === "inspect" ? input.locationCode : undefined, {
      actor: meta.actor,
      at,
      reason: meta.reason ?? null,
    });
  if (route) await r.shipments.saveRoute(c.merchantId, c.id, route, at);
  await afterLogisticsCommand(deps, r, next, command, at);
  if (!planned.value) return ok({ case: next, settlements: [] });
  const out = early
    ? ok(await recordRefund(deps, r, next, early.case, planned.value, req, meta.actor, at))
    : await issuePlanned(deps, r, next, planned.value, req, meta.actor, at);
  return out.ok ? ok({ case: out.value.case, settlements: out.value.settlements }) : out;
}

async function recordLogistics(
  deps: Deps,
  r: Repos,
  c: ReturnCase,
  cmd: CaseCommand,
  at: Date,
  { actor }: CommandMetaInput,
): Promise<void> {
  if (cmd.type === "receive") {
    const base = { caseId: c.id, locationId: cmd.locationId ?? null, at, actorId: actor.id };
    await r.cases.recordReceipts([
      ...cmd.lines.map((l) => ({
        ...base,
        id: deps.ids.next(),
        lineId: l.lineId,
        quantity: l.quantity,
        exception: null,
        note: null,
      })),
      ...(cmd.exceptions ?? []).map((x) => ({
        ...base,
        id: deps.ids.next(),
        lineId: x.lineId ?? null,
        quantity: x.quantity,
        exception: x.kind,
        note: x.note ?? null,
      })),
    ]);
  }
  if (cmd.type === "inspect") {
    const rows = cmd.lines.map((x) => ({
      id: deps.ids.next(),
      caseId: c.id,
      lineId: x.lineId,
      quantity: x.quantity,
      outcome: x.outcome,
      condition: x.condition,
      disposition: effectiveDisposition(x),
      note: x.note ?? null,
      at,
      actorId: actor.id,
    }));
    await r.cases.recordInspections(rows);
  }
}
