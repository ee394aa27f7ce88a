import { createHash } from "node:crypto";
import type { DomainError } from "../domain/errors.ts";
import { IMAGE_TYPES, type ImageType, sniffImageType } from "../domain/photos/image-type.ts";
import { stripImageMetadata } from "../domain/photos/strip-metadata.ts";
import { err, ok, type Result } from "../domain/result.ts";
import type { Deps, PhotoStorage, PortalUpload } from "./ports/index.ts";

export interface CleanPhoto {
  readonly type: ImageType;
  readonly bytes: Uint8Array;
}

/** The photo's type read from its bytes (a renamed executable is refused), its metadata (EXIF with GPS, XMP, comments) removed. */
export function cleanPhoto(bytes: Uint8Array): Result<CleanPhoto, DomainError> {
  const type = sniffImageType(bytes);
  if (typeof type !== "string")
    return err({ code: "unsupported_media_type", path: "photo", found: type.found, accepted: IMAGE_TYPES });
  const clean = stripImageMetadata(type, bytes);
  if (!clean.ok) return err({ code: "invalid_input", issues: [{ path: "photo", message: clean.error }] });
  return ok({ type, bytes: clean.value });
}

/**
 * Stores the file (before any row names it: no storage call inside a transaction, and a crash leaves
 * an unreferenced file, never a row without its photo) and answers the record to insert.
 */
export async function storePhoto(
  deps: Deps,
  storage: PhotoStorage,
  at: Pick<PortalUpload, "merchantId" | "orderId" | "caseId" | "lineId">,
  photo: CleanPhoto,
): Promise<PortalUpload> {
  const id = deps.ids.next();
  const key = `${at.merchantId}/${at.orderId}/${id}.${photo.type.split("/")[1]}`;
  await storage.put(key, photo.bytes, photo.type);
  return {
    id,
    ...at,
    storage: storage.kind,
    storageKey: key,
    contentType: photo.type,
    bytes: photo.bytes.length,
    sha256: createHash("sha256").update(photo.bytes).digest("hex"),
    createdAt: deps.clock.now(),
  };
}
