import { manualGateway } from "../adapters/payments/manual-gateway.ts";
import { shopifyRefundGateway } from "../adapters/platforms/shopify-refunds.ts";
import type { PaymentGateway } from "../app/ports/index.ts";
import type { RefundWebhookReceiver } from "../app/refund-updates.ts";

type Env = NodeJS.ProcessEnv;

/**
 * Payment gateways: manual, Shopify (through each merchant's connected shop), Stripe and Adyen. Platform keys from the environment (all optional):
 * STRIPE_API_KEY, STRIPE_WEBHOOK_SECRET (STRIPE_API_BASE=http://host:port points the SDK elsewhere,
 * e.g. a test double); ADYEN_API_KEY, ADYEN_MERCHANT_ACCOUNT, ADYEN_HMAC_KEY (ADYEN_ENDPOINT,
 * ADYEN_ENVIRONMENT).
 *
 * Stripe and Adyen always exist: each merchant refunds through its own account
 * (PUT /api/v1/settings/payment-providers/{provider}); a merchant without one gets needs_review.
 * The environment's keys are the platform's: used with a merchant's Connect account (Stripe) or
 * merchantAccount (Adyen) when it gave no key of its own, and for the webhook endpoints. Their SDKs
 * (the Adyen library alone takes about a second to load) load on the first refund, or at start when
 * the webhook endpoint is configured, so a CLI command starts without them.
 */
export async function gatewaysFromEnv(env: Env = process.env): Promise<{
  gateways: Map<string, PaymentGateway>;
  webhooks: RefundWebhookReceiver[];
}> {
  const gateways = new Map<string, PaymentGateway>([
    ["manual", manualGateway()],
    // Tenders Shopify processed refund through the merchant's connected shop (SHOPIFY_ADMIN_API_BASE: a fake).
    ["shopify", shopifyRefundGateway({ apiBase: env.SHOPIFY_ADMIN_API_BASE || null })],
  ]);
  const webhooks: RefundWebhookReceiver[] = [];
  const providers = [
    { name: "stripe", load: () => stripeFromEnv(env), receives: Boolean(env.STRIPE_WEBHOOK_SECRET) },
    { name: "adyen", load: () => adyenFromEnv(env), receives: Boolean(env.ADYEN_HMAC_KEY) },
  ];
  for (const p of providers) {
    if (p.receives) {
      const g = await p.load();
      gateways.set(p.name, g);
      webhooks.push(g.webhooks);
    } else gateways.set(p.name, lazyGateway(p.name, p.load));
  }
  return { gateways, webhooks };
}

/** A gateway that needs a merchant account, whose adapter (and SDK) loads on its first refund. */
function lazyGateway(name: string, load: () => Promise<PaymentGateway>): PaymentGateway {
  let loaded: Promise<PaymentGateway> | null = null;
  return {
    name,
    needsAccount: true,
    refund: async (req) => {
      loaded ??= load();
      return (await loaded).refund(req);
    },
  };
}

async function stripeFromEnv(env: Env) {
  const { stripeGateway } = await import("../adapters/payments/stripe-gateway.ts");
  const base = env.STRIPE_API_BASE ? new URL(env.STRIPE_API_BASE) : null;
  return stripeGateway({
    ...(env.STRIPE_API_KEY ? { apiKey: env.STRIPE_API_KEY } : {}),
    webhookSecret: env.STRIPE_WEBHOOK_SECRET ?? "",
    ...(base
      ? {
          host: base.hostname,
          port: Number(base.port || (base.protocol === "https:" ? 443 : 80)),
          protocol: base.protocol === "https:" ? "https" : "http",
        }
      : {}),
    ...(env.STRIPE_TIMEOUT_MS ? { timeoutMs: Number(env.STRIPE_TIMEOUT_MS) } : {}),
  });
}

async function adyenFromEnv(env: Env) {
  const { adyenGateway } = await import("../adapters/payments/adyen-gateway.ts");
  return adyenGateway({
    ...(env.ADYEN_API_KEY ? { apiKey: env.ADYEN_API_KEY } : {}),
    ...(env.ADYEN_MERCHANT_ACCOUNT ? { merchantAccount: env.ADYEN_MERCHANT_ACCOUNT } : {}),
    hmacKey: env.ADYEN_HMAC_KEY ?? "",
    ...(env.ADYEN_ENDPOINT ? { endpoint: env.ADYEN_ENDPOINT } : {}),
    environment: env.ADYEN_ENVIRONMENT === "LIVE" ? "LIVE" : "TEST",
  });
}
