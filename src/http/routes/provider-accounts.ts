import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { providerAccounts, providerAccountTakenByOther } from "../../app/account-queries.ts";
import type { Deps } from "../../app/ports/index.ts";
import {
  PAYMENT_PROVIDERS,
  type ProviderAccountRecord,
  presentProviderAccount,
  saveProviderAccount,
} from "../../app/provider-accounts.ts";
import { merchantOf } from "../auth.ts";
import { problemOf, sendProblem } from "../problem.ts";

/** PUT /settings/payment-providers/{provider}: the merchant's own account (issue 8 point 9). */
export const providerAccountBody = z.object({
  /** Stripe: the Connect account `acct_…`; Adyen: the merchantAccount. */
  accountId: z
    .string()
    .trim()
    .min(1)
    .max(255)
    .regex(/^[A-Za-z0-9_.-]+$/, "letters, digits, _ . - only")
    .nullish(),
  /** The merchant's own secret key (Stripe sk_/rk_…, Adyen API key); stored encrypted, never shown. */
  apiKey: z.string().trim().min(8).max(1000).nullish(),
});
const providerParam = z.object({ provider: z.enum(PAYMENT_PROVIDERS) });

export const providerAccountRoutes =
  (deps: Deps): FastifyPluginAsyncZod =>
  async (app) => {
    const present = (r: ProviderAccountRecord) =>
      presentProviderAccount(
        r,
        r.sealedApiKey && deps.secrets ? deps.secrets.decrypt(r.sealedApiKey).slice(-4) : null,
      );
    app.get(
      "/settings/payment-providers",
      {
        schema: {
          tags: ["settings"],
          summary: "The merchant's payment-provider accounts (keys never shown)",
        },
      },
      async (req) => ({
        data: (await providerAccounts(deps, merchantOf(req))).map(present),
      }),
    );
    app.put(
      "/settings/payment-providers/:provider",
      {
        schema: {
          tags: ["settings"],
          summary:
            "Set the merchant's own Stripe or Adyen account; refunds of its tenders go through it only",
          params: providerParam,
          body: providerAccountBody,
        },
      },
      async (req, reply) => {
        const { provider } = req.params;
        const accountId = req.body.accountId ?? null;
        const apiKey = req.body.apiKey ?? null;
        const bad = (path: string, message: string) =>
          sendProblem(reply, problemOf({ code: "invalid_input", issues: [{ path, message }] }));
        if (provider === "stripe") {
          if (!accountId && !apiKey) return bad("accountId", "give a Connect account (acct_…) or an apiKey");
          if (accountId && !accountId.startsWith("acct_"))
            return bad("accountId", "must be a Stripe account id (acct_…)");
          if (apiKey && !/^(sk|rk)_(test|live)_/.test(apiKey))
            return bad("apiKey", "must be a Stripe secret or restricted key (sk_… or rk_…)");
        }
        if (provider === "adyen" && !accountId)
          return bad("accountId", "the Adyen merchantAccount is required");
        const merchantId = merchantOf(req);
        if (accountId) {
          if (await providerAccountTakenByOther(deps, merchantId, provider, accountId))
            return bad("accountId", "is already another merchant's account");
        }
        const saved = await saveProviderAccount(deps, merchantId, { provider, accountId, apiKey });
        return present(saved);
      },
    );
    app.delete(
      "/settings/payment-providers/:provider",
      {
        schema: {
          tags: ["settings"],
          summary: "Remove the merchant's account of a provider",
          params: providerParam,
        },
      },
      async (req, reply) => {
        const gone = await deps.store.transaction((r) =>
          r.providerAccounts.remove(merchantOf(req), req.params.provider),
        );
        if (!gone)
          return sendProblem(
            reply,
            problemOf({ code: "not_found", entity: "payment-provider account", id: req.params.provider }),
          );
        return reply.code(204).send();
      },
    );
  };
