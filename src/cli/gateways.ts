import { adyenGateway } from "../adapters/payments/adyen-gateway.ts";
import { manualGateway } from "../adapters/payments/manual-gateway.ts";
import type { RefundWebhookReceiver } from "../adapters/payments/refund-updates.ts";
import { stripeGateway } from "../adapters/payments/stripe-gateway.ts";
import type { PaymentGateway } from "../app/ports.ts";

/**
 * Payment gateways from the environment: manual always; Stripe with STRIPE_API_KEY and
 * STRIPE_WEBHOOK_SECRET (STRIPE_API_BASE=http://host:port points the SDK elsewhere, e.g. a test
 * double); Adyen with ADYEN_API_KEY, ADYEN_MERCHANT_ACCOUNT, ADYEN_HMAC_KEY (ADYEN_ENDPOINT, ADYEN_ENVIRONMENT).
 */
export function gatewaysFromEnv(env: NodeJS.ProcessEnv = process.env): {
  gateways: Map<string, PaymentGateway>;
  webhooks: RefundWebhookReceiver[];
} {
  const gateways = new Map<string, PaymentGateway>([["manual", manualGateway()]]);
  const webhooks: RefundWebhookReceiver[] = [];
  if (env.STRIPE_API_KEY && env.STRIPE_WEBHOOK_SECRET) {
    const base = env.STRIPE_API_BASE ? new URL(env.STRIPE_API_BASE) : null;
    const g = stripeGateway({
      apiKey: env.STRIPE_API_KEY,
      webhookSecret: env.STRIPE_WEBHOOK_SECRET,
      ...(base
        ? {
            host: base.hostname,
            port: Number(base.port || (base.protocol === "https:" ? 443 : 80)),
            protocol: base.protocol === "https:" ? "https" : "http",
          }
        : {}),
      ...(env.STRIPE_TIMEOUT_MS ? { timeoutMs: Number(env.STRIPE_TIMEOUT_MS) } : {}),
    });
    gateways.set("stripe", g);
    webhooks.push(g.webhooks);
  }
  if (env.ADYEN_API_KEY && env.ADYEN_MERCHANT_ACCOUNT && env.ADYEN_HMAC_KEY) {
    const g = adyenGateway({
      apiKey: env.ADYEN_API_KEY,
      merchantAccount: env.ADYEN_MERCHANT_ACCOUNT,
      hmacKey: env.ADYEN_HMAC_KEY,
      ...(env.ADYEN_ENDPOINT ? { endpoint: env.ADYEN_ENDPOINT } : {}),
      environment: env.ADYEN_ENVIRONMENT === "LIVE" ? "LIVE" : "TEST",
    });
    gateways.set("adyen", g);
    webhooks.push(g.webhooks);
  }
  return { gateways, webhooks };
}
