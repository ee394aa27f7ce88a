/**
 * Hands a question the assistant could not answer to a person: an internal note on the case (event
 * `return.note_added`, shown on the back office's case page), or — before any case exists — a
 * merchant notice (`GET /api/v1/notices`, kind `assistant.handover`) naming the order.
 */
import type { Actor } from "../../domain/actor.ts";
import type { ReturnCase } from "../../domain/return-case.ts";
import { addCaseNote } from "../case-notes.ts";
import type { SessionContext } from "../portal/portal-order.ts";
import type { Deps } from "../ports/index.ts";

export interface Handover {
  readonly question: string;
  readonly answer: string;
  readonly locale: string;
  readonly intent: string;
}

export type HandoverRecord =
  | { readonly kind: "case_note"; readonly caseId: string; readonly eventId: number }
  | { readonly kind: "notice"; readonly noticeId: string };

/** The shopper's words kept apart from ours when scripts of both directions meet (Unicode isolates). */
const isolate = (text: string) => `\u2068${text}\u2069`;

const noteText = (ctx: SessionContext, h: Handover) =>
  [
    `Returns assistant handed over a question (order ${ctx.order.externalId}, language ${h.locale}, intent ${h.intent}).`,
    `Question: "${isolate(h.question)}"`,
    `Answered: "${isolate(h.answer)}" — please reply to the shopper by e-mail.`,
  ].join("\n");

export async function handOver(
  deps: Deps,
  ctx: SessionContext,
  c: ReturnCase | null,
  h: Handover,
  actor: Actor,
): Promise<HandoverRecord> {
  const text = noteText(ctx, h);
  if (c) {
    const note = await addCaseNote(deps, ctx.merchant.id, c.id, text, actor);
    if (!note.ok) throw new Error(`handover note on case ${c.id}: ${note.error.code}`);
    return { kind: "case_note", caseId: c.id, eventId: note.value.id };
  }
  const id = deps.ids.next();
  await deps.store.transaction((r) =>
    r.notices.insert({
      id,
      merchantId: ctx.merchant.id,
      kind: "assistant.handover",
      message: text,
      data: {
        orderId: ctx.order.id,
        orderExternalId: ctx.order.externalId,
        locale: h.locale,
        intent: h.intent,
      },
      createdAt: deps.clock.now(),
    }),
  );
  return { kind: "notice", noticeId: id };
}
