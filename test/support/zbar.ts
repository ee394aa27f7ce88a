/** Decodes barcodes the way a scanner would: zbarimg (Debian zbar-tools) on PNGs, PDFs via pdftoppm. */
import { spawnSync } from "node:child_process";
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

function zbar(files: readonly string[]): string[] {
  const out = spawnSync("zbarimg", ["--quiet", "--raw", ...files], { encoding: "utf8" });
  if (out.error && "code" in out.error && out.error.code === "ENOENT")
    throw new Error(
      "zbarimg not found: install the Debian package zbar-tools (apt-get install -y zbar-tools)",
    );
  if (out.status !== 0 && out.status !== 4) throw new Error(`zbarimg failed (${out.status}): ${out.stderr}`);
  return out.stdout.split("\n").filter((l) => l.trim() !== "");
}

export function decodePng(png: Buffer): string[] {
  const dir = mkdtempSync(join(tmpdir(), "crossback-zbar-"));
  try {
    const file = join(dir, "code.png");
    writeFileSync(file, png);
    return zbar([file]);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Every barcode on every page of a PDF (rendered at 200 dpi). */
export function decodePdf(pdf: Buffer): string[] {
  const dir = mkdtempSync(join(tmpdir(), "crossback-zbar-"));
  try {
    const file = join(dir, "doc.pdf");
    writeFileSync(file, pdf);
    const r = spawnSync("pdftoppm", ["-r", "200", "-png", file, join(dir, "page")], { encoding: "utf8" });
    if (r.status !== 0) throw new Error(`pdftoppm failed: ${r.stderr}`);
    return zbar(
      readdirSync(dir)
        .filter((f) => f.endsWith(".png"))
        .map((f) => join(dir, f)),
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
