import { availableParallelism } from "node:os";
import { resolve } from "node:path";
import { DEFAULT_OUTBOX_SETTINGS, type OutboxSettings } from "../app/notify/ports.ts";
import { DEFAULT_RETENTION, type RetentionSettings } from "../app/retention.ts";
import { type ApiRateLimits, DEFAULT_API_RATE_LIMITS } from "../http/api-rate-limit.ts";

/** Everything Crossback reads from the environment, in one place. */
export interface Config {
  readonly port: number;
  readonly host: string;
  readonly databaseUrl: string | null;
  /** PostgreSQL queries as named prepared statements (CROSSBACK_NAMED_STATEMENTS=0: off, behind a pooler in transaction mode that cannot keep them). */
  readonly namedStatements: boolean;
  /** PostgreSQL connections of each process's pool (CROSSBACK_DB_POOL; default twice the cores, see dbPoolDefault). */
  readonly dbPool: number;
  /** `serve` and `worker` keep merchants' configuration until it changes, told by LISTEN/NOTIFY (CROSSBACK_CONFIG_CACHE=0: off, behind a pooler in transaction mode that cannot LISTEN). */
  readonly configCache: boolean;
  readonly dataDir: string;
  /** Seed the demo merchant (its API key is public): only on loopback with the embedded database, or CROSSBACK_DEMO=1. */
  readonly demo: boolean;
  /** Why the demo is not seeded though CROSSBACK_DEMO did not say 0 (printed at start); null otherwise. */
  readonly demoRefusal: string | null;
  readonly logRequests: boolean;
  /** Build the portal at start when web/ changed (CROSSBACK_WEB_BUILD=0 skips it: the portal then answers 503). */
  readonly webBuild: boolean;
  /** Signs portal sessions; null: a key generated once and kept in the database. */
  readonly portalSecret: string | null;
  /** Portal photos go to this S3-compatible bucket instead of the data directory. */
  /** Outbox relay and merchant webhooks (CROSSBACK_OUTBOX_*, CROSSBACK_WEBHOOK_*). */
  readonly outbox: OutboxSettings;
  /** Merchant API requests per window per IP and per API key (CROSSBACK_RATE_LIMIT_*; 0 = off). */
  readonly rateLimits: ApiRateLimits;
  /** CROSSBACK_RETENTION_IDEMPOTENCY_DAYS, CROSSBACK_RETENTION_WEBHOOK_EVENT_DAYS. */
  readonly retention: RetentionSettings;
  /** Shopper e-mail over SMTP (SMTP_URL, MAIL_FROM); null: e-mails are recorded, not sent. */
  readonly smtp: { readonly url: string; readonly from: string } | null;
  /** Base of links in e-mails (CROSSBACK_PUBLIC_URL); null: http://HOST:PORT. */
  readonly publicUrl: string | null;
  /** The returns assistant's phrasing model (ASSISTANT_LLM_URL, _KEY, _MODEL); null: its own words. */
  readonly assistantLlm: {
    readonly baseUrl: string;
    readonly apiKey: string | null;
    readonly model: string;
  } | null;
  /** The ship-by reminder goes out this many days before the date (CROSSBACK_REMINDER_DAYS, 3). */
  readonly reminderDaysBefore: number;
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

function positive(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const v = env[name];
  if (v === undefined || v === "") return fallback;
  const n = Number(v);
  if (!Number.isInteger(n) || n < 0) throw new Error(`${name} must be a whole number ≥ 0, got "${v}"`);
  return n;
}

/**
 * Twice this machine's cores, at least 2 and at most 10 (node-postgres's own default). On the two-core
 * benchmark machine ten connections made PostgreSQL run ten backends for ten requests on two cores:
 * 4 did the same work with 12–16 % less PostgreSQL CPU a request (README, Benchmarks).
 */
export const dbPoolDefault = (): number => Math.min(10, Math.max(2, 2 * availableParallelism()));

function publicUrl(v: string | undefined): string | null {
  const url = v?.trim();
  if (!url) return null;
  if (!/^https?:\/\/[^/]/.test(url)) throw new Error("CROSSBACK_PUBLIC_URL must be an http(s) URL");
  return url.replace(/\/+$/, "");
}

function assistantLlm(env: NodeJS.ProcessEnv): Config["assistantLlm"] {
  const url = env.ASSISTANT_LLM_URL?.trim();
  if (!url) return null;
  if (!/^https?:\/\/[^/]/.test(url)) throw new Error("ASSISTANT_LLM_URL must look like https://host/v1");
  return {
    baseUrl: url,
    apiKey: env.ASSISTANT_LLM_KEY?.trim() || null,
    model: env.ASSISTANT_LLM_MODEL?.trim() || "gpt-4o-mini",
  };
}

function smtpSettings(env: NodeJS.ProcessEnv): Config["smtp"] {
  const url = env.SMTP_URL?.trim();
  if (!url) return null;
  if (!/^smtps?:\/\/[^/]/.test(url))
    throw new Error("SMTP_URL must look like smtp://user:pass@host:587 or smtps://…");
  const from = env.MAIL_FROM?.trim();
  if (!from || !/@[^@\s>]+>?$/.test(from))
    throw new Error('MAIL_FROM must be set with SMTP_URL, e.g. "Returns <returns@shop.example>"');
  return { url, from };
}

function outboxSettings(env: NodeJS.ProcessEnv): OutboxSettings {
  const d = DEFAULT_OUTBOX_SETTINGS;
  return {
    leaseMs: positive(env, "CROSSBACK_OUTBOX_LEASE_MS", d.leaseMs),
    retryBaseMs: positive(env, "CROSSBACK_OUTBOX_RETRY_MS", d.retryBaseMs),
    retryMaxMs: positive(env, "CROSSBACK_OUTBOX_RETRY_MAX_MS", d.retryMaxMs),
    disableAfterFailures: positive(env, "CROSSBACK_WEBHOOK_DISABLE_AFTER", d.disableAfterFailures),
    disableAfterMs: positive(env, "CROSSBACK_WEBHOOK_DISABLE_AFTER_MS", d.disableAfterMs),
    secretOverlapMs: positive(env, "CROSSBACK_WEBHOOK_SECRET_OVERLAP_MS", d.secretOverlapMs),
  };
}

/** Loopback addresses: only this machine can reach what listens there. */
export function isLoopback(host: string): boolean {
  return host === "localhost" || host === "::1" || /^127(\.\d{1,3}){3}$/.test(host);
}

/**
 * The demo merchant's API key is published, so it is seeded by default only where nobody else can
 * reach it: a loopback address with the embedded database. CROSSBACK_DEMO=1 seeds it anyway, 0 never.
 */
export function demoChoice(
  flag: string | undefined,
  host: string,
  databaseUrl: string | null,
): { demo: boolean; demoRefusal: string | null } {
  if (flag === "0") return { demo: false, demoRefusal: null };
  if (flag === "1") return { demo: true, demoRefusal: null };
  const where = databaseUrl ? "on DATABASE_URL" : isLoopback(host) ? null : `listening on ${host}`;
  if (!where) return { demo: true, demoRefusal: null };
  return {
    demo: false,
    demoRefusal: `Not seeding the demo merchant ${where}: its API key is public. Set CROSSBACK_DEMO=1 to seed it anyway.`,
  };
}

export function readConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const port = Number(env.PORT ?? 3000);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new Error(`PORT must be a port number, got "${env.PORT}"`);
  const url = env.DATABASE_URL?.trim() || null;
  if (url && !/^postgres(ql)?:\/\//.test(url))
    throw new Error("DATABASE_URL must start with postgres:// or postgresql://");
  const host = env.HOST ?? "127.0.0.1";
  return {
    port,
    host,
    databaseUrl: url,
    namedStatements: env.CROSSBACK_NAMED_STATEMENTS?.trim() !== "0",
    dbPool: Math.max(1, positive(env, "CROSSBACK_DB_POOL", dbPoolDefault())),
    configCache: env.CROSSBACK_CONFIG_CACHE?.trim() !== "0",
    dataDir: resolve(env.CROSSBACK_DATA_DIR ?? ".crossback"),
    ...demoChoice(env.CROSSBACK_DEMO?.trim() || undefined, host, url),
    logRequests: env.CROSSBACK_LOG === "1",
    webBuild: env.CROSSBACK_WEB_BUILD !== "0",
    portalSecret: portalSecret(env.CROSSBACK_PORTAL_SECRET),
    outbox: outboxSettings(env),
    retention: {
      idempotencyDays: Math.max(
        1,
        positive(env, "CROSSBACK_RETENTION_IDEMPOTENCY_DAYS", DEFAULT_RETENTION.idempotencyDays),
      ),
      webhookEventDays: Math.max(
        1,
        positive(env, "CROSSBACK_RETENTION_WEBHOOK_EVENT_DAYS", DEFAULT_RETENTION.webhookEventDays),
      ),
    },
    rateLimits: {
      perIp: positive(env, "CROSSBACK_RATE_LIMIT_PER_IP", DEFAULT_API_RATE_LIMITS.perIp),
      perKey: positive(env, "CROSSBACK_RATE_LIMIT_PER_KEY", DEFAULT_API_RATE_LIMITS.perKey),
      windowMs: Math.max(
        1000,
        positive(env, "CROSSBACK_RATE_LIMIT_WINDOW_MS", DEFAULT_API_RATE_LIMITS.windowMs),
      ),
    },
    smtp: smtpSettings(env),
    publicUrl: publicUrl(env.CROSSBACK_PUBLIC_URL),
    assistantLlm: assistantLlm(env),
    reminderDaysBefore: Math.max(1, positive(env, "CROSSBACK_REMINDER_DAYS", 3)),
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
