import type { Money } from "../../domain/money.ts";
import type { Platform, PlatformConnection } from "../platforms/ports.ts";
import type { ProviderAccount } from "../provider-accounts.ts";

export interface GatewayRefundRequest {
  readonly settlementId: string;
  readonly idempotencyKey: string;
  readonly amount: Money;
  readonly tender: {
    readonly kind: string;
    readonly provider: string | null;
    readonly reference: string | null;
  };
  readonly reason: string;
  /** The merchant's own provider account (from its settings); gateways with `needsAccount` refuse without it. */
  readonly account?: ProviderAccount | null;
  /** The merchant's shop, opened, for gateways with `needsPlatform` (a refund through the platform). */
  readonly platform?: PlatformConnection | null;
  /** Which provider call of this settlement this is (1 = the first). */
  readonly attempt?: number;
}

export type GatewayRefundResult =
  | { readonly status: "succeeded" | "processing" | "requires_action"; readonly providerReference: string }
  | { readonly status: "failed"; readonly reason: string; readonly retryable: boolean };

/** Moves money back to the shopper's original payment. Never called inside a transaction. */
export interface PaymentGateway {
  readonly name: string;
  /** true: refunds only for a merchant with its own account of this provider (never a shared one). */
  readonly needsAccount?: boolean;
  /** Refunds through the merchant's shop on this platform (Shopify: tenders Shopify processed). */
  readonly needsPlatform?: Platform;
  refund(req: GatewayRefundRequest): Promise<GatewayRefundResult>;
  /**
   * Asks the provider how a refund it accepted without a final outcome ended, for providers that send
   * no webhook for it (Shopify): the same request as `refund`, nothing is sent that moves money.
   * `processing` = still waiting; null = the provider knows no refund of this settlement.
   */
  lookup?(req: GatewayRefundRequest): Promise<GatewayRefundResult | null>;
}
