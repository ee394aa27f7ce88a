import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { join, relative } from "node:path";

/** The web apps' sources (web/) and where their build goes (web/dist). */
const WEB = new URL("../../web/", import.meta.url).pathname;
const DIST = join(WEB, "dist");
const STAMP = join(DIST, ".source-hash");

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (name === "dist" || name === "node_modules" || name.startsWith(".")) return [];
    return statSync(path).isDirectory() ? files(path) : [path];
  });
}

/** A hash of every source file of web/ (names and contents): a changed source means a stale build. */
export function webSourceHash(): string {
  const h = createHash("sha256");
  for (const f of files(WEB).sort()) h.update(relative(WEB, f)).update("\0").update(readFileSync(f));
  return h.digest("hex");
}

export function webBuildIsCurrent(): boolean {
  return existsSync(STAMP) && readFileSync(STAMP, "utf8").trim() === webSourceHash();
}

/** Builds web/ with Vite unless web/dist already matches the sources (`npm ci`'s prepare, first `npm start`). */
export async function ensureWebBuilt(opts: { force?: boolean; quiet?: boolean } = {}): Promise<boolean> {
  if (!opts.force && webBuildIsCurrent()) return false;
  if (!opts.quiet) console.log("Building the returns portal (web/ → web/dist) …");
  const { build } = await import("vite");
  // Vite keeps a NODE_ENV it finds (Vitest sets "test"): React would then ship its development build.
  const nodeEnv = process.env.NODE_ENV;
  process.env.NODE_ENV = "production";
  try {
    await build({
      configFile: join(WEB, "vite.config.ts"),
      mode: "production",
      logLevel: opts.quiet ? "error" : "warn",
    });
  } finally {
    if (nodeEnv === undefined) delete process.env.NODE_ENV;
    else process.env.NODE_ENV = nodeEnv;
  }
  writeFileSync(STAMP, webSourceHash());
  return true;
}
