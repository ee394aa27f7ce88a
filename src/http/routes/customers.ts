import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { type ErasureReport, eraseCustomer } from "../../app/erasure.ts";
import { toMoney } from "../../app/inputs/fields.ts";
import { redeemBody } from "../../app/inputs/refund-input.ts";
import type { Deps } from "../../app/ports/index.ts";
import { storeCredit } from "../../app/queries.ts";
import { redeemStoreCredit } from "../../app/store-credit.ts";
import { formatMoney } from "../../domain/money.ts";
import { actorOf, merchantOf } from "../auth.ts";
import { notFoundUnlessUuid } from "../ids.ts";
import { moneyJson } from "../present-money.ts";
import { outcome, send, sendIdempotent } from "../respond.ts";

const presentErasure = (v: ErasureReport) => ({
  customerId: v.customerId,
  erased: true,
  alreadyErased: v.alreadyErased,
  orders: v.orders,
  cases: v.cases,
  photos: v.photos,
});

const ERASURE_DOC =
  "Pseudonymises a shopper's personal data (name, e-mail, addresses, comments, bank details, photos, and their copies in events, shipments, credit-note documents, e-mails and webhook payloads); ledger rows, amounts, numbers and statuses are kept. 409 settlement_state while a settlement to the shopper is not final. Idempotent: again answers alreadyErased.";

export const customerRoutes =
  (deps: Deps): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      "/customers/:id/store-credit",
      {
        schema: {
          tags: ["customers"],
          summary: "A customer's store-credit balance per currency",
          params: z.object({ id: z.string() }),
        },
      },
      async (req, reply) => {
        const bad = notFoundUnlessUuid(reply, "customer", req.params.id);
        if (bad) return bad;
        const r = await storeCredit(deps, merchantOf(req), req.params.id);
        return send(
          reply,
          outcome(r, 200, (v) => ({
            customerId: v.customer.id,
            email: v.customer.email,
            balances: v.balances.map((b) => ({ currency: b.currency, amount: formatMoney(b) })),
          })),
        );
      },
    );

    app.post(
      "/customers/:id/erasure",
      {
        schema: {
          tags: ["customers"],
          summary: "Erase a shopper's personal data (GDPR art. 17), keeping the accounting records",
          description: ERASURE_DOC,
          params: z.object({ id: z.string() }),
        },
      },
      async (req, reply) => {
        const bad = notFoundUnlessUuid(reply, "customer", req.params.id);
        if (bad) return bad;
        return sendIdempotent(
          deps,
          req,
          reply,
          (d) => eraseCustomer(d, merchantOf(req), { customerId: req.params.id }, actorOf(req)),
          (r) => outcome(r, 200, presentErasure),
        );
      },
    );

    app.post(
      "/customers/erasure",
      {
        schema: {
          tags: ["customers"],
          summary: "Erase a shopper's personal data, found by e-mail",
          description: ERASURE_DOC,
          body: z.object({ email: z.string().trim().min(3, "is required").max(320) }),
        },
      },
      async (req, reply) =>
        sendIdempotent(
          deps,
          req,
          reply,
          (d) => eraseCustomer(d, merchantOf(req), { email: req.body.email }, actorOf(req)),
          (r) => outcome(r, 200, presentErasure),
        ),
    );

    app.post(
      "/customers/:id/store-credit/redeem",
      {
        schema: {
          tags: ["customers"],
          summary: "Spend store credit (the credit that expires first goes first)",
          params: z.object({ id: z.string() }),
          body: redeemBody,
        },
      },
      async (req, reply) => {
        const bad = notFoundUnlessUuid(reply, "customer", req.params.id);
        if (bad) return bad;
        return sendIdempotent(
          deps,
          req,
          reply,
          (d) =>
            redeemStoreCredit(
              d,
              merchantOf(req),
              req.params.id,
              toMoney(req.body.amount, req.body.currency),
              req.body.reference,
            ),
          (r) => outcome(r, 200, (v) => ({ redeemed: moneyJson(v.redeemed), balance: moneyJson(v.balance) })),
        );
      },
    );
  };
