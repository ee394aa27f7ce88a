import { and, asc, eq, sql } from "drizzle-orm";
import type { CustomerRepo, Product, ProductRepo } from "../../app/ports/index.ts";
import type { Executor } from "./database.ts";
import { prepared } from "./prepared.ts";
import { customers, products } from "./schema.ts";

const productColumns = {
  id: products.id,
  sku: products.sku,
  title: products.title,
  category: products.category,
  vendor: products.vendor,
  finalSale: products.finalSale,
  personalised: products.personalised,
  perishable: products.perishable,
  sealedHygiene: products.sealedHygiene,
  sealedMedia: products.sealedMedia,
  digital: products.digital,
  hsCode: products.hsCode,
  originCountry: products.originCountry,
  weightGrams: products.weightGrams,
  variantGroup: products.variantGroup,
  gtin: products.gtin,
  variantOptions: products.variantOptions,
  prices: products.prices,
  inStock: products.inStock,
  updatedAt: products.updatedAt,
};

type ProductRow = Omit<Product, "variantOptions" | "prices"> & { variantOptions: unknown; prices: unknown };

const toProduct = (row: ProductRow): Product => ({
  ...row,
  variantOptions: row.variantOptions as Record<string, string>,
  prices: row.prices as Record<string, number>,
});

export function productRepo(db: Executor): ProductRepo {
  return {
    async upsert(merchantId, p: Product) {
      const { id, sku, updatedAt, ...fields } = p;
      const [row] = await db
        .insert(products)
        .values({ ...p, merchantId, createdAt: updatedAt })
        .onConflictDoUpdate({ target: [products.merchantId, products.sku], set: { ...fields, updatedAt } })
        .returning(productColumns);
      if (!row) throw new Error(`product ${sku} (${id}) not written`);
      return toProduct(row);
    },
    async get(merchantId, sku) {
      const [row] = await db
        .select(productColumns)
        .from(products)
        .where(and(eq(products.merchantId, merchantId), eq(products.sku, sku)));
      return row ? toProduct(row) : null;
    },
    async variants(merchantId, group) {
      const rows = await db
        .select(productColumns)
        .from(products)
        .where(and(eq(products.merchantId, merchantId), eq(products.variantGroup, group)))
        .orderBy(asc(products.sku))
        .limit(200);
      return rows.map(toProduct);
    },
  };
}

const customerColumns = {
  id: customers.id,
  email: customers.email,
  name: customers.name,
  locale: customers.locale,
  timeZone: customers.timeZone,
};

export function customerRepo(db: Executor): CustomerRepo {
  return {
    async get(merchantId, id) {
      const q = prepared(db, "customer_by_id", () =>
        db
          .select(customerColumns)
          .from(customers)
          .where(and(eq(customers.merchantId, sql.placeholder("m")), eq(customers.id, sql.placeholder("id"))))
          .prepare("customer_by_id"),
      );
      const [row] = await q.execute({ m: merchantId, id });
      return row ?? null;
    },
    async ensure(merchantId, c, id, at) {
      await db
        .insert(customers)
        .values({ id, merchantId, email: c.email, name: c.name, locale: c.locale, createdAt: at })
        .onConflictDoNothing({ target: [customers.merchantId, customers.email] });
      const [row] = await db
        .select(customerColumns)
        .from(customers)
        .where(and(eq(customers.merchantId, merchantId), eq(customers.email, c.email)));
      if (!row) throw new Error(`customer ${c.email} not written`);
      return row;
    },
  };
}
