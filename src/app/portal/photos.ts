import type { DomainError } from "../../domain/errors.ts";
import { err, ok, type Result } from "../../domain/result.ts";
import { cleanPhoto, storePhoto } from "../photo-files.ts";
import type { Deps, PortalUpload } from "../ports/index.ts";
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
  const photo = cleanPhoto(bytes);
  if (!photo.ok) return photo;
  if ((await deps.store.read.portal.uploadCount(session.merchantId, session.orderId)) >= MAX_PHOTOS_PER_ORDER)
    return err({
      code: "invalid_input",
      issues: [{ path: "photo", message: `at most ${MAX_PHOTOS_PER_ORDER} photos per order` }],
    });
  const upload = await storePhoto(
    deps,
    storage,
    { merchantId: session.merchantId, orderId: session.orderId, caseId: null, lineId: null },
    photo.value,
  );
  await deps.store.transaction((r) => r.portal.insertUpload(upload));
  return ok(upload);
}
