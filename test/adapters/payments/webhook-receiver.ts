import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import type { RefundUpdate, RefundWebhookReceiver } from "../../../src/app/refund-updates.ts";

/**
 * A minimal webhook endpoint for tests: raw body → receiver.receive → 200 + acknowledgement, or
 * 400 with the reason. Collects the updates it accepted.
 */
export async function startReceiver(receiver: RefundWebhookReceiver) {
  const updates: RefundUpdate[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const result = receiver.receive(Buffer.concat(chunks), req.headers);
      if (result.ok) updates.push(...result.value);
      res.writeHead(result.ok ? 200 : 400, { "Content-Type": "text/plain" });
      res.end(result.ok ? receiver.acknowledgement : result.error);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/webhooks/${receiver.provider}`,
    updates,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
