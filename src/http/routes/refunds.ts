import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import type { CreditNoteView } from "../../app/documents/credit-note-view.ts";
import { toMoney } from "../../app/inputs/fields.ts";
import { refundBody } from "../../app/inputs/refund-input.ts";
import type { Deps } from "../../app/ports/index.ts";
import { caseRefunds, creditNote, creditNotes, creditNoteWithLocale } from "../../app/refund-queries.ts";
import { issueRefund, previewRefund, type RefundRequest } from "../../app/refunds.ts";
import { actorOf, merchantOf } from "../auth.ts";
import { notFoundUnlessUuid } from "../ids.ts";
import {
  presentCalculation,
  presentCreditNote,
  presentPlan,
  presentSettlementFull,
} from "../present-money.ts";
import { outcome, send, sendIdempotent } from "../respond.ts";

const idParams = z.object({ id: z.string() });
type Body = z.infer<typeof refundBody>;

function request(b: Body): RefundRequest {
  return {
    lines: b.lines,
    goodwill: b.goodwill ? toMoney(b.goodwill.amount, b.goodwill.currency) : null,
    replacement: b.replacement
      ? {
          ...b.replacement,
          unitPrice: toMoney(b.replacement.unitPrice.amount, b.replacement.unitPrice.currency),
        }
      : null,
  };
}

export const refundRoutes =
  (deps: Deps): FastifyPluginAsyncZod =>
  async (app) => {
    app.post(
      "/returns/:id/refund-preview",
      {
        schema: {
          tags: ["refunds"],
          summary: "The itemised refund that is due now, and how it would be settled (no side effects)",
          params: idParams,
          body: refundBody,
        },
      },
      async (req, reply) => {
        const bad = notFoundUnlessUuid(reply, "return", req.params.id);
        if (bad) return bad;
        return sendIdempotent(
          deps,
          req,
          reply,
          (d) => previewRefund(d, merchantOf(req), req.params.id, request(req.body)),
          (r) =>
            outcome(r, 200, (v) =>
              v
                ? {
                    due: true,
                    calculation: presentCalculation(v.calculation),
                    settlements: presentPlan(v.plan),
                  }
                : { due: false, calculation: null, settlements: [] },
            ),
        );
      },
    );
    app.post(
      "/returns/:id/refunds",
      {
        schema: {
          tags: ["refunds"],
          summary:
            "Issue the refund that is due (or the listed units): calculation, settlements, credit note",
          description:
            "Idempotent with Idempotency-Key; of concurrent requests only one moves money, the others get 409/422. Settlements run in the background job queue.",
          params: idParams,
          body: refundBody,
        },
      },
      async (req, reply) => {
        const bad = notFoundUnlessUuid(reply, "return", req.params.id);
        if (bad) return bad;
        return sendIdempotent(
          deps,
          req,
          reply,
          (d) => issueRefund(d, merchantOf(req), req.params.id, request(req.body), actorOf(req)),
          (r) =>
            outcome(r, 201, (v) => ({
              calculation: presentCalculation(v.calculation),
              settlements: v.settlements.map(presentSettlementFull),
              creditNote: v.creditNote ? presentCreditNote(v.creditNote) : null,
            })),
        );
      },
    );
    app.get(
      "/returns/:id/refunds",
      {
        schema: {
          tags: ["refunds"],
          summary: "Every refund calculation of a case (immutable versions)",
          params: idParams,
        },
      },
      async (req, reply) => {
        const bad = notFoundUnlessUuid(reply, "return", req.params.id);
        if (bad) return bad;
        const r = await caseRefunds(deps, merchantOf(req), req.params.id);
        if (!r.ok)
          return send(
            reply,
            outcome(r, 200, () => null),
          );
        return {
          items: r.value.calculations.map(presentCalculation),
          creditNotes: r.value.creditNotes.map(presentCreditNote),
        };
      },
    );
    app.get(
      "/credit-notes",
      {
        schema: {
          tags: ["refunds"],
          summary: "Credit notes, newest first (of one case with ?caseId=)",
          querystring: z.object({
            limit: z.coerce.number().int().min(1).max(200).default(50),
            caseId: z.uuid().optional(),
          }),
        },
      },
      async (req) => ({
        items: (await creditNotes(deps, merchantOf(req), req.query.limit, req.query.caseId)).map(
          presentCreditNote,
        ),
      }),
    );
    app.get(
      "/credit-notes/:id",
      { schema: { tags: ["refunds"], summary: "A credit note (never edited)", params: idParams } },
      async (req, reply) => {
        const bad = notFoundUnlessUuid(reply, "credit note", req.params.id);
        if (bad) return bad;
        return send(
          reply,
          outcome(await creditNote(deps, merchantOf(req), req.params.id), 200, presentCreditNote),
        );
      },
    );
    app.get(
      "/credit-notes/:id/pdf",
      {
        schema: {
          tags: ["refunds"],
          summary: "The credit note as PDF in the shopper's locale (or ?locale=)",
          params: idParams,
          querystring: z.object({ locale: z.string().min(2).max(35).optional() }),
        },
      },
      async (req, reply) => {
        const bad = notFoundUnlessUuid(reply, "credit note", req.params.id);
        if (bad) return bad;
        const r = await creditNoteWithLocale(deps, merchantOf(req), req.params.id);
        if (!r.ok)
          return send(
            reply,
            outcome(r, 200, () => null),
          );
        const n = r.value.note;
        const pdf = await deps.documents.creditNotePdf(
          n.document as unknown as CreditNoteView,
          req.query.locale ?? r.value.caseLocale ?? "en",
        );
        return reply
          .type("application/pdf")
          .header("content-disposition", `inline; filename="${n.number}.pdf"`)
          .send(pdf);
      },
    );
  };
