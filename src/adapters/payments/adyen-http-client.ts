import { request as httpRequest } from "node:http";
import { request as httpsRequest } from "node:https";
import { type Client, HttpClientException } from "./adyen-library.ts";

/** The library's pluggable HTTP client (`new Client(config, httpClient)`). */
export type AdyenHttpClient = NonNullable<ConstructorParameters<typeof Client>[1]>;
type Config = Parameters<AdyenHttpClient["request"]>[2];
type RequestOptions = NonNullable<Parameters<AdyenHttpClient["request"]>[4]>;

/**
 * Sends the library's requests to `baseUrl` instead of Adyen's hosts, over http or https.
 *
 * @adyen/api-library 32 has no endpoint setting for Checkout: each service builds its URL from a
 * hard-coded `https://checkout-test.adyen.com/v72` (or the live prefix), and its own
 * HttpURLConnectionClient always uses `https.request`. Its documented extension point is the
 * second `Client` argument, an HTTP client; this one keeps the URL's path (`/v72/payments/…`),
 * replaces its origin, and sends the same headers as the library's client (X-API-Key,
 * Idempotency-Key, JSON content type). Errors are raised the way the library raises them:
 * non-2xx → HttpClientException with `statusCode`, `errorCode` and `apiError` from Adyen's error
 * body; network errors and timeouts → a plain Error.
 */
export function endpointHttpClient(baseUrl: string): AdyenHttpClient {
  const base = baseUrl.replace(/\/+$/, "");
  return {
    request(
      endpoint: string,
      json: string | Buffer,
      config: Config,
      _keyRequired: boolean,
      options?: RequestOptions,
    ) {
      const from = new URL(endpoint);
      const url = new URL(`${base}${from.pathname}${from.search}`);
      const headers: Record<string, string> = {
        "Content-Type": "application/json",
        Accept: "application/json",
        "Content-Length": String(Buffer.byteLength(json)),
      };
      const extra = options?.headers;
      if (extra && !Array.isArray(extra)) {
        for (const [k, v] of Object.entries(extra)) if (typeof v === "string") headers[k] = v;
      }
      if (config.apiKey) headers["X-API-Key"] = config.apiKey;
      if (options?.idempotencyKey) headers["Idempotency-Key"] = options.idempotencyKey;
      const timeout = config.connectionTimeoutMillis;
      const send = url.protocol === "https:" ? httpsRequest : httpRequest;
      return new Promise<string>((resolve, reject) => {
        const req = send(url, { method: options?.method ?? "POST", headers, timeout }, (res) => {
          let body = "";
          res.setEncoding("utf8");
          res.on("data", (chunk: string) => {
            body += chunk;
          });
          res.on("error", reject);
          res.on("end", () => {
            const status = res.statusCode ?? 0;
            if (status >= 200 && status < 300) resolve(body);
            else reject(httpException(status, body, res.headers));
          });
        });
        req.on("timeout", () => req.destroy(new Error(`no answer from Adyen within ${timeout} ms`)));
        req.on("error", reject);
        req.end(json);
      });
    },
  };
}

function httpException(status: number, body: string, headers: Record<string, unknown>): Error {
  const responseHeaders = headers as ConstructorParameters<typeof HttpClientException>[0]["responseHeaders"];
  let parsed: unknown = null;
  try {
    parsed = JSON.parse(body);
  } catch {
    // not JSON: reported with the raw body below
  }
  if (parsed && typeof parsed === "object" && "status" in parsed) {
    const e = parsed as { status: number; errorCode?: string; message?: string };
    return new HttpClientException({
      message: `HTTP Exception: ${e.status}. ${e.message ?? ""}`,
      statusCode: e.status,
      ...(e.errorCode ? { errorCode: e.errorCode } : {}),
      responseHeaders,
      responseBody: body,
      apiError: parsed as ConstructorParameters<typeof HttpClientException>[0]["apiError"],
    });
  }
  return new HttpClientException({
    message: `HTTP Exception: ${status}. ${body.slice(0, 200)}`,
    statusCode: status,
    responseHeaders,
    responseBody: body,
  });
}
