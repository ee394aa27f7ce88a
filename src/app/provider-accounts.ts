import type { Deps } from "./ports/index.ts";

export const PAYMENT_PROVIDERS = ["stripe", "adyen"] as const;
export type PaymentProvider = (typeof PAYMENT_PROVIDERS)[number];

/**
 * What a payment gateway needs to act for one merchant. Stripe: `accountId` is the Connect account
 * (`acct_…`, sent as the `Stripe-Account` header with the platform's key) and/or `apiKey` the
 * merchant's own secret key. Adyen: `accountId` is the merchantAccount; `apiKey` the merchant's own
 * API key (else the platform's company-level key).
 */
export interface ProviderAccount {
  readonly provider: PaymentProvider;
  readonly accountId: string | null;
  readonly apiKey: string | null;
}

/** As stored: the API key sealed (AES-256-GCM, `SecretBox`), never in clear. */
export interface ProviderAccountRecord {
  readonly merchantId: string;
  readonly provider: PaymentProvider;
  readonly accountId: string | null;
  readonly sealedApiKey: string | null;
  readonly updatedAt: Date;
}

export interface ProviderAccountRepo {
  put(r: ProviderAccountRecord): Promise<void>;
  get(merchantId: string, provider: PaymentProvider): Promise<ProviderAccountRecord | null>;
  list(merchantId: string): Promise<ProviderAccountRecord[]>;
  remove(merchantId: string, provider: PaymentProvider): Promise<boolean>;
  /** Which merchant has this account of the provider (accounts are unique across merchants). */
  ownerOf(provider: PaymentProvider, accountId: string): Promise<string | null>;
}

export const isPaymentProvider = (p: string | null): p is PaymentProvider => p === "stripe" || p === "adyen";

/** What GET shows: never the key, only whether there is one and its last four characters. */
export function presentProviderAccount(r: ProviderAccountRecord, apiKeyLast4: string | null) {
  return {
    provider: r.provider,
    accountId: r.accountId,
    apiKey: r.sealedApiKey ? { set: true, last4: apiKeyLast4 } : { set: false },
    updatedAt: r.updatedAt.toISOString(),
  };
}

export async function saveProviderAccount(
  deps: Deps,
  merchantId: string,
  a: ProviderAccount,
): Promise<ProviderAccountRecord> {
  if (a.apiKey && !deps.secrets)
    throw new Error("no encryption key is configured (CROSSBACK_ENCRYPTION_KEY)");
  const record: ProviderAccountRecord = {
    merchantId,
    provider: a.provider,
    accountId: a.accountId,
    sealedApiKey: a.apiKey && deps.secrets ? deps.secrets.encrypt(a.apiKey) : null,
    updatedAt: deps.clock.now(),
  };
  await deps.store.transaction((r) => r.providerAccounts.put(record));
  return record;
}

/** The merchant's account of a provider with its key opened, or why there is none usable. */
export async function openProviderAccount(
  deps: Deps,
  merchantId: string,
  provider: PaymentProvider,
): Promise<{ account: ProviderAccount } | { missing: string }> {
  const r = await deps.store.read.providerAccounts.get(merchantId, provider);
  if (!r)
    return {
      missing: `the merchant has no ${provider} account configured (PUT /api/v1/settings/payment-providers/${provider}); configure it and retry, or refund by hand`,
    };
  if (r.sealedApiKey && !deps.secrets)
    return { missing: `the ${provider} API key is encrypted and no encryption key is configured` };
  return {
    account: {
      provider,
      accountId: r.accountId,
      apiKey: r.sealedApiKey && deps.secrets ? deps.secrets.decrypt(r.sealedApiKey) : null,
    },
  };
}
