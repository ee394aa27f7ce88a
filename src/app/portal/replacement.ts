import type { DomainError } from "../../domain/errors.ts";
import { type Money, money } from "../../domain/money.ts";
import type { Order } from "../../domain/order.ts";
import { err, ok, type Result } from "../../domain/result.ts";
import type { Product, Repos } from "../ports/index.ts";
import type { Replacement } from "../refunds.ts";

export interface Variant {
  readonly sku: string;
  readonly title: string;
  readonly options: Readonly<Record<string, string>>;
  readonly price: Money;
  readonly inStock: boolean;
}

const bad = (path: string, message: string): DomainError => ({
  code: "invalid_input",
  issues: [{ path, message }],
});

/** Other variants of an order line's product, priced in the order's currency (unpriced ones are left out). */
export async function variantsOf(
  r: Repos,
  merchantId: string,
  order: Order,
  lineExternalId: string,
): Promise<Result<Variant[], DomainError>> {
  const line = order.lines.find((l) => l.externalId === lineExternalId);
  if (!line) return err({ code: "not_found", entity: "order line", id: lineExternalId });
  const product = await r.products.get(merchantId, line.sku);
  if (!product?.variantGroup) return ok([]);
  const all = await r.products.variants(merchantId, product.variantGroup);
  return ok(
    all.flatMap((p: Product) => {
      const amount = p.prices[order.currency];
      return amount === undefined
        ? []
        : [
            {
              sku: p.sku,
              title: p.title,
              options: p.variantOptions,
              price: money(amount, order.currency),
              inStock: p.inStock,
            },
          ];
    }),
  );
}

/** The variant a shopper picked for an exchange of `quantity` units of one line, checked. */
export async function pickReplacement(
  r: Repos,
  merchantId: string,
  order: Order,
  lineExternalId: string,
  sku: string,
  quantity: number,
): Promise<Result<Replacement, DomainError>> {
  const variants = await variantsOf(r, merchantId, order, lineExternalId);
  if (!variants.ok) return variants;
  const v = variants.value.find((x) => x.sku === sku);
  if (!v) return err(bad("replacementSku", "is not a variant of this item offered for exchange"));
  if (!v.inStock) return err(bad("replacementSku", "is out of stock"));
  return ok({ sku: v.sku, title: v.title, unitPrice: v.price, quantity });
}

/** An exchange's replacement: one line at a time, a variant of it in stock (null when not an exchange). */
export async function exchangeReplacement(
  r: Repos,
  merchantId: string,
  order: Order,
  input: {
    readonly lines: readonly { readonly orderLineExternalId: string; readonly quantity: number }[];
    readonly resolution: string;
    readonly replacementSku?: string | null;
  },
): Promise<Result<Replacement | null, DomainError>> {
  if (input.resolution !== "exchange") return ok(null);
  const [line, more] = input.lines;
  if (!line || more) return err(bad("lines", "exchange one item at a time"));
  if (!input.replacementSku) return err(bad("replacementSku", "pick the variant you want instead"));
  return pickReplacement(r, merchantId, order, line.orderLineExternalId, input.replacementSku, line.quantity);
}
