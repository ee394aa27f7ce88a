import { type BackfillProgress, runBackfill } from "../app/platforms/backfill.ts";
import { saveConnection, shopOf } from "../app/platforms/connections.ts";
import { isPlatform, type Platform } from "../app/platforms/ports.ts";
import type { Deps } from "../app/ports/index.ts";

interface Flags {
  readonly merchant?: string | undefined;
  readonly since?: string | undefined;
  readonly shop?: string | undefined;
  readonly "consumer-key"?: string | undefined;
}

const usage = (message: string) => {
  console.error(message);
  return 2;
};

async function merchantId(deps: Deps, slug: string | undefined): Promise<string | null> {
  if (!slug) return null;
  return (await deps.store.read.merchants.bySlug(slug))?.id ?? null;
}

/** The secrets come from the environment (never the command line, which other users can read). */
const SECRETS: Readonly<Record<Platform, readonly [string, string]>> = {
  shopify: ["SHOPIFY_ACCESS_TOKEN", "SHOPIFY_WEBHOOK_SECRET"],
  woocommerce: ["WOOCOMMERCE_CONSUMER_SECRET", "WOOCOMMERCE_WEBHOOK_SECRET"],
};

/** crossback platforms connect <platform> --merchant <slug> --shop <domain|url> [--consumer-key ck_…] */
export async function platformsCommand(deps: Deps, args: string[], flags: Flags): Promise<number> {
  const [sub, platform] = args;
  if (sub !== "connect" || !platform || !isPlatform(platform))
    return usage(
      "usage: crossback platforms connect <shopify|woocommerce> --merchant <slug> --shop <domain|url>",
    );
  const id = await merchantId(deps, flags.merchant);
  if (!id) return usage("--merchant <slug> must name an existing merchant");
  const shop = shopOf(platform, flags.shop ?? "", flags["consumer-key"] ?? null);
  if ("path" in shop) return usage(`--${shop.path === "shop" ? "shop" : "consumer-key"} ${shop.message}`);
  const [credentialVar, secretVar] = SECRETS[platform];
  const credential = process.env[credentialVar];
  const webhookSecret = process.env[secretVar];
  if (!credential || !webhookSecret) return usage(`set ${credentialVar} and ${secretVar} in the environment`);
  const r = await saveConnection(deps, id, {
    platform,
    shop: shop.shop,
    keyId: platform === "woocommerce" ? (flags["consumer-key"] ?? null) : null,
    credential,
    webhookSecret,
    refundOnPlatform: false,
  });
  if ("taken" in r) {
    console.error(`${shop.shop} is already connected to another merchant`);
    return 1;
  }
  console.log(`${platform} shop ${shop.shop} connected to ${flags.merchant} (secrets stored encrypted)`);
  return 0;
}

function progressLine(platform: Platform, p: BackfillProgress): string {
  const of = p.totalPages ? `/${p.totalPages}` : "";
  return `${platform}: page ${p.page}${of}: ${p.created} created, ${p.updated} updated, ${p.unchanged} unchanged, ${p.refused.length} refused (${p.ordersSoFar} orders so far)`;
}

/** crossback sync <platform> --merchant <slug> --since <date>: a resumable backfill with progress lines. */
export async function syncCommand(deps: Deps, args: string[], flags: Flags): Promise<number> {
  const [platform] = args;
  if (!platform || !isPlatform(platform))
    return usage("usage: crossback sync <shopify|woocommerce> --merchant <slug> --since <date>");
  const id = await merchantId(deps, flags.merchant);
  if (!id) return usage("--merchant <slug> must name an existing merchant");
  const previous = await deps.store.read.platforms.run(id, platform);
  const since = flags.since ? new Date(flags.since) : previous?.status === "running" ? previous.since : null;
  if (!since || Number.isNaN(since.getTime()))
    return usage("--since <date> (ISO 8601, such as 2026-01-01) is required");
  let page = previous?.status === "running" ? previous.pages : 0;
  try {
    const r = await runBackfill(deps, id, platform, since, (p) => {
      page = p.page;
      console.log(progressLine(platform, p));
      for (const o of p.refused) console.log(`  refused order ${o.externalId}: ${o.problems.join("; ")}`);
    });
    if (!r.ok) {
      console.error(r.error);
      return 1;
    }
    const how = r.resumed ? " (resumed)" : "";
    console.log(
      `${platform}: done${how}: ${r.run.orders} orders in ${r.run.pages} pages since ${since.toISOString()}`,
    );
    return 0;
  } catch (e) {
    console.error(
      `${platform}: interrupted after page ${page}: ${e instanceof Error ? e.message : String(e)}\nrun the same command again to resume`,
    );
    return 1;
  }
}
