import { createHash } from "node:crypto";
import type { DomainError } from "../../domain/errors.ts";
import { IMAGE_TYPES, sniffImageType } from "../../domain/photos/image-type.ts";
import { stripImageMetadata } from "../../domain/photos/strip-metadata.ts";
import { err, ok, type Result } from "../../domain/result.ts";
import type { Deps, PortalUpload } from "../ports.ts";
import type { PortalSession } from "./session-token.ts";

/** Largest photo accepted (bytes); the HTTP layer refuses bigger bodies before they are read whole. */
export const MAX_PHOTO_BYTES = 8 * 1024 * 1024;
/** Photos one order may upload (a bound on what a stranger with a session can store). */
export const MAX_PHOTOS_PER_ORDER = 40;

/**
 * A photo for a return: its type is read from its bytes (a renamed executable is refused), its
 * metadata (EXIF with GPS, XMP, comments) removed, then it is stored and recorded for the order.
 */
export async function uploadPhoto(
  deps: Deps,
  session: PortalSession,
  bytes: Uint8Array,
): Promise<Result<PortalUpload, DomainError>> {
  const storage = deps.photos;
  if (!storage) throw new Error("photo storage is not configured");
  const type = sniffImageType(bytes);
  if (typeof type !== "string")
    return err({ code: "unsupported_media_type", path: "photo", found: type.found, accepted: IMAGE_TYPES });
  const clean = stripImageMetadata(type, bytes);
  if (!clean.ok) return err({ code: "invalid_input", issues: [{ path: "photo", message: clean.error }] });
  if ((await deps.store.read.portal.uploadCount(session.orderId)) >= MAX_PHOTOS_PER_ORDER)
    return err({
      code: "invalid_input",
      issues: [{ path: "photo", message: `at most ${MAX_PHOTOS_PER_ORDER} photos per order` }],
    });
  const id = deps.ids.next();
  const key = `${session.merchantId}/${session.orderId}/${id}.${type.split("/")[1]}`;
  await storage.put(key, clean.value, type);
  const upload: PortalUpload = {
    id,
    merchantId: session.merchantId,
    orderId: session.orderId,
    caseId: null,
    lineId: null,
    storage: storage.kind,
    storageKey: key,
    contentType: type,
    bytes: clean.value.length,
    sha256: createHash("sha256").update(clean.value).digest("hex"),
    createdAt: deps.clock.now(),
  };
  await deps.store.transaction((r) => r.portal.insertUpload(upload));
  return ok(upload);
}
