/**
 * Removes metadata (EXIF with GPS position and camera serials, XMP, IPTC, comments, text chunks) from
 * JPEG, PNG and WebP images by rewriting their container without those parts; pixels are untouched.
 * A file whose structure does not parse is refused. Pure: bytes in, bytes out.
 */
import { err, ok, type Result } from "../result.ts";
import type { ImageType } from "./image-type.ts";

type Stripped = Result<Uint8Array, string>;

const concat = (parts: readonly Uint8Array[]): Uint8Array => {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
};

/** JPEG: drops APP1 (EXIF, XMP), APP12/APP13 (Photoshop, IPTC) and COM segments before the scan. */
function stripJpeg(b: Uint8Array): Stripped {
  const keep: Uint8Array[] = [b.subarray(0, 2)];
  let i = 2;
  while (i + 4 <= b.length) {
    if (b[i] !== 0xff) return err("is not a well-formed JPEG image");
    const marker = b[i + 1] ?? 0;
    if (marker === 0xff) {
      i += 1; // fill byte
      continue;
    }
    const length = ((b[i + 2] ?? 0) << 8) | (b[i + 3] ?? 0);
    if (length < 2 || i + 2 + length > b.length) return err("is not a well-formed JPEG image");
    const segment = b.subarray(i, i + 2 + length);
    if (marker === 0xda) {
      keep.push(b.subarray(i)); // start of scan: image data to the end, kept as it is
      return ok(concat(keep));
    }
    const metadata = marker === 0xe1 || marker === 0xec || marker === 0xed || marker === 0xfe;
    if (!metadata) keep.push(segment);
    i += 2 + length;
  }
  return err("is not a well-formed JPEG image");
}

const PNG_DROP = new Set(["eXIf", "tEXt", "zTXt", "iTXt", "tIME"]);

/** PNG: drops eXIf, text and time chunks; every other chunk is kept with its CRC. */
function stripPng(b: Uint8Array): Stripped {
  const keep: Uint8Array[] = [b.subarray(0, 8)];
  let i = 8;
  let ended = false;
  while (i + 12 <= b.length) {
    const length = new DataView(b.buffer, b.byteOffset + i, 4).getUint32(0);
    const type = String.fromCharCode(...b.subarray(i + 4, i + 8));
    const end = i + 12 + length;
    if (end > b.length) return err("is not a well-formed PNG image");
    if (!PNG_DROP.has(type)) keep.push(b.subarray(i, end));
    i = end;
    if (type === "IEND") {
      ended = true;
      break;
    }
  }
  return ended ? ok(concat(keep)) : err("is not a well-formed PNG image");
}

/** WebP: drops EXIF and XMP chunks and clears their flags in VP8X; the RIFF size is rewritten. */
function stripWebp(b: Uint8Array): Stripped {
  const keep: Uint8Array[] = [];
  let i = 12;
  while (i + 8 <= b.length) {
    const fourcc = String.fromCharCode(...b.subarray(i, i + 4));
    const size = new DataView(b.buffer, b.byteOffset + i + 4, 4).getUint32(0, true);
    const end = i + 8 + size + (size % 2);
    if (i + 8 + size > b.length) return err("is not a well-formed WebP image");
    const chunk = b.slice(i, Math.min(end, b.length));
    if (fourcc === "VP8X" && chunk.length > 8) chunk[8] = (chunk[8] ?? 0) & ~(0x08 | 0x04);
    if (fourcc !== "EXIF" && fourcc !== "XMP ") keep.push(chunk);
    i = end;
  }
  if (keep.length === 0) return err("is not a well-formed WebP image");
  const body = concat(keep);
  const header = new Uint8Array(12);
  header.set(b.subarray(0, 12));
  new DataView(header.buffer).setUint32(4, body.length + 4, true);
  return ok(concat([header, body]));
}

export function stripImageMetadata(type: ImageType, bytes: Uint8Array): Stripped {
  switch (type) {
    case "image/jpeg":
      return stripJpeg(bytes);
    case "image/png":
      return stripPng(bytes);
    case "image/webp":
      return stripWebp(bytes);
  }
}
