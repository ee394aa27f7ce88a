/** Reads PDFs back with poppler-utils (pdftotext, pdfinfo, pdffonts), as a person's viewer would. */
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

type Tool = "pdftotext" | "pdfinfo" | "pdffonts";

function run(tool: Tool, args: readonly string[], pdf: Buffer): string {
  const dir = mkdtempSync(join(tmpdir(), "crossback-pdf-"));
  try {
    const file = join(dir, "note.pdf");
    writeFileSync(file, pdf);
    const out = spawnSync(tool, [...args, file, ...(tool === "pdftotext" ? ["-"] : [])], {
      encoding: "utf8",
    });
    if (out.error && "code" in out.error && out.error.code === "ENOENT")
      throw new Error(
        `${tool} not found: install the Debian package poppler-utils (apt-get install -y poppler-utils)`,
      );
    if (out.error) throw out.error;
    if (out.status !== 0) throw new Error(`${tool} failed (${out.status}): ${out.stderr}`);
    return out.stdout;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The text in layout mode, with no-break and narrow no-break spaces turned into plain spaces. */
export function pdfText(pdf: Buffer): string {
  return plain(run("pdftotext", ["-layout", "-enc", "UTF-8"], pdf));
}

export const plain = (s: string): string => s.replace(/[\u00a0\u202f]/g, " ");

export function pdfPages(pdf: Buffer): number {
  const m = /^Pages:\s+(\d+)$/m.exec(run("pdfinfo", [], pdf));
  if (!m?.[1]) throw new Error("pdfinfo printed no page count");
  return Number(m[1]);
}

export interface PdfFont {
  readonly name: string;
  readonly type: string;
  readonly embedded: boolean;
}

/** pdffonts' table: name, type and whether the font is embedded. */
export function pdfFonts(pdf: Buffer): PdfFont[] {
  const lines = run("pdffonts", [], pdf).split("\n");
  const header = lines[0] ?? "";
  const embAt = header.indexOf("emb");
  const typeAt = header.indexOf("type");
  const encodingAt = header.indexOf("encoding");
  return lines
    .slice(2)
    .filter((l) => l.trim() !== "")
    .map((l) => ({
      name: l.slice(0, typeAt).trim(),
      type: l.slice(typeAt, encodingAt).trim(),
      embedded: l.slice(embAt, embAt + 3).trim() === "yes",
    }));
}
