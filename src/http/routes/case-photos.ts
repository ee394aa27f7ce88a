import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { casePhoto, casePhotos } from "../../app/account-queries.ts";
import { MAX_PHOTO_BYTES } from "../../app/portal/photos.ts";
import type { Deps } from "../../app/ports/index.ts";
import { addCasePhoto } from "../../app/receiving/case-photos.ts";
import { actorOf, merchantOf } from "../auth.ts";
import { notFoundUnlessUuid } from "../ids.ts";
import { problemOf, sendProblem } from "../problem.ts";
import { outcome, sendIdempotent } from "../respond.ts";

const TAGS = ["receiving"];
const photoProblem = (status: number, code: string, message: string) => ({
  type: `https://crossback.dev/problems/${code}`,
  title: code === "payload_too_large" ? "Payload too large" : "Invalid request",
  status,
  code,
  detail: `photo: ${message}`,
  errors: [{ path: "photo", pointer: "/photo", message }],
});

const presentPhoto = (
  caseId: string,
  u: { id: string; lineId: string | null; contentType: string; bytes: number; createdAt: Date },
) => ({
  id: u.id,
  lineId: u.lineId,
  contentType: u.contentType,
  bytes: u.bytes,
  createdAt: u.createdAt.toISOString(),
  url: `/api/v1/returns/${caseId}/photos/${u.id}`,
});

/** Photos of a case taken by staff (receiving, inspection) and those the shopper uploaded. */
export const casePhotoRoutes =
  (deps: Deps): FastifyPluginAsyncZod =>
  async (app) => {
    app.post(
      "/returns/:id/photos",
      {
        schema: {
          tags: TAGS,
          summary: `Add a photo to a return (multipart field "photo"; JPEG, PNG or WebP, at most ${MAX_PHOTO_BYTES / 1024 / 1024} MB)`,
          description:
            "For a line: `?lineId=`. The type is read from the bytes (415 otherwise); EXIF, XMP and comments are removed; recorded as `return.photo_added`.",
          consumes: ["multipart/form-data"],
          params: z.object({ id: z.string() }),
          querystring: z.strictObject({ lineId: z.uuid().optional() }),
        },
      },
      async (req, reply) => {
        const bad = notFoundUnlessUuid(reply, "return", req.params.id);
        if (bad) return bad;
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
          if ((e as { code?: string }).code === "FST_REQ_FILE_TOO_LARGE")
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
        const data = new Uint8Array(bytes);
        const caseId = req.params.id;
        return sendIdempotent(
          deps,
          req,
          reply,
          (d) => addCasePhoto(d, merchantOf(req), caseId, req.query.lineId ?? null, data, actorOf(req)),
          (r) => outcome(r, 201, (u) => presentPhoto(caseId, u)),
        );
      },
    );

    app.get(
      "/returns/:id/photos",
      {
        schema: {
          tags: TAGS,
          summary: "The photos of a return (staff and shopper)",
          params: z.object({ id: z.string() }),
        },
      },
      async (req, reply) => {
        const bad = notFoundUnlessUuid(reply, "return", req.params.id);
        if (bad) return bad;
        const merchantId = merchantOf(req);
        const list = await casePhotos(deps, merchantId, req.params.id);
        if (!list.ok) return sendProblem(reply, problemOf(list.error));
        return { data: list.value.map((u) => presentPhoto(req.params.id, u)) };
      },
    );

    app.get(
      "/returns/:id/photos/:photoId",
      {
        schema: {
          tags: TAGS,
          summary: "One photo of a return (its bytes)",
          params: z.object({ id: z.string(), photoId: z.string() }),
        },
      },
      async (req, reply) => {
        const bad =
          notFoundUnlessUuid(reply, "return", req.params.id) ??
          notFoundUnlessUuid(reply, "photo", req.params.photoId);
        if (bad) return bad;
        const merchantId = merchantOf(req);
        const u = await casePhoto(deps, merchantId, req.params.id, req.params.photoId);
        const bytes = u && deps.photos ? await deps.photos.get(u.storageKey) : null;
        if (!u || !bytes)
          return sendProblem(
            reply,
            problemOf({ code: "not_found", entity: "photo", id: req.params.photoId }),
          );
        return reply
          .type(u.contentType)
          .header("cache-control", "private, max-age=3600")
          .send(Buffer.from(bytes));
      },
    );
  };
