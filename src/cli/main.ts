import { join } from "node:path";
import { parseArgs } from "node:util";
import { DataDirLockedError } from "../adapters/db/data-dir-lock.ts";
import { type Database, migrateDatabase, openDatabase } from "../adapters/db/database.ts";
import { resealAtRest } from "../adapters/db/reseal.ts";
import { dbStore } from "../adapters/db/store.ts";
import { pdfDocuments } from "../adapters/documents/pdf-documents.ts";
import { localPhotoStorage } from "../adapters/storage/local-photo-storage.ts";
import { systemClock, uuidv7Source } from "../adapters/system.ts";
import { standardWebhookSender } from "../adapters/webhooks/webhook-sender.ts";
import type { Deps, SecretBox } from "../app/ports/index.ts";
import type { RefundWebhookReceiver } from "../app/refund-updates.ts";
import { apiKeyCommand, fxCommand, importCommand, merchantsCommand } from "./admin-commands.ts";
import { parseApiKeyFlags } from "./api-key-flags.ts";
import { carriersFromEnv, logisticsDeps } from "./carriers.ts";
import { type Config, readConfig } from "./config.ts";
import { secretBoxFor } from "./encryption.ts";
import { gatewaysFromEnv } from "./gateways.ts";
import { platformsCommand, syncCommand } from "./platform-commands.ts";
import { platformsFromEnv } from "./platforms.ts";

const HELP = `crossback — international returns and refunds

Usage: crossback <command> [options]

  serve [--processes N]               start the API (PORT, HOST, DATABASE_URL, CROSSBACK_DATA_DIR);
                                      N server processes share the port (PostgreSQL only)
  migrate                             apply database migrations
  demo                                seed the demo merchant (idempotent)
  merchants create <slug> --name <n>  create a merchant
  merchants list
  api-key create --merchant <slug> [--name <n>] [--scopes read,refunds:write,…] [--expires-in-days N]
                                      prints the new key alone on its last line (default: every
                                      scope, no expiry)
  api-key list --merchant <slug>
  api-key revoke <id-or-prefix> --merchant <slug>
  import orders <file.csv> --merchant <slug> [--skip-invalid]
  worker                              run background jobs only (PostgreSQL; serve runs them too)
  platforms connect <shopify|woocommerce> --merchant <slug> --shop <domain|url> [--consumer-key ck_…]
                                      connect a shop (secrets from SHOPIFY_ACCESS_TOKEN +
                                      SHOPIFY_WEBHOOK_SECRET, or WOOCOMMERCE_CONSUMER_SECRET +
                                      WOOCOMMERCE_WEBHOOK_SECRET)
  sync <shopify|woocommerce> --merchant <slug> --since <date>
                                      import the shop's orders updated since <date>, page by page;
                                      an interrupted run resumes where it stopped
  fx import <eurofxref.xml>           import ECB reference rates (daily or history file)
  reports status|rollup|rebuild [--merchant <slug>]
                                      the report rollups: what is not counted yet, count it now,
                                      or recount from scratch
  bench                               run the benchmarks (same as npm run bench)
  build-web [--force]                 build the returns portal (web/ → web/dist) when its sources changed

Without DATABASE_URL the embedded PostgreSQL (PGlite) keeps its data in CROSSBACK_DATA_DIR (./.crossback).`;

/** The only wiring place of the server and the CLI: adapters → ports → use cases. */
export async function wire(
  config: Config,
  opts: { readonly longRunning?: boolean } = {},
): Promise<{ deps: Deps; database: Database; webhooks: RefundWebhookReceiver[] }> {
  const database = config.databaseUrl
    ? await openDatabase({
        url: config.databaseUrl,
        namedStatements: config.namedStatements,
        poolSize: config.dbPool,
      })
    : await openDatabase({ dataDir: config.dataDir });
  await migrateDatabase(database);
  const secrets = secretBoxFor(config);
  await resealOnStart(database, secrets);
  const { gateways, webhooks } = await gatewaysFromEnv();
  const deps: Deps = {
    // Only long-running processes keep configuration (and hold a connection to hear of its changes).
    store: dbStore(database, secrets, { configCache: config.configCache && opts.longRunning === true }),
    clock: systemClock,
    ids: uuidv7Source(systemClock),
    gateways,
    // The AWS SDK is large: loaded only when a bucket is configured.
    photos: config.s3
      ? (await import("../adapters/storage/s3-photo-storage.ts")).s3PhotoStorage(config.s3)
      : localPhotoStorage(join(config.dataDir, "uploads")),
    logistics: logisticsDeps(systemClock, await carriersFromEnv()),
    notify: {
      settings: config.outbox,
      webhooks: standardWebhookSender({ timeoutMs: 10_000 }),
      // SDKs load only when configured: a CLI command starts without them.
      mailer: config.smtp ? (await import("../adapters/mail/smtp-mailer.ts")).smtpMailer(config.smtp) : null,
      reminderDaysBefore: config.reminderDaysBefore,
      publicUrl: config.publicUrl ?? `http://${config.host}:${config.port}`,
    },
    secrets,
    platforms: platformsFromEnv(),
    documents: pdfDocuments,
    retention: config.retention,
    ...(config.assistantLlm
      ? {
          assistant: (await import("../adapters/assistant/openai-phraser.ts")).openAiPhraser(
            config.assistantLlm,
          ),
        }
      : {}),
  };
  return { deps, database, webhooks };
}

