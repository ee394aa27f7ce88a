import type { IncomingHttpHeaders } from "node:http";

/**
 * What the request log (CROSSBACK_LOG=1, pino through Fastify) may carry (issue 8 point 13): never a
 * credential, a bank detail or a shopper's contact. Requests are logged with their path (the query
 * string's values dropped: they may hold an e-mail address) and headers, minus the secret ones; bodies
 * are never logged by the server, and should anything log one, the bank and secret fields are censored
 * at any depth we name. Errors lose the parameters a failed SQL query echoes (IBANs, e-mails…).
 */
const SECRET_HEADERS = [
  "authorization",
  "cookie",
  "x-api-key",
  "x-csrf-token",
  "proxy-authorization",
  "stripe-signature",
  "webhook-signature",
];

const SENSITIVE_FIELDS = [
  "iban",
  "bic",
  "accountNumber",
  "accountHolder",
  "routingNumber",
  "sortCode",
  "clabe",
  "bankAccount",
  "payoutAccount",
  "apiKey",
  "credential",
  "webhookSecret",
  "consumerSecret",
  "accessToken",
  "secret",
  "password",
  "token",
  "email",
  "phone",
];

export const REDACT_PATHS: readonly string[] = [
  ...SECRET_HEADERS.map((h) => `req.headers["${h}"]`),
  'res.headers["set-cookie"]',
  ...SENSITIVE_FIELDS.flatMap((f) => [f, `*.${f}`, `*.*.${f}`, `body.*.*.${f}`]),
];

interface LoggedRequest {
  readonly method: string;
  readonly url: string;
  readonly host?: string;
  readonly ip?: string;
  readonly headers: IncomingHttpHeaders;
}

/** `/path?email=a@b.c&x=1` → `/path?email=…&x=…`: which parameters, never their values. */
export function pathForLog(url: string): string {
  const at = url.indexOf("?");
  if (at < 0) return url;
  const names = url
    .slice(at + 1)
    .split("&")
    .map((p) => `${p.split("=")[0] ?? ""}=…`);
  return `${url.slice(0, at)}?${names.join("&")}`;
}

type LoggedError = { [key: string]: unknown; type: string; message: string; stack: string };

const SQLSTATE = /^[0-9A-Z]{5}$/;
const field = (e: Error, k: string): string | undefined => {
  const v: unknown = Reflect.get(e, k);
  return typeof v === "string" ? v : undefined;
};

/**
 * An error as logged: type, message and stack, without what a failed query echoes — drizzle's
 * `params:` line, and a database error's message and detail (they quote values: "Key (email)=(…)");
 * of those only the SQLSTATE code and the names of the constraint, table and column are kept.
 */
export function errorForLog(e: unknown): LoggedError {
  if (!(e instanceof Error)) return { type: typeof e, message: "a non-error was thrown", stack: "" };
  const scrub = (text: string): string =>
    text.replace(/\nparams: [\s\S]*?(?=\n {4}at |$)/, "\nparams: [redacted]");
  const code = field(e, "code");
  const cause = e.cause instanceof Error ? { cause: errorForLog(e.cause) } : {};
  if (code && SQLSTATE.test(code) && field(e, "severity") !== undefined) {
    const names = Object.fromEntries(
      ["constraint", "table", "column", "routine"].flatMap((k) => {
        const v = field(e, k);
        return v ? [[k, v]] : [];
      }),
    );
    const message = `database error ${code}`;
    return { type: e.name, message, stack: message, code, ...names, ...cause };
  }
  return {
    type: e.name,
    message: scrub(e.message),
    stack: scrub(e.stack ?? ""),
    ...(code ? { code } : {}),
    ...cause,
  };
}

/** Options for Fastify's pino logger; `stream` receives the JSON lines (default stdout). */
export function loggerOptions(stream?: { write(line: string): void }) {
  return {
    level: "info",
    redact: { paths: [...REDACT_PATHS], censor: "[redacted]" },
    serializers: {
      req: (req: LoggedRequest) => ({
        method: req.method,
        url: pathForLog(req.url),
        host: req.host,
        remoteAddress: req.ip,
        headers: { ...req.headers },
      }),
      err: errorForLog,
    },
    ...(stream ? { stream } : {}),
  };
}
