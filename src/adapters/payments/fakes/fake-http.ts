import { createHash, randomBytes } from "node:crypto";
import { createServer, type IncomingHttpHeaders, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

/** What a fake provider saw: every call, including failed and hung ones. */
export interface FakeRequest {
  readonly method: string;
  readonly path: string;
  readonly headers: IncomingHttpHeaders;
  readonly body: string;
}

export interface FakeReply {
  readonly status: number;
  readonly body: unknown;
  readonly headers?: Readonly<Record<string, string>>;
}

/** Failure injection, applied before the provider logic (nothing is recorded for these calls). */
export interface FaultControls {
  /** The next `n` calls answer `status` (500, 503, 429…) with the provider's error body. */
  failNext(n: number, status?: number): void;
  /** The next `n` calls never answer (until close()): for client timeout tests. */
  hangNext(n: number): void;
  /** Calls received so far. */
  readonly requests: readonly FakeRequest[];
}

export interface FakeServer extends FaultControls {
  readonly url: string;
  readonly host: string;
  readonly port: number;
  close(): Promise<void>;
}

/**
 * A node:http server on 127.0.0.1 and a random port, answering with `handle` unless a fault is
 * planned. `faultBody(status)` gives the provider-shaped error body for an injected failure.
 */
export async function startFakeServer(
  handle: (req: FakeRequest) => FakeReply,
  faultBody: (status: number) => unknown,
): Promise<FakeServer> {
  const requests: FakeRequest[] = [];
  const faults: ({ kind: "fail"; status: number } | { kind: "hang" })[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const request: FakeRequest = {
        method: req.method ?? "GET",
        path: req.url ?? "/",
        headers: req.headers,
        body: Buffer.concat(chunks).toString("utf8"),
      };
      requests.push(request);
      const fault = faults.shift();
      if (fault?.kind === "hang") return;
      let reply: FakeReply;
      try {
        reply = fault ? { status: fault.status, body: faultBody(fault.status) } : handle(request);
      } catch (e) {
        reply = { status: 500, body: faultBody(500) };
        console.error("fake provider handler failed", e);
      }
      send(res, reply);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    host: "127.0.0.1",
    port,
    requests,
    failNext(n, status = 500) {
      for (let i = 0; i < n; i++) faults.push({ kind: "fail", status });
    },
    hangNext(n) {
      for (let i = 0; i < n; i++) faults.push({ kind: "hang" });
    },
    close() {
      return new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
    },
  };
}

function send(res: ServerResponse, reply: FakeReply): void {
  const text = typeof reply.body === "string" ? reply.body : JSON.stringify(reply.body);
  res.writeHead(reply.status, {
    "Content-Type": typeof reply.body === "string" ? "text/plain" : "application/json",
    "Content-Length": String(Buffer.byteLength(text)),
    ...reply.headers,
  });
  res.end(text);
}

/** A provider-style id: `prefix` + `length` random base62-ish characters. */
export function fakeId(
  prefix: string,
  length = 24,
  alphabet = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz",
): string {
  const bytes = randomBytes(length);
  let id = prefix;
  for (const b of bytes) id += alphabet[b % alphabet.length];
  return id;
}

export function fingerprint(text: string): string {
  return createHash("sha256").update(text).digest("hex");
}

/** POSTs a webhook the way a provider does; resolves with the receiver's answer. */
export async function deliver(
  url: string,
  body: string,
  headers: Readonly<Record<string, string>>,
): Promise<{ status: number; body: string }> {
  const res = await fetch(url, {
    method: "POST",
    body,
    headers: { "Content-Type": "application/json", ...headers },
  });
  return { status: res.status, body: await res.text() };
}
