import { fileURLToPath } from "node:url";
import react from "@vitejs/plugin-react";
import { defineConfig } from "vite";
import { compileCatalogues, precompress } from "./build-plugins.ts";

const here = (p: string) => fileURLToPath(new URL(p, import.meta.url));

/**
 * One Vite build for every web app of Crossback: each app is an HTML entry (portal/, admin/) sharing src/shared (i18n, components, API client) and messages/.
 */
export default defineConfig({
  root: here("."),
  base: "/",
  plugins: [react(), compileCatalogues(), precompress()],
  resolve: {
    // Catalogues are compiled to ICU ASTs at build time: the runtime never needs the parser.
    alias: [
      {
        find: /^@formatjs\/icu-messageformat-parser$/,
        replacement: "@formatjs/icu-messageformat-parser/no-parser.js",
      },
    ],
  },
  build: {
    outDir: here("dist"),
    emptyOutDir: true,
    manifest: true,
    target: "es2022",
    sourcemap: false,
    rollupOptions: {
      input: { portal: here("portal/index.html"), admin: here("admin/index.html") },
    },
  },
});
