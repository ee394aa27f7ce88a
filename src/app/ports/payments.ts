import type { Money } from "../../domain/money.ts";
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
}

export type GatewayRefundResult =
  | { readonly status: "succeeded" | "processing" | "requires_action"; readonly providerReference: string }
  | { readonly status: "failed"; readonly reason: string; readonly retryable: boolean };

/** Moves money back to the shopper's original payment. Never called inside a transaction. */
export interface PaymentGateway {
  readonly name: string;
  /** true: refunds only for a merchant with its own account of this provider (never a shared one). */
  readonly needsAccount?: boolean;
  refund(req: GatewayRefundRequest): Promise<GatewayRefundResult>;
}
