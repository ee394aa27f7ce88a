import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { brotliCompressSync, gzipSync } from "node:zlib";
import { parse } from "@formatjs/icu-messageformat-parser";
import type { Plugin } from "vite";

const SUFFIX = ".catalogue.js";

/** messages/*.json → modules exporting each message's ICU AST (a syntax error fails the build). */
export function compileCatalogues(): Plugin {
  return {
    name: "crossback-compile-catalogues",
    enforce: "pre",
    // A catalogue is loaded as a JS module of its own (not through Vite's JSON plugin).
    async resolveId(source, importer) {
      if (!/messages[\\/](admin[\\/])?[A-Za-z-]+\.json$/.test(source)) return null;
      const resolved = await this.resolve(source, importer, { skipSelf: true });
      return resolved ? `${resolved.id}${SUFFIX}` : null;
    },
    load(id) {
      if (!id.endsWith(SUFFIX)) return null;
      const file = id.slice(0, -SUFFIX.length);
      this.addWatchFile(file);
      const messages = JSON.parse(readFileSync(file, "utf8")) as Record<string, string>;
      const compiled: Record<string, unknown> = {};
      for (const [key, text] of Object.entries(messages)) {
        try {
          compiled[key] = parse(text);
        } catch (e) {
          throw new Error(`${id}: message "${key}" is not valid ICU: ${(e as Error).message}`);
        }
      }
      return `export default ${JSON.stringify(compiled)};`;
    },
  };
}

/** Writes .gz and .br beside every built asset (after Vite's last rewrite), served as they are. */
export function precompress(): Plugin {
  return {
    name: "crossback-precompress",
    apply: "build",
    writeBundle(options, bundle) {
      const dir = options.dir ?? "";
      for (const name of Object.keys(bundle)) {
        if (!/\.(js|css|svg)$/.test(name)) continue;
        const bytes = readFileSync(join(dir, name));
        writeFileSync(join(dir, `${name}.gz`), gzipSync(bytes, { level: 9 }));
        writeFileSync(join(dir, `${name}.br`), brotliCompressSync(bytes));
      }
    },
  };
}
