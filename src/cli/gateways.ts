import { adyenGateway } from "../adapters/payments/adyen-gateway.ts";
import { manualGateway } from "../adapters/payments/manual-gateway.ts";
import { stripeGateway } from "../adapters/payments/stripe-gateway.ts";
import type { PaymentGateway } from "../app/ports.ts";
import type { RefundWebhookReceiver } from "../app/refund-updates.ts";

/**
 * Payment gateways: manual, Stripe and Adyen. Platform keys from the environment (all optional):
 * STRIPE_API_KEY, STRIPE_WEBHOOK_SECRET (STRIPE_API_BASE=http://host:port points the SDK elsewhere,
 * e.g. a test double); ADYEN_API_KEY, ADYEN_MERCHANT_ACCOUNT, ADYEN_HMAC_KEY (ADYEN_ENDPOINT,
 * ADYEN_ENVIRONMENT).
 */
export function gatewaysFromEnv(env: NodeJS.ProcessEnv = process.env): {
  gateways: Map<string, PaymentGateway>;
  webhooks: RefundWebhookReceiver[];
} {
  const gateways = new Map<string, PaymentGateway>([["manual", manualGateway()]]);
  const webhooks: RefundWebhookReceiver[] = [];
  // Stripe and Adyen always exist: each merchant refunds through its own account
  // (PUT /api/v1/settings/payment-providers/{provider}); a merchant without one gets needs_review.
  // The environment's keys are the platform's: used with a merchant's Connect account (Stripe) or
  // merchantAccount (Adyen) when it gave no key of its own, and for the webhook endpoints.
  const base = env.STRIPE_API_BASE ? new URL(env.STRIPE_API_BASE) : null;
  const stripe = stripeGateway({
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
  gateways.set("stripe", stripe);
  if (env.STRIPE_WEBHOOK_SECRET) webhooks.push(stripe.webhooks);
  const adyen = adyenGateway({
    ...(env.ADYEN_API_KEY ? { apiKey: env.ADYEN_API_KEY } : {}),
    ...(env.ADYEN_MERCHANT_ACCOUNT ? { merchantAccount: env.ADYEN_MERCHANT_ACCOUNT } : {}),
    hmacKey: env.ADYEN_HMAC_KEY ?? "",
    ...(env.ADYEN_ENDPOINT ? { endpoint: env.ADYEN_ENDPOINT } : {}),
    environment: env.ADYEN_ENVIRONMENT === "LIVE" ? "LIVE" : "TEST",
  });
  gateways.set("adyen", adyen);
  if (env.ADYEN_HMAC_KEY) webhooks.push(adyen.webhooks);
  return { gateways, webhooks };
}
