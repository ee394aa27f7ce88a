import type { Actor } from "./actor.ts";
import type { DomainError, FieldIssue } from "./errors.ts";
import { deliveredQuantity, type Order, type OrderLine } from "./order.ts";
import { err, ok, type Result } from "./result.ts";
import {
  type CaseEvent,
  type CaseSource,
  type FrozenDecision,
  NO_COUNTS,
  type ReturnCase,
} from "./return-case.ts";
import type { Resolution, ReturnReason } from "./return-reasons.ts";

export interface RequestedLine {
  readonly orderLineExternalId: string;
  readonly quantity: number;
  readonly reason: ReturnReason;
  readonly comment?: string | null;
}

export interface OpenCaseInput {
  readonly ids: { readonly caseId: string; readonly number: string; readonly lineIds: readonly string[] };
  readonly order: Order;
  readonly lines: readonly RequestedLine[];
  readonly requestedResolution: Resolution;
  readonly source: CaseSource;
  /** Per order line id: units already held by other cases of this order (invariant 1). */
  readonly heldElsewhere: ReadonlyMap<string, number>;
  readonly decision: FrozenDecision;
  readonly actor: Actor;
  readonly at: Date;
}

/** What may still be returned from one order line at `at`: delivered minus what other cases hold. */
export function returnableQuantity(
  order: Order,
  lineId: string,
  held: ReadonlyMap<string, number>,
  at: Date,
): number {
  return Math.max(0, deliveredQuantity(order, lineId, at) - (held.get(lineId) ?? 0));
}

/** Known order lines, each once, whole quantities ≥ 1 and within what may still be returned (invariant 1). */
export function checkRequestedLines<
  L extends { readonly orderLineExternalId: string; readonly quantity: number },
>(
  order: Order,
  lines: readonly L[],
  held: ReadonlyMap<string, number>,
  at: Date,
): Result<{ req: L; line: OrderLine }[], DomainError> {
  const issues: FieldIssue[] = [];
  if (lines.length === 0) issues.push({ path: "lines", message: "must list at least one line" });
  const picked: { req: L; line: OrderLine }[] = [];
  for (const [i, req] of lines.entries()) {
    const line = order.lines.find((l) => l.externalId === req.orderLineExternalId);
    if (!line) {
      issues.push({
        path: `lines[${i}].orderLineExternalId`,
        message: `order ${order.externalId} has no line "${req.orderLineExternalId}"`,
      });
    } else if (picked.some((p) => p.line.id === line.id)) {
      issues.push({ path: `lines[${i}].orderLineExternalId`, message: "line is listed twice" });
    } else {
      picked.push({ req, line });
    }
    if (!Number.isInteger(req.quantity) || req.quantity < 1)
      issues.push({ path: `lines[${i}].quantity`, message: "must be a whole number ≥ 1" });
  }
  if (issues.length > 0) return err({ code: "invalid_input", issues });
  for (const [i, { req, line }] of picked.entries()) {
    const limit = returnableQuantity(order, line.id, held, at);
    if (req.quantity > limit) {
      return err({
        code: "quantity_exceeded",
        path: `lines[${i}].quantity`,
        what: `units of order line ${line.externalId} delivered and not already returned`,
        limit,
        requested: req.quantity,
      });
    }
  }
  return ok(picked);
}

/** Opens a return case in `requested`, refusing unknown lines, duplicates and over-returns. */
export function openCase(
  input: OpenCaseInput,
): Result<{ case: ReturnCase; events: CaseEvent[] }, DomainError> {
  const { order, at } = input;
  const checked = checkRequestedLines(order, input.lines, input.heldElsewhere, at);
  if (!checked.ok) return checked;
  const picked = checked.value.map(({ req, line }) => ({ req, ol: line }));
  const vendors = [...new Set(picked.map(({ ol }) => ol.product?.vendor ?? null))];
  if (vendors.length > 1)
    return err({ code: "case_spans_vendors", vendors: vendors.map((v) => v ?? "(merchant)") });

  const c: ReturnCase = {
    id: input.ids.caseId,
    merchantId: order.merchantId,
    number: input.ids.number,
    orderId: order.id,
    orderExternalId: order.externalId,
    customerId: order.customerId,
    vendor: vendors[0] ?? null,
    currency: order.currency,
    locale: order.customerLocale ?? "en",
    source: input.source,
    status: "requested",
    requestedResolution: input.requestedResolution,
    returnRequired: input.requestedResolution !== "keep_it",
    decision: input.decision,
    overrides: [],
    expressAgreements: [],
    shipBy: null,
    version: 1,
    createdAt: at,
    updatedAt: at,
    lines: picked.map(({ req, ol }, i) => ({
      id: input.ids.lineIds[i] ?? `${input.ids.caseId}-${i}`,
      orderLineId: ol.id,
      orderLineExternalId: ol.externalId,
      sku: ol.sku,
      title: ol.title,
      unitPrice: ol.unitPrice,
      reason: req.reason,
      comment: req.comment ?? null,
      resolution: input.requestedResolution,
      counts: { ...NO_COUNTS, requested: req.quantity },
    })),
  };
  const event: CaseEvent = {
    type: "return.requested",
    actor: input.actor,
    at,
    reason: null,
    fromStatus: null,
    toStatus: "requested",
    data: {
      orderExternalId: order.externalId,
      requestedResolution: input.requestedResolution,
      lines: c.lines.map((l) => ({
        lineId: l.id,
        orderLineExternalId: l.orderLineExternalId,
        quantity: l.counts.requested,
        reason: l.reason,
      })),
    },
  };
  return ok({ case: c, events: [event] });
}
