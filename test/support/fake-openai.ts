import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";

/**
 * A local OpenAI-compatible chat-completions server (POST /v1/chat/completions, the published request
 * and response shapes): answers whatever `reply` makes of the request, records every request.
 */
export interface FakeOpenAi {
  readonly url: string;
  readonly requests: { authorization: string | undefined; body: Record<string, unknown> }[];
  reply: (body: Record<string, unknown>) => { status: number; content?: string };
  close(): Promise<void>;
}

export async function startFakeOpenAi(): Promise<FakeOpenAi> {
  const fake: FakeOpenAi = {
    url: "",
    requests: [],
    reply: () => ({ status: 200, content: "" }),
    close: () => new Promise<void>((done) => server.close(() => done())),
  };
  const server: Server = createServer((req, res) => {
    let raw = "";
    req.on("data", (c: Buffer) => {
      raw += c.toString("utf8");
    });
    req.on("end", () => {
      const body = JSON.parse(raw || "{}") as Record<string, unknown>;
      fake.requests.push({ authorization: req.headers.authorization, body });
      if (req.method !== "POST" || req.url !== "/v1/chat/completions") {
        res.writeHead(404, { "content-type": "application/json" }).end('{"error":{"message":"not found"}}');
        return;
      }
      const out = fake.reply(body);
      if (out.status !== 200) {
        res
          .writeHead(out.status, { "content-type": "application/json" })
          .end(JSON.stringify({ error: { message: "fake failure", type: "server_error" } }));
        return;
      }
      res.writeHead(200, { "content-type": "application/json" }).end(
        JSON.stringify({
          id: "chatcmpl-fake",
          object: "chat.completion",
          created: 1_780_000_000,
          model: String(body.model),
          choices: [
            { index: 0, finish_reason: "stop", message: { role: "assistant", content: out.content ?? "" } },
          ],
          usage: { prompt_tokens: 10, completion_tokens: 10, total_tokens: 20 },
        }),
      );
    });
  });
  await new Promise<void>((done) => server.listen(0, "127.0.0.1", () => done()));
  Object.assign(fake, { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1` });
  return fake;
}
