import type { Database } from "../adapters/db/database.ts";
import { DEMO_PORTAL_HINT } from "../app/demo/demo-portal.ts";
import { seedDemoStaff } from "../app/demo/demo-staff.ts";
import { DEMO_API_KEY, seedDemo } from "../app/demo/seed-demo.ts";
import type { Deps } from "../app/ports/index.ts";
import type { RefundWebhookReceiver } from "../app/refund-updates.ts";
import { buildServer } from "../http/server.ts";
import type { Config } from "./config.ts";
import { ensureWebBuilt } from "./web-build.ts";
import { withJobs } from "./worker.ts";

export async function demoCommand(deps: Deps, config: Config): Promise<number> {
  if (config.demoRefusal) {
    console.error(config.demoRefusal);
    return 1;
  }
  const r = await seedDemo(deps);
  await seedDemoStaff(deps);
  console.log(
    r.created
      ? `demo merchant "${r.slug}" seeded: ${r.orders} orders, ${r.returns} returns`
      : `demo merchant "${r.slug}" already present`,
  );
  console.log(`demo API key: ${DEMO_API_KEY}`);
  return 0;
}

/** The one-time set-up before serving: the demo seed and the portal build (once per cluster). */
export async function prepareServe(deps: Deps, config: Config): Promise<void> {
  if (config.demoRefusal) console.error(config.demoRefusal);
  if (config.demo) {
    const r = await seedDemo(deps);
    if (r.created)
      console.log(`Seeded the demo merchant "${r.slug}": ${r.orders} orders, ${r.returns} returns.`);
    await seedDemoStaff(deps);
  }
  if (config.webBuild) await ensureWebBuilt();
}

/**
 * Runs until SIGINT/SIGTERM; returns -1 so main leaves the exit to the signal handler. `demoHints`
 * prints the demo's addresses (a cluster's processes print them though the primary seeded).
 */
export async function serveCommand(
  base0: Deps,
  database: Database,
  config: Config,
  webhooks: readonly RefundWebhookReceiver[],
  demoHints = config.demo,
): Promise<number> {
  const { deps, stop: stopJobs } = await withJobs(base0, database);
  await prepareServe(deps, config);
  const app = await buildServer(deps, {
    logger: config.logRequests,
    webhooks,
    portalSecret: config.portalSecret,
    rateLimits: config.rateLimits,
    publicUrl: config.publicUrl,
  });
  await app.listen({ port: config.port, host: config.host });
  const address = app.server.address();
  const port = typeof address === "object" && address ? address.port : config.port;
  const base = `http://${config.host}:${port}`;
  console.log(`Crossback is running on ${base} (database: ${database.kind}, ${database.location})`);
  console.log(`  API docs:     ${base}/api/docs`);
  console.log(`  OpenAPI:      ${base}/api/openapi.json`);
  console.log(
    config.smtp
      ? `  E-mail:       to shoppers via ${new URL(config.smtp.url).host} as ${config.smtp.from}`
      : "  E-mail:       SMTP_URL not set: shopper e-mails are recorded (GET /api/v1/email-messages), not sent",
  );
  if (demoHints) console.log(`  Returns portal: ${base}/returns/demo   (${DEMO_PORTAL_HINT})`);
  if (demoHints)
    console.log(
      `  Demo API key: ${DEMO_API_KEY}   (merchant "demo"; try: curl -H "Authorization: Bearer ${DEMO_API_KEY}" ${base}/api/v1/returns)`,
    );
  if (config.demo)
    console.log(
      `  Back office:  ${base}/admin   (agent@demo.crossback.dev / northwind-care-2026; more in the README)`,
    );
  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`${signal}: shutting down`);
    await app.close();
    await stopJobs();
    await database.close();
    process.exit(0);
  };
  process.on("SIGINT", () => void stop("SIGINT"));
  process.on("SIGTERM", () => void stop("SIGTERM"));
  return -1;
}
