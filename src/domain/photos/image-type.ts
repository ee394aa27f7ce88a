/** Image types the portal accepts, recognised from their first bytes (never from a name or a header). */
export const IMAGE_TYPES = ["image/jpeg", "image/png", "image/webp"] as const;
export type ImageType = (typeof IMAGE_TYPES)[number];

const startsWith = (b: Uint8Array, sig: readonly number[], at = 0) =>
  b.length >= at + sig.length && sig.every((x, i) => b[at + i] === x);

/** What the bytes are: an accepted image type, or a short name of what was found instead. */
export function sniffImageType(b: Uint8Array): ImageType | { readonly found: string } {
  if (startsWith(b, [0xff, 0xd8, 0xff])) return "image/jpeg";
  if (startsWith(b, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return "image/png";
  if (startsWith(b, [0x52, 0x49, 0x46, 0x46]) && startsWith(b, [0x57, 0x45, 0x42, 0x50], 8))
    return "image/webp";
  if (startsWith(b, [0x4d, 0x5a])) return { found: "a Windows executable" };
  if (startsWith(b, [0x7f, 0x45, 0x4c, 0x46])) return { found: "an ELF executable" };
  if (startsWith(b, [0x25, 0x50, 0x44, 0x46])) return { found: "a PDF document" };
  if (startsWith(b, [0x50, 0x4b, 0x03, 0x04])) return { found: "a ZIP archive" };
  if (startsWith(b, [0x47, 0x49, 0x46, 0x38])) return { found: "a GIF image" };
  if (startsWith(b, [0x3c])) return { found: "text or markup" };
  return { found: "an unknown file type" };
}
