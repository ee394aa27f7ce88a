import { createApiKey, createMerchant } from "../merchants.ts";
import type { Deps, PaymentGateway, Repos, Store } from "../ports/index.ts";
import { seedAtRiskReturns } from "./demo-at-risk.ts";
import { seedCatalog } from "./demo-catalog.ts";
import { seedDemoNetwork, seedDemoParcels } from "./demo-logistics.ts";
import { DEMO_NAME, DEMO_SLUG, setUpDemoMerchant } from "./demo-merchant.ts";
import { buildDemoOrders, seedOrders } from "./demo-orders.ts";
import { seedPolicies } from "./demo-policies.ts";
import { seedPortalOrders, seedVariants } from "./demo-portal.ts";
import { seedReturns } from "./demo-returns.ts";
import { DAY_MS } from "./demo-shipments.ts";
import { mulberry32 } from "./prng.ts";

export const DEMO_API_KEY = "cb_demo_try_crossback_locally_0001"; // documented in the README, demo only

export interface DemoSeedResult {
  readonly slug: string;
  readonly created: boolean;
  readonly orders: number;
  readonly returns: number;
}

const ORDER_COUNT = 240;
const ORDER_SEED = 20_250_601;
const RETURN_SEED = 4_242;

/** Refunds in the demo never reach a real provider, whatever gateways the server has configured. */
const DEMO_GATEWAY: PaymentGateway = {
  name: "manual",
  async refund(req) {
    return { status: "succeeded", providerReference: `demo:${req.settlementId}` };
  },
};

/**
 * A Store whose "transactions" all run, one after the other, inside one outer transaction (use
 * cases may start several at once, e.g. the settlements of a refund split over two tenders).
 */
function within(repos: Repos): Store {
  let tail: Promise<unknown> = Promise.resolve();
  return {
    read: repos,
    transaction(fn) {
      const run = tail.then(() => fn(repos));
      tail = run.catch(() => undefined);
      return run;
    },
  };
}

/**
 * Creates the demo merchant "demo" with its set-up, catalogue, ~240 orders across ten countries and
 * ~30 return cases in every state, all dated relative to `deps.clock.now()`. Everything is written in
 * one transaction, so an interrupted first start leaves nothing behind. Does nothing when the
 * merchant already exists (also when another process seeds it at the same moment).
 */
export async function seedDemo(deps: Deps): Promise<DemoSeedResult> {
  const skipped: DemoSeedResult = { slug: DEMO_SLUG, created: false, orders: 0, returns: 0 };
  if (await deps.store.read.merchants.bySlug(DEMO_SLUG)) return skipped;
  const now = deps.clock.now();
  const at = (daysAgo: number) => {
    const t = new Date(now.getTime() - daysAgo * DAY_MS);
    return { now: () => t };
  };
  try {
    return await deps.store.transaction(async (repos) => {
      // No job queue inside the seed's one transaction: settlements run inline (the queue would deadlock PGlite).
      const d: Deps = {
        ...deps,
        jobs: undefined,
        store: within(repos),
        gateways: new Map([["manual", DEMO_GATEWAY]]),
      };
      const merchant = await createMerchant(
        { ...d, clock: at(130) },
        { slug: DEMO_SLUG, name: DEMO_NAME, defaultLocale: "en", settlementCurrency: "EUR" },
      );
      if (!merchant.ok) throw new Error(`demo merchant refused: ${JSON.stringify(merchant.error)}`);
      const key = await createApiKey(
        { ...d, clock: at(130) },
        DEMO_SLUG,
        "Demo key (see README)",
        DEMO_API_KEY,
      );
      if (!key.ok) throw new Error(`demo API key refused: ${JSON.stringify(key.error)}`);
      await setUpDemoMerchant(repos, d.ids, merchant.value.id);
      await repos.merchants.updateSettings(merchant.value.id, {
        sepaDebtor: { name: "Northwind Apparel & Goods B.V.", iban: "NL91ABNA0417164300", bic: "ABNANL2A" },
        bankTransferApprovalAbove: { EUR: "250.00", BRL: "1500.00", MXN: "5000.00" },
        storeCreditExpiryDays: 365,
      });
      await seedCatalog({ ...d, clock: at(125) }, merchant.value.id);
      await seedPolicies({ ...d, clock: at(125) }, merchant.value.id);
      await seedVariants({ ...d, clock: at(125) }, merchant.value.id);
      const orders = buildDemoOrders(now, mulberry32(ORDER_SEED), ORDER_COUNT);
      await seedOrders(d, merchant.value.id, orders);
      await seedDemoNetwork(d, repos, merchant.value.id);
      const showcase = await seedPortalOrders(d, merchant.value.id);
      const returns =
        (await seedReturns(d, merchant.value.id, orders, mulberry32(RETURN_SEED))) +
        (await seedAtRiskReturns(d, merchant.value.id, orders));
      await seedDemoParcels(d, repos, merchant.value.id);
      return { slug: DEMO_SLUG, created: true, orders: orders.length + showcase, returns };
    });
  } catch (e) {
    if (await deps.store.read.merchants.bySlug(DEMO_SLUG)) return skipped;
    throw e;
  }
}
