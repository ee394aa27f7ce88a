import { GetObjectCommand, NoSuchKey, PutObjectCommand, S3Client } from "@aws-sdk/client-s3";
import type { PhotoStorage } from "../../app/ports/index.ts";

export interface S3Settings {
  readonly bucket: string;
  /** S3-compatible endpoint (MinIO, Ceph, R2, …); none: AWS itself. */
  readonly endpoint?: string | null;
  readonly region: string;
  readonly prefix?: string;
  readonly accessKeyId?: string;
  readonly secretAccessKey?: string;
}

/** Photos in an S3-compatible bucket, through the official AWS SDK (path-style for other providers). */
export function s3PhotoStorage(s: S3Settings): PhotoStorage {
  const client = new S3Client({
    region: s.region,
    endpoint: s.endpoint ?? undefined,
    forcePathStyle: !!s.endpoint,
    // Many S3-compatible stores do not accept the SDK's default trailing checksums.
    requestChecksumCalculation: "WHEN_REQUIRED",
    responseChecksumValidation: "WHEN_REQUIRED",
    credentials:
      s.accessKeyId && s.secretAccessKey
        ? { accessKeyId: s.accessKeyId, secretAccessKey: s.secretAccessKey }
        : undefined,
  });
  const keyOf = (key: string) => `${s.prefix ?? ""}${key}`;
  return {
    kind: "s3",
    async put(key, bytes, contentType) {
      await client.send(
        new PutObjectCommand({ Bucket: s.bucket, Key: keyOf(key), Body: bytes, ContentType: contentType }),
      );
    },
    async get(key) {
      try {
        const out = await client.send(new GetObjectCommand({ Bucket: s.bucket, Key: keyOf(key) }));
        return out.Body ? await out.Body.transformToByteArray() : null;
      } catch (e) {
        if (e instanceof NoSuchKey) return null;
        throw e;
      }
    },
  };
}
