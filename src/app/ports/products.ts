import type { ProductAttributes } from "../../domain/order.ts";

export interface Product extends ProductAttributes {
  readonly id: string;
  readonly sku: string;
  readonly title: string;
  /** Variants of one product share a group; the portal offers them for exchanges. */
  readonly variantGroup: string | null;
  /** The item barcode as GTIN-14 (an EAN-13 with a zero in front), if known. */
  readonly gtin: string | null;
  /** What sets this variant apart, e.g. { size: "M", colour: "Navy" }. */
  readonly variantOptions: Readonly<Record<string, string>>;
  /** Current selling price per currency, in minor units. */
  readonly prices: Readonly<Record<string, number>>;
  readonly inStock: boolean;
  readonly updatedAt: Date;
}

export interface ProductRepo {
  upsert(merchantId: string, p: Product): Promise<Product>;
  get(merchantId: string, sku: string): Promise<Product | null>;
  /** Every product of a variant group. */
  variants(merchantId: string, group: string): Promise<Product[]>;
}
