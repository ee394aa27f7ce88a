import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import type { Browser } from "playwright-core";
import { ensureWebBuilt } from "../src/cli/web-build.ts";
import { hasChromium, launchBrowser } from "../test/support/browser.ts";
import { killHard, serve } from "../test/support/cli.ts";

const DIST = new URL("../web/dist/", import.meta.url).pathname;

interface Chunk {
  file: string;
  imports?: string[];
  isEntry?: boolean;
}

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
const gz = (file: string) => gzipSync(readFileSync(join(DIST, file)), { level: 9 }).length;

/** JavaScript of the first page: the entry, what it imports statically, and one catalogue. */
function bundleSizes(): { initial: number; lines: string[] } {
  const manifest = JSON.parse(readFileSync(join(DIST, ".vite/manifest.json"), "utf8")) as Record<
    string,
    Chunk
  >;
  const entry = manifest["portal/index.html"];
  if (!entry) throw new Error("no portal entry in the build manifest");
  const seen = new Set<string>();
  const walk = (c: Chunk) => {
    if (seen.has(c.file)) return;
    seen.add(c.file);
    for (const i of c.imports ?? []) if (manifest[i]) walk(manifest[i]);
  };
  walk(entry);
  const catalogue = manifest["messages/en.json.catalogue.js"]?.file;
  const initialFiles = [...seen, ...(catalogue ? [catalogue] : [])];
  const initial = initialFiles.reduce((n, f) => n + gz(f), 0);
  const lines = Object.values(manifest)
    .filter((c) => c.file.endsWith(".js"))
    .map((c) => `${c.file.replace("assets/", "")} ${kb(gz(c.file))}`);
  return { initial, lines };
}

/** Largest Contentful Paint of a page in Chromium with Lighthouse's Fast 3G and a 4× slower CPU. */
async function lcp(
  browser: Browser,
  url: string,
  before?: (base: string) => Promise<string | null>,
): Promise<number> {
  const context = await browser.newContext({ viewport: { width: 412, height: 823 } });
  const page = await context.newPage();
  if (before) {
    const cookie = await before(url);
    if (cookie)
      await context.addCookies([
        { name: "cb_portal", value: cookie, domain: new URL(url).hostname, path: "/api/portal/v1" },
      ]);
  }
  const cdp = await context.newCDPSession(page);
  await cdp.send("Network.enable");
  await cdp.send("Network.emulateNetworkConditions", {
    offline: false,
    latency: 562.5,
    downloadThroughput: (1.6 * 1024 * 1024 * 0.9) / 8,
    uploadThroughput: (750 * 1024 * 0.9) / 8,
  });
  await cdp.send("Emulation.setCPUThrottlingRate", { rate: 4 });
  await page.goto(url, { waitUntil: "networkidle" });
  // Runs in the page (a string: the browser's PerformanceObserver, not Node's).
  const value = Number(
    await page.evaluate(`new Promise((resolve) => new PerformanceObserver((list) => {
      const entries = list.getEntries();
      resolve(entries.length ? entries[entries.length - 1].startTime : 0);
    }).observe({ type: "largest-contentful-paint", buffered: true }))`),
  );
  await context.close();
  return value;
}

/** `npm run bench` entry: bundle sizes and LCP of the lookup and item pages of the demo portal. */
export async function benchPortalWeb(): Promise<string> {
  await ensureWebBuilt({ quiet: true });
  const sizes = bundleSizes();
  const summary = `initial route ${kb(sizes.initial)} JS gzip (chunks: ${sizes.lines.join(", ")})`;
  if (!hasChromium) return `${summary}; LCP not measured: no Chromium`;
  const dir = mkdtempSync(join(tmpdir(), "crossback-bench-web-"));
  const server = await serve({ CROSSBACK_DATA_DIR: dir, DATABASE_URL: "", CROSSBACK_DEMO: "1" });
  const browser = await launchBrowser();
  try {
    const lookupUrl = `${server.base}/returns/demo?lang=en`;
    const lookup = await lcp(browser, lookupUrl);
    const items = await lcp(browser, `${server.base}/returns/demo/items?lang=en`, async () => {
      const res = await fetch(`${server.base}/api/portal/v1/demo/lookup`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ orderNumber: "NW-PORTAL-DE1", email: "lena.mueller@example.de" }),
      });
      return /cb_portal=([^;]+)/.exec(res.headers.get("set-cookie") ?? "")?.[1] ?? null;
    });
    return `${summary}; LCP (Fast 3G, 4× CPU, Chromium) lookup ${Math.round(lookup)} ms, items ${Math.round(items)} ms`;
  } finally {
    await browser.close();
    await killHard(server);
    rmSync(dir, { recursive: true, force: true });
  }
}
