import type {} from "@fastify/multipart";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { portalContext, portalVariants } from "../../app/account-queries.ts";
import { portalPreviewBody } from "../../app/inputs/portal-input.ts";
import { bankAccountBody, toBankAccountDetails } from "../../app/inputs/refund-input.ts";
import { MAX_PHOTO_BYTES, uploadPhoto } from "../../app/portal/photos.ts";
import { portalOrder } from "../../app/portal/portal-order.ts";
import { portalPreview } from "../../app/portal/portal-preview.ts";
import type { Deps } from "../../app/ports/index.ts";
import { negotiateLocale } from "../../domain/locales.ts";
import { validateBankAccount } from "../../domain/payouts/bank-account.ts";
import { PORTAL_RATE, type PortalOptions } from "../portal/portal-options.ts";
import { presentPortalOrder, presentPortalPreview } from "../portal/present-portal.ts";
import { requireSession, sessionOf } from "../portal/session.ts";
import { moneyJson } from "../present-money.ts";
import { issuesField, sendProblem } from "../problem.ts";
import { outcome, send } from "../respond.ts";

const slugParams = z.object({ slug: z.string().regex(/^[a-z0-9-]{1,63}$/, "is not a merchant slug") });
const tags = ["portal"];
const security = [{ portalSession: [] }];
const photoProblem = (status: number, code: string, message: string) => ({
  type: `https://crossback.dev/problems/${code}`,
  title: status === 413 ? "Payload too large" : "Invalid request",
  status,
  code,
  detail: `photo: ${message}`,
  errors: [{ path: "photo", pointer: "/photo", message }],
});

/** The session's order: lines and their basis, the cost preview, exchange variants, checks, photos. */
export const portalOrderRoutes =
  (deps: Deps, opts: PortalOptions): FastifyPluginAsyncZod =>
  async (app) => {
    app.addHook("preHandler", requireSession(deps, opts.key));

    app.get(
      "/:slug/order",
      {
        config: { rateLimit: PORTAL_RATE.read },
        schema: {
          tags,
          security,
          summary: "The session's order: each line, what can come back and why (or why not)",
          params: slugParams,
          querystring: z.object({ locale: z.string().max(35).optional() }),
        },
      },
      async (req, reply) => {
        const r = await portalOrder(deps, sessionOf(req));
        return send(
          reply,
          outcome(r, 200, (v) =>
            presentPortalOrder(
              v,
              negotiateLocale({
                url: req.query.locale,
                order: v.order.customerLocale,
                acceptLanguage: req.headers["accept-language"],
              }),
            ),
          ),
        );
      },
    );

    app.post(
      "/:slug/preview",
      {
        config: { rateLimit: PORTAL_RATE.read },
        schema: {
          tags,
          security,
          summary:
            "The full cost of a return before submitting (the calculation of POST /api/v1/returns/preview)",
          params: slugParams,
          body: portalPreviewBody,
        },
      },
      async (req, reply) => {
        const s = sessionOf(req);
        const r = await portalPreview(deps, s, req.body);
        return send(
          reply,
          outcome(r, 200, (p) => presentPortalPreview(p, s.gift)),
        );
      },
    );

    app.get(
      "/:slug/order/lines/:line/variants",
      {
        config: { rateLimit: PORTAL_RATE.read },
        schema: {
          tags,
          security,
          summary: "Variants a line can be exchanged for, priced in the order's currency",
          params: slugParams.extend({ line: z.string().min(1).max(200) }),
        },
      },
      async (req, reply) => {
        const s = sessionOf(req);
        const ctx = await portalContext(deps, s);
        if (!ctx.ok)
          return send(
            reply,
            outcome(ctx, 200, () => null),
          );
        const r = await portalVariants(deps, s.merchantId, ctx.value.order, req.params.line);
        return send(
          reply,
          outcome(r, 200, (vs) => ({
            items: vs.map((v) => ({ ...v, price: s.gift ? null : moneyJson(v.price) })),
          })),
        );
      },
    );

    app.post(
      "/:slug/bank-account/check",
      {
        config: { rateLimit: PORTAL_RATE.read },
        schema: {
          tags,
          security,
          summary: "Check bank details with the rules a bank-transfer refund uses (nothing is stored)",
          params: slugParams,
          body: bankAccountBody,
        },
      },
      async (req, reply) => {
        const r = validateBankAccount(toBankAccountDetails(req.body));
        if (r.ok) return { valid: true, masked: r.value.masked, country: r.value.country };
        return reply.code(200).send({ valid: false, errors: issuesField(r.error) });
      },
    );

    app.post(
      "/:slug/photos",
      {
        config: { rateLimit: PORTAL_RATE.upload },
        schema: {
          tags,
          security,
          summary: `Upload a photo (multipart field "photo"; JPEG, PNG or WebP, at most ${MAX_PHOTO_BYTES / 1024 / 1024} MB)`,
          description:
            "The type is read from the bytes (a renamed file is refused with 415); EXIF, XMP and comments are removed.",
          consumes: ["multipart/form-data"],
          params: slugParams,
        },
      },
      async (req, reply) => {
        if (!req.isMultipart())
          return sendProblem(
            reply,
            photoProblem(415, "unsupported_media_type", "send multipart/form-data with a photo"),
          );
        let bytes: Buffer | null = null;
        try {
          const file = await req.file({ limits: { fileSize: MAX_PHOTO_BYTES, files: 1 } });
          if (file && file.fieldname === "photo") bytes = await file.toBuffer();
        } catch (e) {
          const code = (e as { code?: string }).code;
          if (code === "FST_REQ_FILE_TOO_LARGE")
            return sendProblem(
              reply,
              photoProblem(413, "payload_too_large", `must be at most ${MAX_PHOTO_BYTES} bytes`),
            );
          return sendProblem(
            reply,
            photoProblem(400, "invalid_request", "the multipart body could not be read"),
          );
        }
        if (!bytes || bytes.length === 0)
          return sendProblem(
            reply,
            photoProblem(400, "invalid_request", 'attach one file in the field "photo"'),
          );
        const r = await uploadPhoto(deps, sessionOf(req), new Uint8Array(bytes));
        return send(
          reply,
          outcome(r, 201, (u) => ({ id: u.id, contentType: u.contentType, bytes: u.bytes })),
        );
      },
    );
  };
