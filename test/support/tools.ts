/**
 * Optional command-line tools some tests read results with (pdftotext, xmllint, Chromium). Outside
 * CI a missing tool skips those tests visibly, naming the Debian package; with CROSSBACK_REQUIRE_ALL=1
 * (CI) a missing tool fails the test file instead.
 */
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { it } from "vitest";

export interface OptionalTool {
  readonly available: boolean;
  /** Appended to a suite's name: empty when the tool is there, else why it is skipped. */
  readonly skipNote: string;
}

function found(command: string): boolean {
  if (command.includes("/")) return existsSync(command);
  const run = spawnSync(command, ["-v"], { stdio: "ignore" });
  return !(run.error && "code" in run.error && run.error.code === "ENOENT");
}

export function optionalTool(command: string, aptPackage: string): OptionalTool {
  if (found(command)) return { available: true, skipNote: "" };
  const install = `apt-get install ${aptPackage}`;
  if (process.env.CROSSBACK_REQUIRE_ALL === "1")
    throw new Error(`${command} is required (CROSSBACK_REQUIRE_ALL=1) but not installed: ${install}`);
  return { available: false, skipNote: ` — skipped: ${command} not installed (${install})` };
}

export const POPPLER = optionalTool("pdftotext", "poppler-utils");
export const XMLLINT = optionalTool("xmllint", "libxml2-utils");

/** `it`, skipped (visibly, with the reason in its name) when the tool is missing. */
export function itWith(tool: OptionalTool): (name: string, fn: () => unknown) => void {
  return (name, fn) => it.skipIf(!tool.available)(`${name}${tool.skipNote}`, fn);
}
