import type { Actor } from "../domain/actor.ts";
import { decide } from "../domain/case-decide.ts";
import { openCase, type RequestedLine } from "../domain/case-opening.ts";
import type { DomainError } from "../domain/errors.ts";
import { refusals } from "../domain/policy/evaluate-return.ts";
import { agreementAtOpening } from "../domain/refund/store-credit-agreement.ts";
import { err, ok, type Result } from "../domain/result.ts";
import type { CaseEvent, CaseSource, PortalDetails, ReturnCase } from "../domain/return-case.ts";
import type { Resolution } from "../domain/return-reasons.ts";
import type { Deps, Repos, ReturnInputs } from "./ports/index.ts";
import { type Evaluated, evaluate, refundDeadlineFor } from "./return-evaluation.ts";

export interface CreateReturnInput {
  readonly orderExternalId: string;
  readonly lines: readonly RequestedLine[];
  readonly requestedResolution: Resolution;
  readonly source: CaseSource;
  /** A staff member's goodwill exception: open the case although the engine refuses some lines. */
  readonly override?: { readonly reason: string } | null;
  /** The shopper's language when it is not the order's (portal). */
  readonly locale?: string;
  /** What the shopper chose in the portal. */
  readonly portal?: PortalDetails | null;
  /** The group of a return split into one case per vendor (create-return-group.ts). */
  readonly groupId?: string | null;
}

export const caseNumber = (n: number): string => `R-${String(n).padStart(6, "0")}`;

/** What was read and decided before the write transaction (see createReturn). */
export interface Prepared {
  readonly at: Date;
  readonly evaluated: Evaluated;
  readonly number: string;
}

/**
 * Opens a return case: the policy engine decides every line and the decision is frozen on the case.
 * Ineligible lines are refused unless the request carries an override, recorded with its actor.
 *
 * Reads and the decision happen before the write transaction, and the case number (which need not
 * be gapless) is taken in its own statement, so the transaction is a few short statements and no
 * merchant-wide lock is held across round trips. Inside it the order row is locked and the held
 * quantities re-read: when another case of the order committed in between, the engine decides again.
 */
export async function createReturn(
  deps: Deps,
  merchantId: string,
  input: CreateReturnInput,
  actor: Actor,
): Promise<Result<ReturnCase, DomainError>> {
  const prepared = await prepareReturn(deps, merchantId, input);
  if (!prepared.ok) return prepared;
  return deps.store.transaction((r) => openReturnIn(deps, r, merchantId, input, actor, prepared.value));
}

/** createReturn's reads and decision before its write transaction. */
export async function prepareReturn(
  deps: Deps,
  merchantId: string,
  input: CreateReturnInput,
  /** What the decision reads, when the caller has read it already (with the case number, when taken). */
  loaded?: (ReturnInputs & { readonly number?: number }) | null,
): Promise<Result<Prepared, DomainError>> {
  const at = deps.clock.now();
  // Read alone, the order comes with the case number in the same statement (a refused request leaves a
  // gap in the numbers, which need not be gapless); a group reads once and numbers each case.
  const inputs =
    loaded !== undefined
      ? loaded
      : await deps.store.read.orders.forNewReturn(merchantId, input.orderExternalId);
  const evaluated = await evaluate(deps.store.read, merchantId, input, at, false, undefined, inputs);
  if (!evaluated.ok) return evaluated;
  const refused = refusals(evaluated.value.decision, input.requestedResolution);
  if (refused.length > 0 && !input.override) return err({ code: "not_eligible", lines: refused });
  const number = caseNumber(inputs?.number ?? (await deps.store.read.cases.nextNumber(merchantId)));
  return ok({ at, evaluated: evaluated.value, number });
}

/** Re-checks a prepared decision under the order's lock; decides again when the held units moved. */
async function recheck(
  r: Repos,
  merchantId: string,
  input: CreateReturnInput,
  prepared: Prepared,
): Promise<Result<Evaluated, DomainError>> {
  const { order, held } = prepared.evaluated;
  await r.orders.lock(merchantId, { externalId: order.externalId });
  const state = await r.orders.returnState(merchantId, order.id);
  if (state.cancelled) return err({ code: "order_cancelled", externalId: order.externalId });
  const now = state.held;
  const same = now.size === held.size && [...now].every(([k, v]) => held.get(k) === v);
  return same ? ok(prepared.evaluated) : evaluate(r, merchantId, input, prepared.at, false);
}

/** createReturn inside the caller's transaction (the portal adds its photos in the same one). */
export async function openReturnIn(
  deps: Deps,
  r: Repos,
  merchantId: string,
  input: CreateReturnInput,
  actor: Actor,
  prepared?: Prepared,
): Promise<Result<ReturnCase, DomainError>> {
  const at = prepared?.at ?? deps.clock.now();
  const evaluated = prepared
    ? await recheck(r, merchantId, input, prepared)
    : await evaluate(r, merchantId, input, at, true);
  if (!evaluated.ok) return evaluated;
  const { order, held, decision, policies } = evaluated.value;
  const refused = refusals(decision, input.requestedResolution);
  if (refused.length > 0 && !input.override) return err({ code: "not_eligible", lines: refused });
  const opened = openCase({
    ids: { caseId: deps.ids.next(), number: "", lineIds: input.lines.map(() => deps.ids.next()) },
    order,
    lines: input.lines,
    requestedResolution: input.requestedResolution,
    source: input.source,
    heldElsewhere: held,
    decision: decision as unknown as Record<string, unknown>,
    actor,
    at,
  });
  if (!opened.ok) return opened;
  const number = prepared?.number ?? caseNumber(await r.cases.nextNumber(merchantId));
  let c: ReturnCase = { ...opened.value.case, number };
  const events: CaseEvent[] = [...opened.value.events];
  if (refused.length > 0 && input.override) {
    const override = { actor, at, rule: "eligibility", reason: input.override.reason };
    c = { ...c, overrides: [override], version: c.version + 1 };
    events.push({
      type: "return.overridden",
      actor,
      at,
      reason: input.override.reason,
      fromStatus: c.status,
      toStatus: c.status,
      data: { rule: "eligibility", refused },
    });
  }
  const agreed = agreementAtOpening(c, decision.lines, actor, at);
  if (!agreed.ok) return agreed;
  if (agreed.value) {
    c = { ...c, expressAgreements: [agreed.value.agreement], version: c.version + 1 };
    events.push(agreed.value.event);
  }
  c = {
    ...c,
    refundDeadline: refundDeadlineFor(order, decision, at),
    locale: input.locale ?? c.locale,
    portal: input.portal ?? null,
    groupId: input.groupId ?? null,
  };
  const review = decision.policies.some(
    (p) => policies.find((x) => x.id === p.id && x.version === p.version)?.requireReview,
  );
  if (review) {
    const moved = decide(
      c,
      { type: "review" },
      { actor: { kind: "system", id: "policy-engine" }, at, reason: "the policy asks for review" },
    );
    if (moved.ok) {
      c = moved.value.case;
      events.push(...moved.value.events);
    }
  }
  await r.cases.insert(c, events);
  return ok(c);
}
