import type { DomainError } from "../domain/errors.ts";
import { gtin14 } from "../domain/receiving/gtin.ts";
import { err, ok, type Result } from "../domain/result.ts";
import { toMoney } from "./inputs/fields.ts";
import type { ProductBody } from "./inputs/product-input.ts";
import type { Deps, Product } from "./ports/index.ts";

export async function upsertProduct(
  deps: Deps,
  merchantId: string,
  sku: string,
  body: ProductBody,
): Promise<Product> {
  const product: Product = {
    id: deps.ids.next(),
    sku,
    title: body.title,
    category: body.category ?? null,
    vendor: body.vendor ?? null,
    finalSale: body.finalSale,
    personalised: body.personalised,
    perishable: body.perishable,
    sealedHygiene: body.sealedHygiene,
    sealedMedia: body.sealedMedia,
    digital: body.digital,
    hsCode: body.hsCode ?? null,
    originCountry: body.originCountry ?? null,
    weightGrams: body.weightGrams ?? null,
    variantGroup: body.variantGroup ?? null,
    gtin: body.gtin ? gtin14(body.gtin) : null,
    variantOptions: body.variantOptions,
    prices: Object.fromEntries(
      Object.entries(body.prices).map(([currency, text]) => [currency, toMoney(text, currency).amount]),
    ),
    inStock: body.inStock,
    updatedAt: deps.clock.now(),
  };
  return deps.store.transaction((r) => r.products.upsert(merchantId, product));
}

export async function getProduct(
  deps: Deps,
  merchantId: string,
  sku: string,
): Promise<Result<Product, DomainError>> {
  const p = await deps.store.read.products.get(merchantId, sku);
  return p ? ok(p) : err({ code: "not_found", entity: "product", id: sku });
}
