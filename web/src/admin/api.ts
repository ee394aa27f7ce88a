import { request } from "../shared/api.ts";

/** The back office's boot block: its own API and the merchant API it works cases through. */
export interface AdminBoot {
  readonly api: string;
  readonly merchantApi: string;
  readonly locale: string;
}

export function readAdminBoot(): AdminBoot {
  const fallback: AdminBoot = { api: "/api/admin/v1", merchantApi: "/api/v1", locale: "en" };
  const el = document.getElementById("crossback-boot");
  try {
    return el?.textContent
      ? { ...fallback, ...(JSON.parse(el.textContent) as Partial<AdminBoot>) }
      : fallback;
  } catch {
    return fallback;
  }
}

export type Role = "owner" | "manager" | "agent" | "warehouse" | "vendor";
export const ROLES: readonly Role[] = ["owner", "manager", "agent", "warehouse", "vendor"];

export interface Account {
  readonly id: string;
  readonly email: string;
  readonly name: string;
  readonly role: Role;
  readonly vendor: string | null;
  readonly totpEnabled: boolean;
  readonly disabled: boolean;
  readonly createdAt: string;
}

export interface Me {
  readonly account: Account;
  readonly permissions: readonly string[];
  readonly csrfToken: string;
  readonly totpRequired?: boolean;
}

export interface Invitation {
  readonly id: string;
  readonly email: string;
  readonly role: Role;
  readonly vendor: string | null;
  readonly createdAt: string;
  readonly expiresAt: string;
  readonly status: "open" | "accepted" | "revoked" | "expired";
  readonly link?: string;
}

export interface ApiKey {
  readonly id: string;
  readonly name: string;
  readonly prefix: string;
  readonly createdAt: string;
  readonly revokedAt: string | null;
  readonly key?: string;
}

type Method = "GET" | "POST" | "PUT" | "PATCH" | "DELETE";

/** Every call carries the session cookie; every change also the session's CSRF token. */
export function makeClient(boot: AdminBoot, csrf: () => string) {
  const call = <T>(method: Method, url: string, body?: unknown, headers: Record<string, string> = {}) =>
    request<T>(
      method,
      url,
      body,
      method === "GET" ? {} : { headers: { "x-csrf-token": csrf(), ...headers } },
    );
  const a = (path: string) => `${boot.api}${path}`;
  const m = (path: string) => `${boot.merchantApi}${path}`;
  return {
    call,
    admin: <T>(method: Method, path: string, body?: unknown) => call<T>(method, a(path), body),
    merchant: <T>(method: Method, path: string, body?: unknown) => call<T>(method, m(path), body),
    /** A POST a retry must not repeat (money): the same key answers the first response again. */
    once: <T>(path: string, body: unknown, key: string) =>
      call<T>("POST", m(path), body, { "idempotency-key": key }),
    /** A multipart upload (a photo) to the merchant API, with its idempotency key. */
    upload: <T>(path: string, form: FormData, key: string) =>
      request<T>("POST", m(path), undefined, {
        form,
        headers: { "x-csrf-token": csrf(), "idempotency-key": key },
      }),
    me: () => request<Me>("GET", a("/session")),
    signIn: (email: string, password: string) => request<Me>("POST", a("/session"), { email, password }),
    sendCode: (code: string) => call<Me>("POST", a("/session/totp"), { code }),
    signOut: () => call<null>("DELETE", a("/session")),
  };
}

export type Client = ReturnType<typeof makeClient>;
