import { resolve } from "node:path";

/** Everything Crossback reads from the environment, in one place. */
export interface Config {
  readonly port: number;
  readonly host: string;
  readonly databaseUrl: string | null;
  readonly dataDir: string;
  readonly demo: boolean;
  readonly logRequests: boolean;
  /** Build the portal at start when web/ changed (CROSSBACK_WEB_BUILD=0 skips it: the portal then answers 503). */
  readonly webBuild: boolean;
  /** Signs portal sessions; null: a key generated once and kept in the database. */
  readonly portalSecret: string | null;
  /** Portal photos go to this S3-compatible bucket instead of the data directory. */
  readonly s3: {
    readonly bucket: string;
    readonly endpoint: string | null;
    readonly region: string;
    readonly prefix: string;
  } | null;
}

function portalSecret(v: string | undefined): string | null {
  if (!v) return null;
  if (v.length < 32) throw new Error("CROSSBACK_PORTAL_SECRET must be at least 32 characters");
  return v;
}

export function readConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const port = Number(env.PORT ?? 3000);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new Error(`PORT must be a port number, got "${env.PORT}"`);
  const url = env.DATABASE_URL?.trim() || null;
  if (url && !/^postgres(ql)?:\/\//.test(url))
    throw new Error("DATABASE_URL must start with postgres:// or postgresql://");
  return {
    port,
    host: env.HOST ?? "127.0.0.1",
    databaseUrl: url,
    dataDir: resolve(env.CROSSBACK_DATA_DIR ?? ".crossback"),
    demo: env.CROSSBACK_DEMO !== "0",
    logRequests: env.CROSSBACK_LOG === "1",
    webBuild: env.CROSSBACK_WEB_BUILD !== "0",
    portalSecret: portalSecret(env.CROSSBACK_PORTAL_SECRET),
    s3: env.CROSSBACK_S3_BUCKET
      ? {
          bucket: env.CROSSBACK_S3_BUCKET,
          endpoint: env.CROSSBACK_S3_ENDPOINT || null,
          region: env.CROSSBACK_S3_REGION || env.AWS_REGION || "us-east-1",
          prefix: env.CROSSBACK_S3_PREFIX ?? "photos/",
        }
      : null,
  };
}
