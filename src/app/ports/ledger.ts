import type { Money } from "../../domain/money.ts";
import type { IdSource } from "./clock.ts";

export type LedgerAccountKind = "customer_store_credit" | "store_credit_issued";

export interface LedgerPosting {
  readonly id: string;
  readonly merchantId: string;
  readonly caseId: string | null;
  readonly kind: string;
  readonly memo: string | null;
  readonly at: Date;
  readonly entries: readonly { readonly account: LedgerAccountRef; readonly amount: Money }[];
}

export interface LedgerAccountRef {
  readonly kind: LedgerAccountKind;
  readonly customerId: string | null;
}

export interface LedgerRepo {
  post(p: LedgerPosting, ids: IdSource): Promise<void>;
  /** Balance of each of the customer's store-credit accounts, one per currency. */
  customerBalances(merchantId: string, customerId: string): Promise<Money[]>;
}
