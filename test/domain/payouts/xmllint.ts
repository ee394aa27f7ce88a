import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

export const PAIN_001_XSD = fileURLToPath(
  new URL("../../../reference/schemas/pain.001.001.09.xsd", import.meta.url),
);

export interface XmllintRun {
  readonly status: number;
  readonly output: string;
}

/**
 * Writes each document to a temporary file and runs `xmllint --noout --schema <xsd>` once over all
 * of them. Throws when xmllint is not installed: the schema check is part of the test, not optional.
 */
export function xmllint(documents: readonly string[], command = "xmllint"): XmllintRun {
  const dir = mkdtempSync(join(tmpdir(), "crossback-pain001-"));
  try {
    const files = documents.map((doc, i) => {
      const file = join(dir, `pain001-${i}.xml`);
      writeFileSync(file, doc, "utf8");
      return file;
    });
    const run = spawnSync(command, ["--noout", "--schema", PAIN_001_XSD, ...files], { encoding: "utf8" });
    if (run.error) {
      const missing = "code" in run.error && run.error.code === "ENOENT";
      throw new Error(
        missing
          ? `${command} is not installed: install libxml2-utils (apt-get install -y libxml2-utils) to validate pain.001 files`
          : `${command} failed to start: ${run.error.message}`,
      );
    }
    return { status: run.status ?? -1, output: `${run.stdout}${run.stderr}` };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
