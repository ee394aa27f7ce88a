import type { DomainError, FieldIssue } from "../../domain/errors.ts";
import {
  offersWithdrawalFunction,
  WITHDRAWAL_FUNCTION_CITATION,
  type WithdrawalDeclaration,
} from "../../domain/portal/withdrawal-function.ts";
import { err, ok, type Result } from "../../domain/result.ts";
import { allOrNothing, type OpenedReturn, openReturnsIn } from "../create-return-group.ts";
import type { Deps } from "../ports/index.ts";
import { evaluate } from "../return-evaluation.ts";
import { sessionContext } from "./portal-order.ts";
import type { PortalSession } from "./session-token.ts";
import { shopperActor } from "./submit-return.ts";

export interface WithdrawalInput {
  readonly lines: readonly { readonly orderLineExternalId: string; readonly quantity: number }[];
  readonly name: string;
  readonly email: string;
  readonly locale: string;
}

/**
 * The EU withdrawal function's second step: the shopper confirmed withdrawing from the contract for
 * these items. Opens a return on the statutory withdrawal track and stores the declaration with the
 * time it was received (the acknowledgement shown on screen); the refund deadline starts now. Items of
 * several marketplace vendors open one case per vendor (a group), each with the declaration.
 */
export async function declareWithdrawal(
  deps: Deps,
  session: PortalSession,
  input: WithdrawalInput,
): Promise<Result<{ opened: OpenedReturn; declaration: WithdrawalDeclaration }, DomainError>> {
  const ctx = await sessionContext(deps.store.read, session);
  if (!ctx.ok) return ctx;
  const { merchant, order } = ctx.value;
  if (session.gift || !offersWithdrawalFunction(order.shippingAddress.country))
    return err({
      code: "invalid_input",
      issues: [
        { path: "order", message: "the withdrawal function is offered for EU and EEA orders of the buyer" },
      ],
    });
  const at = deps.clock.now();
  const issues: FieldIssue[] = [];
  const lines = input.lines.flatMap((l, i) => {
    const line = order.lines.find((x) => x.externalId === l.orderLineExternalId);
    if (!line)
      issues.push({ path: `lines[${i}].orderLineExternalId`, message: "no such line on this order" });
    return line
      ? [{ orderLineExternalId: line.externalId, sku: line.sku, title: line.title, quantity: l.quantity }]
      : [];
  });
  if (issues.length > 0) return err({ code: "invalid_input", issues });
  const declaration: WithdrawalDeclaration = {
    declaredAt: at.toISOString(),
    orderExternalId: order.externalId,
    consumer: { name: input.name.trim(), email: input.email.trim().toLowerCase() },
    lines,
    locale: input.locale,
    citation: WITHDRAWAL_FUNCTION_CITATION,
  };
  const requested = input.lines.map((l) => ({ ...l, reason: "changed_mind" as const }));
  // One transaction, all or nothing: a withdrawal of several vendors' goods opens one case per vendor.
  return allOrNothing(deps.store, async (r) => {
    // Only the statutory right is withdrawn here: a line outside its period is an ordinary return.
    const judged = await evaluate(
      r,
      merchant.id,
      { orderExternalId: order.externalId, lines: requested },
      at,
      true,
    );
    if (!judged.ok) return judged;
    const outside = judged.value.decision.lines.filter(
      (l) => !l.tracks.some((t) => t.track === "statutory_withdrawal" && t.eligible),
    );
    if (outside.length > 0)
      return err({
        code: "not_eligible",
        lines: outside.map((l) => ({
          orderLineExternalId: l.orderLineExternalId,
          blockedBy: l.tracks.find((t) => t.track === "statutory_withdrawal")?.blockedBy ?? [],
        })),
      });
    const actor = shopperActor(ctx.value);
    const opened = await openReturnsIn(
      deps,
      r,
      merchant.id,
      {
        orderExternalId: order.externalId,
        lines: requested,
        requestedResolution: "refund",
        source: "portal",
        locale: input.locale,
        portal: { withdrawal: declaration },
      },
      actor,
    );
    if (!opened.ok) return opened;
    for (const { case: c } of opened.value.cases)
      await r.cases.append(c, [
        {
          type: "return.withdrawal_declared",
          actor,
          at,
          reason: null,
          fromStatus: c.status,
          toStatus: c.status,
          data: { ...declaration },
        },
      ]);
    return ok({ opened: opened.value, declaration });
  });
}
