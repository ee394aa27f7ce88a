/**
 * The returns assistant: a shopper's question → its intent (deterministic, `matchIntent`) → the
 * facts the use cases compute (policy decision, refund preview or settlements, case state, lanes) →
 * an answer worded by the ICU catalogues, optionally re-phrased by a language model that may only
 * re-word those facts. Unsure, or asked for a person: a colleague takes over (`handover.ts`).
 */

import { composeAnswer } from "../../domain/assistant/answer.ts";
import type { AssistantAnswer, AssistantFacts } from "../../domain/assistant/facts.ts";
import { type IntentMatch, matchIntent } from "../../domain/assistant/intent-match.ts";
import { checkPhrasing } from "../../domain/assistant/phrasing-check.ts";
import type { DomainError } from "../../domain/errors.ts";
import type { Locale } from "../../domain/locales.ts";
import { ok, type Result } from "../../domain/result.ts";
import type { ReturnCase } from "../../domain/return-case.ts";
import { loadSessionCase } from "../portal/portal-case.ts";
import { type SessionContext, sessionContext } from "../portal/portal-order.ts";
import type { PortalSession } from "../portal/session-token.ts";
import { shopperActor } from "../portal/submit-return.ts";
import type { Deps } from "../ports/index.ts";
import { caseFacts, caseRefund, sendFacts } from "./case-facts.ts";
import { type HandoverRecord, handOver } from "./handover.ts";
import { lineFacts, previewFees, previewRefund, wholeReturnPreview } from "./order-facts.ts";

export interface AskInput {
  readonly message: string;
  readonly locale: Locale;
  /** The case the shopper is looking at; none: the order's latest case, if any. */
  readonly caseId?: string | null;
}

export interface AskResult extends AssistantAnswer {
  readonly phrasing: "deterministic" | "llm";
  readonly handedOver: HandoverRecord | null;
}

async function caseInContext(
  deps: Deps,
  ctx: SessionContext,
  caseId: string | null | undefined,
): Promise<Result<ReturnCase | null, DomainError>> {
  const r = deps.store.read;
  if (caseId) {
    const found = await loadSessionCase(r, ctx.session, caseId);
    return found.ok ? ok(found.value.case) : found;
  }
  const cases = await r.cases.list(ctx.merchant.id, { orderId: ctx.order.id, limit: 50 });
  const own = cases.filter((c) => !!c.portal?.giftRecipient === ctx.session.gift);
  return ok(own.sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime())[0] ?? null);
}

async function factsFor(
  deps: Deps,
  ctx: SessionContext,
  c: ReturnCase | null,
  m: IntentMatch,
): Promise<AssistantFacts> {
  const r = deps.store.read;
  const gift = ctx.session.gift;
  switch (m.intent) {
    case "eligibility": {
      const whole = await wholeReturnPreview(deps, ctx.session);
      return { intent: "eligibility", lines: whole ? lineFacts(whole.order) : [] };
    }
    case "refund_timing": {
      if (gift) return { intent: "unknown" };
      if (c) return { intent: "refund_timing", caseNumber: c.number, ...(await caseRefund(r, c)) };
      const whole = await wholeReturnPreview(deps, ctx.session);
      if (!whole?.preview)
        return { intent: "refund_timing", caseNumber: null, parts: [], trigger: null, deadline: null };
      return { intent: "refund_timing", caseNumber: null, ...previewRefund(whole.preview) };
    }
    case "status":
      return {
        intent: "status",
        case: c ? await caseFacts(r, c, ctx.order.customerTimeZone ?? "UTC") : null,
      };
    case "send_from":
      return {
        intent: "send_from",
        send: await sendFacts(deps, ctx.order, m.country ?? ctx.order.shippingAddress.country),
      };
    case "costs": {
      const whole = gift ? null : await wholeReturnPreview(deps, ctx.session);
      if (!whole?.preview) return { intent: "unknown" };
      const policy = whole.preview.decision.policies[0];
      return {
        intent: "costs",
        fees: previewFees(whole.preview),
        policyRef: policy ? `policy ${policy.id} v${policy.version}` : null,
      };
    }
    default:
      return { intent: m.intent };
  }
}

async function phrased(
  deps: Deps,
  base: AssistantAnswer,
  input: AskInput,
): Promise<AssistantAnswer & { phrasing: AskResult["phrasing"] }> {
  const phraser = deps.assistant;
  if (!phraser || base.handover) return { ...base, phrasing: "deterministic" };
  try {
    const reply = await phraser.phrase({
      locale: input.locale,
      intent: base.intent,
      question: input.message,
      answer: base.answer,
      facts: base.facts.map((f) => f.text),
    });
    const verdict = checkPhrasing(reply, base);
    if (verdict.ok) return { ...base, answer: reply.trim(), phrasing: "llm" };
    deps.log?.({ event: "assistant.phrasing_refused", reason: verdict.reason });
  } catch (e) {
    deps.log?.({ event: "assistant.phrasing_failed", reason: e instanceof Error ? e.name : "error" });
  }
  return { ...base, phrasing: "deterministic" };
}

export async function askAssistant(
  deps: Deps,
  session: PortalSession,
  input: AskInput,
): Promise<Result<AskResult, DomainError>> {
  const ctx = await sessionContext(deps.store.read, session);
  if (!ctx.ok) return ctx;
  const c = await caseInContext(deps, ctx.value, input.caseId);
  if (!c.ok) return c;
  const match = matchIntent(input.message, input.locale);
  const base = composeAnswer(input.locale, await factsFor(deps, ctx.value, c.value, match));
  const out = await phrased(deps, base, input);
  if (!out.handover) return ok({ ...out, handedOver: null });
  const record = await handOver(
    deps,
    ctx.value,
    c.value,
    { question: input.message, answer: out.answer, locale: input.locale, intent: match.intent },
    shopperActor(ctx.value),
  );
  return ok({ ...out, handedOver: record });
}
