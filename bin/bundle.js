// The `crossback` command runs from one ESM bundle of its TypeScript sources, which esbuild builds on
// first use and again whenever one of its source files changed. Through tsx, each of the ~150 source
// files crossed a loader thread at every start (about 2 s per command here); the bundle starts in a
// fraction of that and needs no build step to remember.
//
// The bundle lives in node_modules/.cache/crossback/: files named by their content hash (a process
// still running an older bundle keeps loading its lazy chunks), written to a temporary name and
// renamed, and a manifest naming the entry and the source files with their sizes and times.
// Packages stay external (node resolves them from node_modules as before). `import.meta.url` and
// `import.meta.dirname` are replaced by each source file's own, so paths next to the sources still
// resolve. Source maps keep stack traces pointing at the TypeScript.
import { createHash, randomBytes } from "node:crypto";
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { basename, dirname, join, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
const ENTRY = join(ROOT, "src/cli/main.ts");
const OUT = join(ROOT, "node_modules/.cache/crossback");
/** One manifest per checkout: two checkouts sharing node_modules (a symlink) never run each other's code. */
const MANIFEST = join(OUT, `manifest-${createHash("sha256").update(ROOT).digest("hex").slice(0, 12)}.json`);
/** Raised when the way the bundle is built changes, so that older bundles are not reused. */
const FORMAT = 2;
/** Files of older bundles are removed this long after they were last written. */
const KEEP_MS = 7 * 24 * 3600 * 1000;

/**
 * The file URL to import: the bundle when it is current (built now if not). Where node_modules cannot
 * be written (a read-only install), the sources run through tsx as before.
 */
export async function mainEntry() {
  const current = currentEntry();
  if (current) return current;
  try {
    return await build();
  } catch (e) {
    if (!["EACCES", "EPERM", "EROFS"].includes(e?.code)) throw e;
    (await import("tsx/esm/api")).register();
    return pathToFileURL(ENTRY).href;
  }
}

/** The bundle's entry when the manifest matches every source file as it is now; otherwise null. */
function currentEntry() {
  let manifest;
  try {
    manifest = JSON.parse(readFileSync(MANIFEST, "utf8"));
  } catch {
    return null;
  }
  if (manifest.format !== FORMAT || typeof manifest.entry !== "string") return null;
  for (const [file, size, mtimeMs] of manifest.inputs) {
    try {
      const s = statSync(file);
      if (s.size !== size || s.mtimeMs !== mtimeMs) return null;
    } catch {
      return null;
    }
  }
  return pathToFileURL(join(OUT, manifest.entry)).href;
}

async function build() {
  const esbuild = await import("esbuild");
  const result = await esbuild.build({
    entryPoints: { main: ENTRY },
    absWorkingDir: ROOT,
    bundle: true,
    splitting: true,
    format: "esm",
    platform: "node",
    target: "node20",
    packages: "external",
    outdir: OUT,
    entryNames: "[name]-[hash]",
    chunkNames: "[name]-[hash]",
    sourcemap: "linked",
    sourcesContent: false,
    metafile: true,
    write: false,
    logLevel: "error",
    plugins: [ownImportMeta],
  });
  mkdirSync(OUT, { recursive: true });
  for (const f of result.outputFiles) writeOnce(f.path, f.contents);
  const entry = Object.entries(result.metafile.outputs).find(
    ([, o]) => o.entryPoint === "src/cli/main.ts",
  )?.[0];
  if (!entry) throw new Error("esbuild produced no entry for src/cli/main.ts");
  const inputs = Object.keys(result.metafile.inputs).map((f) => {
    const file = resolve(ROOT, f);
    const s = statSync(file);
    return [file, s.size, s.mtimeMs];
  });
  const outputs = result.outputFiles.map((f) => basename(f.path));
  writeAtomically(MANIFEST, JSON.stringify({ format: FORMAT, entry: basename(entry), inputs, outputs }));
  prune();
  return pathToFileURL(join(OUT, basename(entry))).href;
}

/** Each source file keeps its own `import.meta.url` and `import.meta.dirname` inside the bundle. */
const ownImportMeta = {
  name: "own-import-meta",
  setup(b) {
    b.onLoad({ filter: /\.ts$/ }, async (args) => {
      const text = await readFile(args.path, "utf8");
      if (!text.includes("import.meta")) return { contents: text, loader: "ts" };
      return {
        contents: text
          .replaceAll("import.meta.url", JSON.stringify(pathToFileURL(args.path).href))
          .replaceAll("import.meta.dirname", JSON.stringify(dirname(args.path))),
        loader: "ts",
      };
    });
  },
};

/** A content-hashed file already there has this content: it is left alone (another process may read it). */
function writeOnce(path, contents) {
  try {
    statSync(path);
    return;
  } catch {}
  writeAtomically(path, contents);
}

function writeAtomically(path, contents) {
  const tmp = `${path}.${randomBytes(6).toString("hex")}.tmp`;
  writeFileSync(tmp, contents);
  renameSync(tmp, path);
}

const isManifest = (name) => /^manifest-[0-9a-f]{12}\.json$/.test(name);

/** Removes files no manifest names once they are old enough that no process still loads them. */
function prune() {
  const names = readdirSync(OUT);
  const keep = new Set();
  for (const name of names.filter(isManifest)) {
    try {
      for (const f of JSON.parse(readFileSync(join(OUT, name), "utf8")).outputs ?? []) keep.add(f);
    } catch {}
  }
  const now = Date.now();
  for (const name of names) {
    if (keep.has(name) || isManifest(name)) continue;
    const file = join(OUT, name);
    try {
      if (now - statSync(file).mtimeMs > KEEP_MS) rmSync(file, { force: true });
    } catch {}
  }
}
