import type { FastifyInstance, LightMyRequestResponse } from "fastify";
import type { Deps } from "../../src/app/ports/index.ts";
import { insertAccount } from "../../src/app/staff/accounts.ts";
import type { StaffRole } from "../../src/domain/staff/roles.ts";
import type { Json } from "./fixtures.ts";

export const STAFF_PASSWORD = "correct horse battery staple";

/** An account of that role for the merchant (password STAFF_PASSWORD). */
export async function staffAccount(
  deps: Deps,
  merchantId: string,
  role: StaffRole,
  email = `${role}-${merchantId.slice(-6)}@example.com`,
  vendor: string | null = role === "vendor" ? "kyoto-ceramics" : null,
): Promise<string> {
  const r = await deps.store.transaction((repos) =>
    insertAccount(deps, repos, {
      merchantId,
      email,
      name: `${role} person`,
      role,
      vendor,
      password: STAFF_PASSWORD,
    }),
  );
  if (!r.ok) throw new Error(JSON.stringify(r.error));
  return r.value.email;
}

export interface StaffClient {
  readonly cookie: string;
  readonly csrf: string;
  call(
    method: "GET" | "POST" | "PUT" | "PATCH" | "DELETE",
    url: string,
    body?: unknown,
    opts?: { csrf?: string | null },
  ): Promise<{ status: number; body: Json; res: LightMyRequestResponse }>;
}

/** The `cb_admin=…` pair of a response's Set-Cookie, if any. */
export function staffCookie(res: LightMyRequestResponse): string | null {
  const raw = res.headers["set-cookie"];
  const all = Array.isArray(raw) ? raw : raw ? [raw] : [];
  const c = all.find((x) => x.startsWith("cb_admin=") && !x.startsWith("cb_admin=;"));
  return c ? (c.split(";")[0] ?? null) : null;
}

export function clientFor(app: FastifyInstance, cookie: string, csrf: string): StaffClient {
  return {
    cookie,
    csrf,
    async call(method, url, body, opts = {}) {
      const token = opts.csrf === undefined ? csrf : opts.csrf;
      const res = await app.inject({
        method,
        url,
        headers: { cookie, ...(token ? { "x-csrf-token": token } : {}) },
        ...(body === undefined ? {} : { payload: body as Record<string, unknown> }),
      });
      const text = res.body;
      return { status: res.statusCode, body: (text ? JSON.parse(text) : {}) as Json, res };
    },
  };
}

/** Signs in through the API as a browser would. */
export async function signInAs(
  app: FastifyInstance,
  email: string,
  password = STAFF_PASSWORD,
): Promise<StaffClient> {
  const res = await app.inject({
    method: "POST",
    url: "/api/admin/v1/session",
    payload: { email, password },
  });
  if (res.statusCode !== 200) throw new Error(`sign-in ${email}: ${res.statusCode} ${res.body}`);
  const cookie = staffCookie(res);
  if (!cookie) throw new Error("no session cookie");
  return clientFor(app, cookie, (res.json() as { csrfToken: string }).csrfToken);
}
