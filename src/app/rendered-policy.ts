import type { DomainError } from "../domain/errors.ts";
import { selectPolicy } from "../domain/policy/policy-scope.ts";
import { type RenderedPolicy, renderPolicy } from "../domain/policy/render/render-policy.ts";
import { err, ok, type Result } from "../domain/result.ts";
import { currentPolicies } from "./policies.ts";
import type { Deps } from "./ports/index.ts";

/**
 * The human-readable policy for a market: the merchant's country-level policy (no vendor, category
 * or SKU restriction) rendered with the shopper's statutory rights, from the same data the engine uses.
 */
export async function renderedPolicy(
  deps: Deps,
  merchantId: string,
  q: { country: string; region?: string; locale: string; currency?: string },
): Promise<Result<RenderedPolicy, DomainError>> {
  const r = deps.store.read;
  const merchant = await r.merchants.byId(merchantId);
  if (!merchant) return err({ code: "not_found", entity: "merchant", id: merchantId });
  const policy = selectPolicy(await currentPolicies(r, merchantId), {
    country: q.country,
    vendor: null,
    category: null,
    sku: "",
  });
  const market = (await r.setup.markets(merchantId)).find((m) => m.countries.includes(q.country));
  const currency = q.currency ?? market?.currency ?? merchant.settlementCurrency;
  return ok(
    renderPolicy({ policy, country: q.country, region: q.region ?? null, locale: q.locale, currency }),
  );
}
