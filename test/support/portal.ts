import type { FastifyInstance } from "fastify";
import type { Json } from "./fixtures.ts";

export const PORTAL = "/api/portal/v1";

/** A browser's view of the portal API: the session cookie it was given, and the address it calls from. */
export interface Shopper {
  cookie: string | null;
  readonly ip: string;
}

export const shopper = (ip = "198.51.100.7"): Shopper => ({ cookie: null, ip });

export async function portalCall(
  app: FastifyInstance,
  who: Shopper,
  method: "GET" | "POST",
  url: string,
  body?: unknown,
  headers: Record<string, string> = {},
): Promise<{ status: number; body: Json; headers: Record<string, unknown> }> {
  const res = await app.inject({
    method,
    url: `${PORTAL}${url}`,
    remoteAddress: who.ip,
    headers: { ...(who.cookie ? { cookie: who.cookie } : {}), ...headers },
    ...(body === undefined ? {} : { payload: body as Record<string, unknown> }),
  });
  const set = res.cookies.find((c) => c.name === "cb_portal");
  if (set) who.cookie = set.value ? `cb_portal=${set.value}` : null;
  const text = res.body;
  return { status: res.statusCode, body: (text ? JSON.parse(text) : {}) as Json, headers: res.headers };
}

/** Looks the order up and keeps the session cookie on `who`. */
export async function lookUp(
  app: FastifyInstance,
  who: Shopper,
  slug: string,
  body: Record<string, unknown>,
): Promise<{ status: number; body: Json; headers: Record<string, unknown> }> {
  return portalCall(app, who, "POST", `/${slug}/lookup`, body);
}
