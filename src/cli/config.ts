import { resolve } from "node:path";

/** Everything Crossback reads from the environment, in one place. */
export interface Config {
  readonly port: number;
  readonly host: string;
  readonly databaseUrl: string | null;
  readonly dataDir: string;
  readonly demo: boolean;
  readonly logRequests: boolean;
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
  };
}
