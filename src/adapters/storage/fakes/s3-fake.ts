import { createHash, createHmac } from "node:crypto";
import { createServer, type IncomingMessage } from "node:http";
import type { AddressInfo } from "node:net";

/**
 * A local stand-in for an S3-compatible bucket: PutObject and GetObject in path style, every request
 * authenticated with AWS Signature Version 4 exactly as S3 checks it (canonical request, string to
 * sign, derived key). A bad signature answers S3's 403 SignatureDoesNotMatch.
 */
export interface S3Fake {
  readonly url: string;
  readonly objects: Map<string, { body: Buffer; contentType: string | null }>;
  readonly rejected: number;
  close(): Promise<void>;
}

const sha256 = (b: Buffer | string) => createHash("sha256").update(b).digest("hex");
const hmac = (key: Buffer | string, data: string) => createHmac("sha256", key).update(data).digest();
const enc = (s: string) =>
  encodeURIComponent(s).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);

function canonicalQuery(search: URLSearchParams): string {
  return [...search.entries()]
    .map(([k, v]) => [enc(k), enc(v)] as const)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([k, v]) => `${k}=${v}`)
    .join("&");
}

/** Checks the request's SigV4 signature with the one secret this fake knows. */
function signatureValid(req: IncomingMessage, body: Buffer, keyId: string, secret: string): boolean {
  const auth = req.headers.authorization ?? "";
  const m =
    /^AWS4-HMAC-SHA256 Credential=([^/]+)\/(\d{8})\/([^/]+)\/s3\/aws4_request, ?SignedHeaders=([^,]+), ?Signature=([0-9a-f]{64})$/.exec(
      auth,
    );
  if (!m || m[1] !== keyId) return false;
  const [, , day = "", region = "", signed = "", signature = ""] = m;
  const amzDate = String(req.headers["x-amz-date"] ?? "");
  const payloadHash = String(req.headers["x-amz-content-sha256"] ?? "");
  if (payloadHash !== "UNSIGNED-PAYLOAD" && payloadHash !== sha256(body)) return false;
  const url = new URL(req.url ?? "/", "http://fake");
  const headers = signed.split(";");
  const canonicalHeaders = headers
    .map(
      (h) =>
        `${h}:${String(req.headers[h] ?? "")
          .trim()
          .replace(/\s+/g, " ")}\n`,
    )
    .join("");
  const canonical = [
    req.method,
    url.pathname
      .split("/")
      .map((p) => enc(decodeURIComponent(p)))
      .join("/"),
    canonicalQuery(url.searchParams),
    canonicalHeaders,
    signed,
    payloadHash,
  ].join("\n");
  const scope = `${day}/${region}/s3/aws4_request`;
  const toSign = ["AWS4-HMAC-SHA256", amzDate, scope, sha256(canonical)].join("\n");
  const key = hmac(hmac(hmac(hmac(`AWS4${secret}`, day), region), "s3"), "aws4_request");
  return hmac(key, toSign).toString("hex") === signature;
}

const xmlError = (code: string, message: string) =>
  `<?xml version="1.0" encoding="UTF-8"?><Error><Code>${code}</Code><Message>${message}</Message></Error>`;

export async function startS3Fake(opts: {
  bucket: string;
  accessKeyId: string;
  secretAccessKey: string;
}): Promise<S3Fake> {
  const objects = new Map<string, { body: Buffer; contentType: string | null }>();
  let rejected = 0;
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const body = Buffer.concat(chunks);
      const reply = (status: number, payload: Buffer | string, type = "application/xml") => {
        res.writeHead(status, {
          "content-type": type,
          "x-amz-request-id": sha256(String(Date.now())).slice(0, 16),
        });
        res.end(payload);
      };
      if (!signatureValid(req, body, opts.accessKeyId, opts.secretAccessKey)) {
        rejected += 1;
        return reply(
          403,
          xmlError("SignatureDoesNotMatch", "The request signature we calculated does not match"),
        );
      }
      const path = decodeURIComponent(new URL(req.url ?? "/", "http://fake").pathname);
      const [, bucket, ...rest] = path.split("/");
      const key = rest.join("/");
      if (bucket !== opts.bucket)
        return reply(404, xmlError("NoSuchBucket", "The specified bucket does not exist"));
      if (req.method === "PUT") {
        const type = req.headers["content-type"];
        objects.set(key, { body, contentType: typeof type === "string" ? type : null });
        res.writeHead(200, { etag: `"${createHash("md5").update(body).digest("hex")}"` });
        return res.end();
      }
      if (req.method === "GET") {
        const o = objects.get(key);
        if (!o) return reply(404, xmlError("NoSuchKey", "The specified key does not exist."));
        return reply(200, o.body, o.contentType ?? "application/octet-stream");
      }
      return reply(405, xmlError("MethodNotAllowed", "The specified method is not allowed"));
    });
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    objects,
    get rejected() {
      return rejected;
    },
    close: () => new Promise<void>((r) => server.close(() => r())),
  };
}
