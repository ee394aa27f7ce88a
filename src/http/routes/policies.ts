import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { merchantById } from "../../app/account-queries.ts";
import { countryCode, currencyCode, MAX_VERSION } from "../../app/inputs/fields.ts";
import { policyCheckBody } from "../../app/inputs/policy-check-input.ts";
import { policyBody } from "../../app/inputs/policy-input.ts";
import { getPolicy, listPolicies, savePolicy } from "../../app/policies.ts";
import { checkPolicyDraft, policyVersions } from "../../app/policy-draft.ts";
import type { Deps, StoredPolicy } from "../../app/ports/index.ts";
import { renderedPolicy } from "../../app/rendered-policy.ts";
import type { PolicyWarning } from "../../domain/policy/policy-warnings.ts";
import { actorOf, merchantOf, ownVendorOf } from "../auth.ts";
import { presentDecision } from "../present-decision.ts";
import { outcome, send, sendIdempotent } from "../respond.ts";

function presentPolicy(s: StoredPolicy, warnings?: readonly PolicyWarning[]) {
  return {
    id: s.id,
    version: s.version,
    ...(s.document as Record<string, unknown>),
    savedAt: s.createdAt.toISOString(),
    savedBy: s.actorId,
    ...(warnings ? { warnings } : {}),
  };
}

const params = z.object({ id: z.string().min(1).max(63) });

export const policyRoutes =
  (deps: Deps): FastifyPluginAsyncZod =>
  async (app) => {
    app.put(
      "/policies/:id",
      {
        schema: {
          tags: ["policies"],
          summary: "Save a new version of a return policy",
          description:
            "Each save is a new version; open cases keep the version they were decided with. Money values are per currency " +
            '(`{"EUR": "4.95", "GBP": "3.95"}`). Terms below a statutory floor are saved but answered with `warnings` naming the statute; ' +
            "the engine applies the floor regardless. An active scope as specific as another active policy's and overlapping it is refused.",
          params,
          body: policyBody,
        },
      },
      async (req, reply) => {
        const r = await savePolicy(
          deps,
          merchantOf(req),
          req.params.id,
          req.body,
          actorOf(req),
          ownVendorOf(req),
        );
        return send(
          reply,
          outcome(r, r.ok && r.value.created ? 201 : 200, (v) => presentPolicy(v.stored, v.warnings)),
        );
      },
    );
    app.get(
      "/policies",
      {
        schema: {
          tags: ["policies"],
          summary: "The latest version of every policy, with warnings",
          description:
            "`marketplaceMinimums` (settings) is what every vendor's own policy must give. A vendor account sees its own vendor's policies only.",
        },
      },
      async (req) => {
        const m = await merchantById(deps, merchantOf(req));
        const items = await listPolicies(deps, merchantOf(req), ownVendorOf(req));
        return {
          items: items.map((p) => presentPolicy(p.stored, p.warnings)),
          marketplaceMinimums: m?.settings.marketplaceMinimums ?? null,
        };
      },
    );
    app.get(
      "/policies/rendered",
      {
        schema: {
          tags: ["policies"],
          summary: "The return policy for a market, in the shopper's language, with their statutory rights",
          description:
            "Generated from the same rules the engine enforces. Languages: en, de, fr, es, ja (others fall back to English; `locale` in the answer says which was used).",
          querystring: z.object({
            country: countryCode,
            region: z
              .string()
              .regex(/^[A-Z0-9]{1,3}$/)
              .optional(),
            locale: z.string().min(2).max(35).default("en"),
            currency: currencyCode.optional(),
          }),
        },
      },
      async (req, reply) =>
        send(
          reply,
          outcome(await renderedPolicy(deps, merchantOf(req), req.query), 200, (p) => p),
        ),
    );
    app.get(
      "/policies/:id",
      {
        schema: {
          tags: ["policies"],
          summary: "A policy (latest version, or ?version=)",
          params,
          querystring: z.object({ version: z.coerce.number().int().min(1).max(MAX_VERSION).optional() }),
        },
      },
      async (req, reply) =>
        send(
          reply,
          outcome(
            await getPolicy(deps, merchantOf(req), req.params.id, req.query.version, ownVendorOf(req)),
            200,
            (s) => presentPolicy(s),
          ),
        ),
    );
    app.post(
      "/policies/:id/check",
      {
        schema: {
          tags: ["policies"],
          summary: "Check a policy before saving it: statutory warnings, overlap, and a sample decision",
          description:
            "No side effects. `warnings` are those a save would answer (per covered country, naming the statute); " +
            "`problem` is what a save would refuse (an overlapping scope); with `sample` (an order and lines), " +
            "`decision` is what the engine would decide with this draft in place of the saved version. " +
            "A vendor account checks without `sample` (an order may hold other vendors' goods; 422 on `sample`).",
          params,
          body: policyCheckBody,
        },
      },
      async (req, reply) => {
        const { policy, sample } = req.body;
        const input = sample ? { ...sample, at: sample.at ? new Date(sample.at) : undefined } : null;
        return sendIdempotent(
          deps,
          req,
          reply,
          (d) => checkPolicyDraft(d, merchantOf(req), req.params.id, policy, input, ownVendorOf(req)),
          (r) =>
            outcome(r, 200, (v) => ({
              warnings: v.warnings,
              problem: v.problem,
              decision: v.decision ? presentDecision(v.decision) : null,
            })),
        );
      },
    );
    app.get(
      "/policies/:id/versions",
      { schema: { tags: ["policies"], summary: "Every saved version of a policy, oldest first", params } },
      async (req, reply) =>
        send(
          reply,
          outcome(await policyVersions(deps, merchantOf(req), req.params.id, ownVendorOf(req)), 200, (v) => ({
            items: v.map((x) => ({
              version: x.version,
              savedAt: x.createdAt.toISOString(),
              savedBy: x.actorId,
            })),
          })),
        ),
    );
  };