/** Bank details and stored responses still in clear, or under a retired key, sealed under the current key. */
async function resealOnStart(database: Database, secrets: SecretBox): Promise<void> {
  const n = await resealAtRest(database, secrets);
  if (n.settlements + n.cases + n.responses > 0)
    console.error(
      `data at rest sealed under key "${secrets.keyId}": ${n.settlements} settlement bank account(s), ${n.cases} case payout account(s), ${n.responses} stored response(s)`,
    );
}

async function main(argv: string[]): Promise<number> {
  const { positionals, values } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      name: { type: "string" },
      merchant: { type: "string" },
      "skip-invalid": { type: "boolean", default: false },
      force: { type: "boolean", default: false },
      processes: { type: "string" },
      scopes: { type: "string" },
      "expires-in-days": { type: "string" },
      since: { type: "string" },
      shop: { type: "string" },
      "consumer-key": { type: "string" },
      help: { type: "boolean", short: "h", default: false },
    },
  });
  const [command, ...rest] = positionals;
  if (!command || values.help || command === "help") {
    console.log(HELP);
    return command || values.help ? 0 : 1;
  }
  if (command === "build-web") {
    const { ensureWebBuilt } = await import("./web-build.ts");
    await ensureWebBuilt({ force: values.force });
    return 0;
  }
  if (command === "bench") {
    const { runBenchmarks } = await import("../../bench/run.ts");
    return runBenchmarks();
  }
  const known = [
    "serve",
    "worker",
    "migrate",
    "demo",
    "merchants",
    "api-key",
    "import",
    "fx",
    "reports",
    "sync",
    "platforms",
  ];
  if (!known.includes(command)) {
    console.error(`unknown command "${command}"\n\n${HELP}`);
    return 2;
  }
  const config = readConfig();
  if (command === "serve") {
    const { parseProcesses, servePrimary, isClusterWorker } = await import("./cluster.ts");
    const processes = parseProcesses(values.processes);
    if (typeof processes === "string") {
      console.error(processes);
      return 2;
    }
    const { prepareServe, serveCommand } = await import("./serve-command.ts");
    if (processes > 1 && !isClusterWorker())
      return servePrimary(processes, config, async () => {
        const w = await wire(config);
        try {
          await prepareServe(w.deps, config);
        } finally {
          await w.database.close();
        }
      });
    const { deps, database, webhooks } = await wire(config, { longRunning: true });
    // In a cluster the primary did the one-time set-up.
    const own = isClusterWorker() ? { ...config, demo: false, demoRefusal: null, webBuild: false } : config;
    return serveCommand(deps, database, own, webhooks, config.demo);
  }
  // Flags given wrong are refused before the database is opened (exit code 2).
  if (command === "api-key" && rest[0] === "create") {
    const flags = parseApiKeyFlags(values);
    if ("error" in flags) {
      console.error(flags.error);
      return 2;
    }
  }
  const { deps, database } = await wire(config, { longRunning: command === "worker" });
  if (command === "worker") {
    const { workerCommand } = await import("./worker.ts");
    return workerCommand(deps, database);
  }
  try {
    switch (command) {
      case "migrate":
        console.log(`migrations applied (${database.kind}: ${database.location})`);
        return 0;
      case "demo": {
        const { demoCommand } = await import("./serve-command.ts");
        return await demoCommand(deps, config);
      }
      case "merchants":
        return await merchantsCommand(deps, rest, values);
      case "api-key":
        return await apiKeyCommand(deps, rest, values);
      case "fx":
        return await fxCommand(deps, rest);
      case "reports": {
        const { reportsCommand } = await import("./reports-command.ts");
        return await reportsCommand(deps, rest, values.merchant);
      }
      case "sync":
        return await syncCommand(deps, rest, values);
      case "platforms":
        return await platformsCommand(deps, rest, values);
      default:
        return await importCommand(deps, rest, values);
    }
  } finally {
    await database.close();
  }
}

main(process.argv.slice(2)).then(
  (code) => {
    if (code !== -1) process.exitCode = code;
  },
  (e: unknown) => {
    if (
      e instanceof DataDirLockedError ||
      (e instanceof Error && e.name === "TypeError" && e.message.includes("parseArgs"))
    ) {
      console.error(e.message);
    } else {
      console.error(e instanceof Error ? (e.stack ?? e.message) : e);
    }
    process.exitCode = 1;
  },
);
