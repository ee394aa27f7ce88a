import { createHash } from "node:crypto";
import type { DomainError, FieldIssue } from "../domain/errors.ts";
import type { Order } from "../domain/order.ts";
import { type OrderDraft, validateOrderDraft } from "../domain/order-draft.ts";
import { lockedChange } from "../domain/order-locks.ts";
import { err, ok, type Result } from "../domain/result.ts";
import type { Deps, Repos } from "./ports/index.ts";

export interface UpsertOutcome {
  readonly order: Order;
  readonly created: boolean;
  readonly changed: boolean;
}

function fingerprint(d: OrderDraft): string {
  return createHash("sha256").update(JSON.stringify(d)).digest("hex");
}

/** Refuses changes that would break open returns: a line they use cannot go or drop below what they hold. */
async function checkAgainstReturns(r: Repos, existing: Order, d: OrderDraft): Promise<DomainError | null> {
  const used = await r.orders.returnedLineQuantities(existing.merchantId, existing.id);
  if (used.size === 0) return null;
  if (existing.currency !== d.currency) {
    return {
      code: "invalid_input",
      issues: [{ path: "currency", message: "cannot change: the order has return cases" }],
    };
  }
  const held = await r.cases.heldByOrder(existing.merchantId, existing.id, null);
  for (const line of existing.lines) {
    if (!used.has(line.id)) continue;
    const next = d.lines.find((l) => l.externalId === line.externalId);
    const minimum = held.get(line.id) ?? 0;
    if (!next || next.quantity < minimum) {
      return { code: "order_line_in_use", lineExternalId: line.externalId, minimum: Math.max(minimum, 1) };
    }
  }
  return null;
}

/** A cancelled order stays as it was cancelled; fields money depends on stay as they were refunded. */
async function checkAgainstMoney(r: Repos, existing: Order, d: OrderDraft): Promise<DomainError | null> {
  if (await r.cancellations.get(existing.merchantId, existing.id))
    return { code: "order_cancelled", externalId: existing.externalId };
  const settled = await r.settlements.ofOrder(existing.merchantId, existing.id);
  const locked = lockedChange(existing, d, {
    settledTenders: settled.tenderIds,
    anySettlement: settled.any,
    returnedLines: new Set((await r.orders.returnedLineQuantities(existing.merchantId, existing.id)).keys()),
  });
  return locked ? { code: "order_locked", ...locked } : null;
}

/** Validates and writes one order inside an open transaction (shared by the API and the CSV import). */
export async function writeOrder(
  deps: Deps,
  r: Repos,
  merchantId: string,
  d: OrderDraft,
): Promise<Result<UpsertOutcome, DomainError>> {
  const issues: FieldIssue[] = validateOrderDraft(d);
  if (issues.length > 0) return err({ code: "invalid_input", issues });
  const hash = fingerprint(d);
  const previous = await r.orders.contentHash(merchantId, d.externalId);
  if (previous === hash) {
    const same = await r.orders.get(merchantId, d.externalId);
    if (!same) throw new Error("order vanished");
    return ok({ order: same, created: false, changed: false });
  }
  if (previous !== null) {
    // Under the order's lock: refunds and cancellations of this order wait for this write.
    await r.orders.lock(merchantId, { externalId: d.externalId });
    const existing = await r.orders.get(merchantId, d.externalId);
    if (existing) {
      const refused =
        (await checkAgainstReturns(r, existing, d)) ?? (await checkAgainstMoney(r, existing, d));
      if (refused) return err(refused);
    }
  }
  await r.orders.save(merchantId, d, hash, deps.ids, deps.clock.now());
  const order = await r.orders.get(merchantId, d.externalId);
  if (!order) throw new Error("order not saved");
  return ok({ order, created: previous === null, changed: true });
}

export function upsertOrder(
  deps: Deps,
  merchantId: string,
  d: OrderDraft,
): Promise<Result<UpsertOutcome, DomainError>> {
  return deps.store.transaction((r) => writeOrder(deps, r, merchantId, d));
}

export async function getOrder(
  deps: Deps,
  merchantId: string,
  externalId: string,
): Promise<Result<Order, DomainError>> {
  const o = await deps.store.read.orders.get(merchantId, externalId);
  return o ? ok(o) : err({ code: "not_found", entity: "order", id: externalId });
}
