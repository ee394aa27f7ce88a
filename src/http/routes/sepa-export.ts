import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { sepaExportBody } from "../../app/inputs/refund-input.ts";
import type { Deps } from "../../app/ports/index.ts";
import { exportSepa } from "../../app/sepa-export.ts";
import { merchantOf } from "../auth.ts";
import { outcome, sendIdempotent } from "../respond.ts";

/** POST /payouts/sepa-export: approved EUR bank transfers as one SEPA credit-transfer file. */
export const sepaExportRoutes =
  (deps: Deps): FastifyPluginAsyncZod =>
  async (app) => {
    app.post(
      "/payouts/sepa-export",
      {
        schema: {
          tags: ["settlements"],
          summary:
            "Approved EUR bank transfers as an ISO 20022 SEPA credit-transfer file (pain.001.001.09), in `xml`",
          body: sepaExportBody,
        },
      },
      (req, reply) =>
        // Idempotent like every POST: a retry after a lost answer gets the same file, not an empty export.
        sendIdempotent(
          deps,
          req,
          reply,
          (d) => exportSepa(d, merchantOf(req), req.body.requestedExecutionDate),
          (r) =>
            outcome(r, 200, (v) => ({
              messageId: v.messageId,
              payments: v.count,
              format: "pain.001.001.09",
              xml: v.xml,
            })),
        ),
    );
  };
