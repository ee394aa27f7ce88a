/**
 * The glyph → text maps (ToUnicode CMaps) of a PDF's embedded fonts, read from its inflated
 * streams: what a shaped run used. Joined Arabic letters show as several glyphs for one letter
 * (initial, medial, final forms) and ligatures as one glyph for several letters.
 */
import { inflateSync } from "node:zlib";

/** Each CMap's entries: glyph id → the text it stands for. */
export function toUnicodeMaps(pdf: Buffer): Map<number, string>[] {
  const maps: Map<number, string>[] = [];
  const raw = pdf.toString("latin1");
  for (const m of raw.matchAll(/\/FlateDecode[\s\S]*?stream\r?\n/g)) {
    const start = (m.index ?? 0) + m[0].length;
    const end = raw.indexOf("endstream", start);
    let text: string;
    try {
      text = inflateSync(pdf.subarray(start, end)).toString("latin1");
    } catch {
      continue;
    }
    if (!text.includes("begincmap")) continue;
    const map = new Map<number, string>();
    const hex = (h: string) =>
      String.fromCodePoint(
        ...(h.replace(/\s+/g, "").match(/.{4}/g) ?? []).map((x) => Number.parseInt(x, 16)),
      );
    for (const r of text.matchAll(/<([0-9a-f]+)> <([0-9a-f]+)> \[([^\]]*)\]/gi)) {
      const from = Number.parseInt(r[1] ?? "0", 16);
      for (const [i, v] of [...(r[3] ?? "").matchAll(/<([0-9a-f ]+)>/gi)].entries())
        map.set(from + i, hex(v[1] ?? ""));
    }
    for (const r of text.matchAll(/^<([0-9a-f]+)> <([0-9a-f]+)>$/gim))
      map.set(Number.parseInt(r[1] ?? "0", 16), hex(r[2] ?? ""));
    maps.push(map);
  }
  return maps;
}
