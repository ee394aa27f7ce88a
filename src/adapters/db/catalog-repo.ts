import { and, eq } from "drizzle-orm";
import type { CustomerRepo, Product, ProductRepo } from "../../app/ports.ts";
import type { Executor } from "./database.ts";
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
  updatedAt: products.updatedAt,
};

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
      return row;
    },
    async get(merchantId, sku) {
      const [row] = await db
        .select(productColumns)
        .from(products)
        .where(and(eq(products.merchantId, merchantId), eq(products.sku, sku)));
      return row ?? null;
    },
  };
}

export function customerRepo(db: Executor): CustomerRepo {
  return {
    async get(merchantId, id) {
      const [row] = await db
        .select({
          id: customers.id,
          email: customers.email,
          name: customers.name,
          locale: customers.locale,
          timeZone: customers.timeZone,
        })
        .from(customers)
        .where(and(eq(customers.merchantId, merchantId), eq(customers.id, id)));
      return row ?? null;
    },
  };
}
