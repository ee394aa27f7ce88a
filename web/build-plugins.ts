import { readFileSync } from "node:fs";
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
      if (!/messages[\\/][A-Za-z-]+\.json$/.test(source)) return null;
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

/** Writes .gz and .br beside every asset, served as they are (no compression work per request). */
export function precompress(): Plugin {
  return {
    name: "crossback-precompress",
    apply: "build",
    generateBundle(_options, bundle) {
      for (const [name, file] of Object.entries(bundle)) {
        if (!/\.(js|css|svg|json)$/.test(name)) continue;
        const source = file.type === "chunk" ? file.code : file.source;
        const bytes = typeof source === "string" ? Buffer.from(source) : Buffer.from(source);
        this.emitFile({ type: "asset", fileName: `${name}.gz`, source: gzipSync(bytes, { level: 9 }) });
        this.emitFile({ type: "asset", fileName: `${name}.br`, source: brotliCompressSync(bytes) });
      }
    },
  };
}
