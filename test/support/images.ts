/** Tiny image files built byte by byte (the portal never decodes pixels, it rewrites containers). */

const seg = (marker: number, payload: number[]) => [
  0xff,
  marker,
  (payload.length + 2) >> 8,
  (payload.length + 2) & 0xff,
  ...payload,
];
const ascii = (s: string) => [...Buffer.from(s, "latin1")];

/** A JPEG with a JFIF header, an EXIF segment carrying a GPS position, a comment, and a (fake) scan. */
export function jpegWithExif(): Buffer {
  return Buffer.from([
    0xff,
    0xd8,
    ...seg(0xe0, [...ascii("JFIF\0"), 1, 1, 0, 0, 1, 0, 1, 0, 0]),
    ...seg(0xe1, [...ascii("Exif\0\0"), ...ascii("GPS 52.5200N 13.4050E serial CAM-123456")]),
    ...seg(0xfe, ascii("shot on my phone at home")),
    ...seg(0xdb, new Array(65).fill(1)),
    ...seg(0xda, [1, 1, 0, 0, 0x3f, 0]),
    0x12,
    0x34,
    0x56,
    0xff,
    0xd9,
  ]);
}

/** A Windows executable's first bytes, to be sent as "photo.jpg" with type image/jpeg. */
export function disguisedExecutable(): Buffer {
  return Buffer.concat([Buffer.from("MZ\x90\x00\x03\x00\x00\x00", "latin1"), Buffer.alloc(200, 0x41)]);
}

/** A multipart/form-data body with one file in the field "photo". */
export function multipart(
  file: Buffer,
  filename: string,
  type: string,
): { body: Buffer; contentType: string } {
  const boundary = "----crossback-test-boundary";
  const head = `--${boundary}\r\nContent-Disposition: form-data; name="photo"; filename="${filename}"\r\nContent-Type: ${type}\r\n\r\n`;
  return {
    body: Buffer.concat([Buffer.from(head), file, Buffer.from(`\r\n--${boundary}--\r\n`)]),
    contentType: `multipart/form-data; boundary=${boundary}`,
  };
}
