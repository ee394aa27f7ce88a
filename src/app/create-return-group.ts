import type { Actor } from "../domain/actor.ts";
import { checkRequestedLines } from "../domain/case-opening.ts";
import type { DomainError } from "../domain/errors.ts";
import { err, ok, type Result } from "../domain/result.ts";
import type { ReturnCase } from "../domain/return-case.ts";
import { splitByVendor } from "../domain/vendor-split.ts";
import { type CreateReturnInput, openReturnIn, prepareReturn } from "./create-return.ts";
import type { Deps, Repos, Store } from "./ports/index.ts";

/** The cases one return opened: one per vendor, sharing `groupId` when there are several. */
export interface OpenedReturn {
  readonly groupId: string | null;
  /** In order of the request's first line of each vendor; `positions`: the request's indexes of its lines. */
  readonly cases: readonly { readonly case: ReturnCase; readonly positions: readonly number[] }[];
}

class Rollback extends Error {
  constructor(readonly error: DomainError) {
    super(error.code);
  }
}

/** Runs `fn` in one transaction that commits only when it succeeds: a refusal leaves nothing behind. */
export async function allOrNothing<T>(
  store: Store,
  fn: (r: Repos) => Promise<Result<T, DomainError>>,
): Promise<Result<T, DomainError>> {
  try {
    return await store.transaction(async (r) => {
      const v = await fn(r);
      if (!v.ok) throw new Rollback(v.error);
      return v;
    });
  } catch (e) {
    if (e instanceof Rollback) return err(e.error);
    throw e;
  }
}

/** A part's error paths (`lines[i]…`) renamed to the whole request's indexes. */
function renumbered(e: DomainError, positions: readonly number[]): DomainError {
  const fix = (path: string) =>
    path.replace(/^lines\[(\d+)\]/, (_, i: string) => `lines[${positions[Number(i)] ?? i}]`);
  if (e.code === "invalid_input") return { ...e, issues: e.issues.map((x) => ({ ...x, path: fix(x.path) })) };
  if (e.code === "quantity_exceeded") return { ...e, path: fix(e.path) };
  return e;
}

/**
 * Opens a return inside the caller's transaction as one case per vendor of its lines (each with its
 * own policy decision, number and address), linked by a shared group id. The caller must roll back
 * on a refusal (`allOrNothing`): a later vendor's refusal must not leave an earlier vendor's case.
 */
export async function openReturnsIn(
  deps: Deps,
  r: Repos,
  merchantId: string,
  input: CreateReturnInput,
  actor: Actor,
): Promise<Result<OpenedReturn, DomainError>> {
  await r.orders.lock(merchantId, { externalId: input.orderExternalId });
  const order = await r.orders.get(merchantId, input.orderExternalId);
  if (!order) return err({ code: "not_found", entity: "order", id: input.orderExternalId });
  const checked = checkRequestedLines(
    order,
    input.lines,
    await r.cases.heldByOrder(merchantId, order.id, null),
    deps.clock.now(),
  );
  if (!checked.ok) return checked;
  const parts = splitByVendor(order, input.lines);
  const groupId = parts.length > 1 ? deps.ids.next() : null;
  const cases: OpenedReturn["cases"][number][] = [];
  for (const part of parts) {
    const opened = await openReturnIn(deps, r, merchantId, { ...input, lines: part.lines, groupId }, actor);
    if (!opened.ok) return err(renumbered(opened.error, part.positions));
    cases.push({ case: opened.value, positions: part.positions });
  }
  return ok({ groupId, cases });
}

/**
 * POST /api/v1/returns: a return of one vendor's goods is `createReturn` as before; a return of
 * several vendors' goods opens one case per vendor in one transaction (all or nothing).
 */
export async function createReturns(
  deps: Deps,
  merchantId: string,
  input: CreateReturnInput,
  actor: Actor,
): Promise<Result<OpenedReturn, DomainError>> {
  // The read takes the case number too (one statement); a return split by vendor numbers each of its
  // cases and leaves that one unused (numbers need not be gapless).
  const loaded = await deps.store.read.orders.forNewReturn(merchantId, input.orderExternalId);
  if (!loaded || splitByVendor(loaded.order, input.lines).length < 2) {
    // createReturn, answering an OpenedReturn from its one transaction (the idempotency store keeps that answer).
    const prepared = await prepareReturn(deps, merchantId, input, loaded);
    if (!prepared.ok) return prepared;
    const positions = input.lines.map((_, i) => i);
    return deps.store.transaction(async (r) => {
      const c = await openReturnIn(deps, r, merchantId, input, actor, prepared.value);
      return c.ok ? ok({ groupId: null, cases: [{ case: c.value, positions }] }) : c;
    });
  }
  return allOrNothing(deps.store, (r) => openReturnsIn(deps, r, merchantId, input, actor));
}
