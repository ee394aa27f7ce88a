import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { toMoney } from "../../app/inputs/fields.ts";
import { moneyObject } from "../../app/inputs/logistics-input.ts";
import { claimPack, listClaims, moveClaim } from "../../app/logistics/duty-claims.ts";
import type { Deps } from "../../app/ports/index.ts";
import { CLAIM_STATES, DUTY_REGIMES } from "../../domain/logistics/duty-recovery.ts";
import { actorOf, merchantOf } from "../auth.ts";
import { notFoundUnlessUuid } from "../ids.ts";
import { presentClaim, presentTotals } from "../present-logistics.ts";
import { outcome, sendIdempotent } from "../respond.ts";

const TAGS = ["duty recovery"];
const id = z.object({ id: z.string() });

export const dutyRecoveryRoutes =
  (deps: Deps): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      "/duty-recovery",
      {
        schema: {
          tags: TAGS,
          summary: "The duty and tax recovery ledger: per returned line, with totals per regime",
          querystring: z.object({
            state: z.enum(CLAIM_STATES).optional(),
            regime: z.enum(DUTY_REGIMES).optional(),
            caseId: z.uuid().optional(),
          }),
        },
      },
      async (req) => {
        const r = await listClaims(deps, merchantOf(req), req.query);
        return { items: r.items.map(presentClaim), totals: r.totals.map(presentTotals) };
      },
    );
    app.get(
      "/duty-recovery/claim-pack",
      {
        schema: {
          tags: TAGS,
          summary: "Claim pack of a regime (recoverable and claimed lines with evidence) as CSV or PDF",
          querystring: z.object({
            regime: z.enum(DUTY_REGIMES),
            format: z.enum(["csv", "pdf"]).default("csv"),
          }),
        },
      },
      async (req, reply) => {
        const pack = await claimPack(deps, merchantOf(req), req.query.regime);
        const name = `claim-pack-${req.query.regime}`;
        if (req.query.format === "pdf" && deps.logistics)
          return reply
            .type("application/pdf")
            .header("content-disposition", `inline; filename="${name}.pdf"`)
            .send(await deps.logistics.documents.claimPackPdf(pack.view));
        return reply
          .type("text/csv; charset=utf-8")
          .header("content-disposition", `attachment; filename="${name}.csv"`)
          .send(pack.csv);
      },
    );
    const run = (to: "claimed" | "recovered" | "lost", body: z.ZodType) =>
      app.post(
        `/duty-recovery/:id/${to === "claimed" ? "claim" : to}`,
        { schema: { tags: TAGS, summary: `Mark a ledger line ${to}`, params: id, body } },
        async (req, reply) => {
          const bad = notFoundUnlessUuid(reply, "duty claim", req.params.id);
          if (bad) return bad;
          const b = req.body as {
            reference?: string;
            amount?: { amount: string; currency: string };
            reason?: string;
          };
          const action =
            to === "claimed"
              ? { to, reference: b.reference ?? "" }
              : to === "recovered"
                ? { to, amount: toMoney(b.amount?.amount ?? "0", b.amount?.currency ?? "EUR") }
                : { to, reason: b.reason ?? "" };
          return sendIdempotent(
            deps,
            req,
            reply,
            (d) => moveClaim(d, merchantOf(req), req.params.id, action, actorOf(req)),
            (r) => outcome(r, 200, presentClaim),
          );
        },
      );
    run("claimed", z.strictObject({ reference: z.string().trim().min(1).max(200) }));
    run("recovered", z.strictObject({ amount: moneyObject }));
    run("lost", z.strictObject({ reason: z.string().trim().min(1).max(500) }));
  };
