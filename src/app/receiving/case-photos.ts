import type { Actor } from "../../domain/actor.ts";
import { type DomainError, invalid } from "../../domain/errors.ts";
import { err, ok, type Result } from "../../domain/result.ts";
import { cleanPhoto, storePhoto } from "../photo-files.ts";
import type { Deps, PortalUpload } from "../ports/index.ts";

/** Photos staff may add to one case (receiving, inspection). */
export const MAX_CASE_PHOTOS = 60;

/**
 * A photo taken at receiving or inspection (the station's camera): read by its bytes, metadata removed,
 * stored through the PhotoStorage beside the shopper's photos, recorded on the case (and its line) with
 * a `return.photo_added` event naming the account.
 */
export async function addCasePhoto(
  deps: Deps,
  merchantId: string,
  caseId: string,
  lineId: string | null,
  bytes: Uint8Array,
  actor: Actor,
): Promise<Result<PortalUpload, DomainError>> {
  const storage = deps.photos;
  if (!storage) throw new Error("photo storage is not configured");
  const photo = cleanPhoto(bytes);
  if (!photo.ok) return photo;
  const c = await deps.store.read.cases.load(merchantId, caseId);
  if (!c) return err({ code: "not_found", entity: "return", id: caseId });
  if (lineId && !c.lines.some((l) => l.id === lineId))
    return err(invalid("lineId", `no line ${lineId} in return ${c.number}`));
  if ((await deps.store.read.portal.caseUploads(merchantId, c.id)).length >= MAX_CASE_PHOTOS)
    return err(invalid("photo", `at most ${MAX_CASE_PHOTOS} photos per return`));
  const upload = await storePhoto(
    deps,
    storage,
    { merchantId, orderId: c.orderId, caseId: c.id, lineId },
    photo.value,
  );
  const at = upload.createdAt;
  // The transaction answers the use case's result: an Idempotency-Key stores it with the commit.
  return deps.store.transaction(async (r): Promise<Result<PortalUpload, DomainError>> => {
    await r.portal.insertUpload(upload);
    await r.cases.append(c, [
      {
        type: "return.photo_added",
        actor,
        at,
        reason: null,
        fromStatus: c.status,
        toStatus: c.status,
        data: { photoId: upload.id, lineId, contentType: upload.contentType, bytes: upload.bytes },
      },
    ]);
    return ok(upload);
  });
}
