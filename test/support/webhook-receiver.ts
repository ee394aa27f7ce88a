import { createServer, type IncomingHttpHeaders } from "node:http";
import type { AddressInfo } from "node:net";

export interface Received {
  readonly headers: IncomingHttpHeaders;
  readonly body: string;
  readonly json: { type: string; timestamp: string; data: Record<string, unknown> };
}

/** A merchant system receiving webhooks: records every request; `status()` decides each answer. */
export async function webhookReceiver(status: (n: number) => number = () => 204) {
  const received: Received[] = [];
  let count = 0;
  const server = createServer((req, res) => {
    let body = "";
    req.on("data", (d) => (body += d));
    req.on("end", () => {
      const code = status(count++);
      if (code < 300) received.push({ headers: req.headers, body, json: JSON.parse(body) });
      res.writeHead(code).end();
    });
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/hooks`,
    received,
    requests: () => count,
    close: () => new Promise<void>((r) => server.close(() => r())),
  };
}
