import wooModule from "@woocommerce/woocommerce-rest-api";
import type { PlatformConnection } from "../../app/platforms/ports.ts";

// The package is CommonJS compiled by Babel: Node's ESM interop gives `{ default: class }`, Vite's
// interop (the tests) the class itself.
type WooClass = typeof wooModule.default;
const loaded: unknown = wooModule;
const WooCommerceRestApi: WooClass = typeof loaded === "function" ? (loaded as WooClass) : wooModule.default;

export interface WooResponse<T> {
  readonly data: T;
  readonly headers: Readonly<Record<string, unknown>>;
}

export interface WooClient {
  get<T>(path: string, params?: Record<string, string | number | boolean>): Promise<WooResponse<T>>;
  post<T>(path: string, body: Record<string, unknown>): Promise<WooResponse<T>>;
}

/** Axios errors of the SDK as one message: the status and WooCommerce's `code`/`message`. */
function failure(e: unknown, what: string): Error {
  const res = (e as { response?: { status?: number; data?: { code?: string; message?: string } } }).response;
  if (res)
    return new Error(
      `WooCommerce ${what}: HTTP ${res.status ?? "?"} ${res.data?.code ?? ""} ${res.data?.message ?? ""}`.trim(),
    );
  return new Error(`WooCommerce ${what}: ${e instanceof Error ? e.message : String(e)}`);
}

/**
 * The official client (@woocommerce/woocommerce-rest-api, REST API wc/v3) for one store: HTTP Basic
 * over HTTPS, OAuth 1.0a (HMAC-SHA256) over plain HTTP, as the SDK decides from the URL.
 */
export function wooClient(c: PlatformConnection, timeoutMs = 20_000): WooClient {
  const api = new WooCommerceRestApi({
    url: c.shop,
    consumerKey: c.keyId ?? "",
    consumerSecret: c.credential,
    version: "wc/v3",
    timeout: timeoutMs,
  });
  return {
    async get(path, params = {}) {
      try {
        const r = await api.get(
          path,
          Object.fromEntries(Object.entries(params).map(([k, v]) => [k, String(v)])),
        );
        return { data: r.data, headers: r.headers };
      } catch (e) {
        throw failure(e, `GET ${path}`);
      }
    },
    async post(path, body) {
      try {
        const r = await api.post(path, body);
        return { data: r.data, headers: r.headers };
      } catch (e) {
        throw failure(e, `POST ${path}`);
      }
    },
  };
}
