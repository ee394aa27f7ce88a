import type wooModule from "@woocommerce/woocommerce-rest-api";
import type { PlatformConnection } from "../../app/platforms/ports.ts";

type WooClass = typeof wooModule.default;

/**
 * The SDK, loaded on the first request (a process that talks to no shop starts without it). The
 * package is CommonJS compiled by Babel: Node's ESM interop gives `{ default: class }`, Vite's interop
 * (the tests) the class itself.
 */
async function wooClass(): Promise<WooClass> {
  const m = (await import("@woocommerce/woocommerce-rest-api")).default;
  const loaded: unknown = m;
  return typeof loaded === "function" ? (loaded as WooClass) : m.default;
}

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
  let client: Promise<InstanceType<WooClass>> | null = null;
  const sdk = () =>
    (client ??= wooClass().then(
      (WooCommerceRestApi) =>
        new WooCommerceRestApi({
          url: c.shop,
          consumerKey: c.keyId ?? "",
          consumerSecret: c.credential,
          version: "wc/v3",
          timeout: timeoutMs,
        }),
    ));
  return {
    async get(path, params = {}) {
      try {
        const r = await (await sdk()).get(
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
        const r = await (await sdk()).post(path, body);
        return { data: r.data, headers: r.headers };
      } catch (e) {
        throw failure(e, `POST ${path}`);
      }
    },
  };
}
