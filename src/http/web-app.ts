import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import fastifyStatic from "@fastify/static";
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { merchantBySlug } from "../app/account-queries.ts";
import type { Deps } from "../app/ports/index.ts";
import { type Locale, negotiateLocale, RTL_LOCALES } from "../domain/locales.ts";
import { ADMIN_API } from "./admin/staff-session.ts";
import { presentMerchant } from "./portal/present-portal.ts";
import { PORTAL_API } from "./portal/session.ts";

/** The built web apps (web/dist, made by `npm ci` or the first `npm start`). */
export const WEB_DIST = new URL("../../web/dist/", import.meta.url).pathname;
const DEMO_SLUG = "demo";

const CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' https: data: blob:",
  "connect-src 'self'",
  "font-src 'self'",
  "frame-ancestors 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "object-src 'none'",
].join("; ");

interface Built {
  readonly html: string;
  /** Catalogue chunk per locale, preloaded with the page so the first paint needs no extra round trip. */
  readonly catalogues: Readonly<Record<string, string>>;
}

function load(dist: string, app: string, messages = /messages\/([A-Za-z-]+)\.json/): Built | null {
  const file = join(dist, app, "index.html");
  if (!existsSync(file)) return null;
  const catalogues: Record<string, string> = {};
  const manifest = join(dist, ".vite", "manifest.json");
  if (existsSync(manifest)) {
    const m = JSON.parse(readFileSync(manifest, "utf8")) as Record<string, { file: string }>;
    for (const [src, entry] of Object.entries(m)) {
      const hit = messages.exec(src);
      if (hit?.[1]) catalogues[hit[1]] = `/${entry.file}`;
    }
  }
  return { html: readFileSync(file, "utf8"), catalogues };
}

const jsonForHtml = (v: unknown) => JSON.stringify(v).replace(/</g, "\\u003c");

function page(built: Built, locale: Locale, boot: Record<string, unknown>): string {
  const preload = built.catalogues[locale];
  const head =
    `<script id="crossback-boot" type="application/json">${jsonForHtml({ ...boot, locale })}</script>` +
    (preload ? `<link rel="modulepreload" href="${preload}">` : "");
  return built.html
    .replace(/<html[^>]*>/, `<html lang="${locale}" dir="${RTL_LOCALES.includes(locale) ? "rtl" : "ltr"}">`)
    .replace("<!--crossback-boot-->", head);
}

/**
 * Serves the shoppers' portal at /returns/{merchant}/… (one HTML page; the app routes in the browser)
 * with its hashed assets, and sends / to the demo merchant's portal when the demo is seeded.
 */
export async function webApp(app: FastifyInstance, deps: Deps, dist = WEB_DIST): Promise<void> {
  let portal: Built | null = null;
  const built = () => (portal ??= load(dist, "portal"));
  if (existsSync(join(dist, "assets")))
    await app.register(fastifyStatic, {
      root: join(dist, "assets"),
      prefix: "/assets/",
      preCompressed: true,
      immutable: true,
      maxAge: "365d",
      index: false,
    });

  const serve = async (
    req: FastifyRequest<{ Params: { slug: string }; Querystring: { lang?: string } }>,
    reply: FastifyReply,
  ) => {
    const b = built();
    reply
      .header("content-security-policy", CSP)
      .header("x-content-type-options", "nosniff")
      .header("referrer-policy", "same-origin");
    if (!b)
      return reply
        .code(503)
        .type("text/plain; charset=utf-8")
        .send(
          "The returns portal is not built yet: run `npm run build:web` (npm start does it on first run).",
        );
    const lang = typeof req.query.lang === "string" ? req.query.lang : null;
    const locale = negotiateLocale({ url: lang, acceptLanguage: req.headers["accept-language"] });
    const merchant = /^[a-z0-9-]{1,63}$/.test(req.params.slug)
      ? await merchantBySlug(deps, req.params.slug)
      : null;
    reply
      .header("cache-control", "no-cache")
      .header("vary", "accept-language")
      .type("text/html; charset=utf-8");
    return reply.code(merchant ? 200 : 404).send(
      page(b, locale, {
        api: PORTAL_API,
        slug: req.params.slug,
        merchant: merchant ? presentMerchant(merchant) : null,
      }),
    );
  };
  const hidden = { schema: { hide: true } };
  let admin: Built | null = null;
  const serveAdmin = async (req: FastifyRequest<{ Querystring: { lang?: string } }>, reply: FastifyReply) => {
    admin ??= load(dist, "admin", /messages\/admin\/([A-Za-z-]+)\.json/);
    const b = admin;
    reply
      .header("content-security-policy", CSP)
      .header("x-content-type-options", "nosniff")
      .header("referrer-policy", "same-origin");
    if (!b)
      return reply
        .code(503)
        .type("text/plain; charset=utf-8")
        .send("The back office is not built yet: run `npm run build:web` (npm start does it on first run).");
    const lang = typeof req.query.lang === "string" ? req.query.lang : null;
    const locale = negotiateLocale({ url: lang, acceptLanguage: req.headers["accept-language"] });
    reply
      .header("cache-control", "no-cache")
      .header("vary", "accept-language")
      .type("text/html; charset=utf-8");
    return reply.send(page(b, locale, { api: ADMIN_API, merchantApi: "/api/v1" }));
  };
  app.get("/admin", hidden, serveAdmin);
  app.get("/admin/*", hidden, serveAdmin);
  app.get("/returns/:slug", hidden, serve);
  app.get("/returns/:slug/*", hidden, serve);
  app.get("/", hidden, async (_req, reply) =>
    reply.redirect((await merchantBySlug(deps, DEMO_SLUG)) ? `/returns/${DEMO_SLUG}` : "/api/docs", 302),
  );
}
