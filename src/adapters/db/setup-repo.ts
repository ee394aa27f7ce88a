import { and, eq } from "drizzle-orm";
import type { LegalEntity, Location, Market, SetupRepo, Vendor } from "../../app/ports/index.ts";
import type { Executor } from "./database.ts";
import { legalEntities, locations, markets, vendors } from "./schema.ts";

/** A merchant's set-up: legal entities, markets, locations (warehouses, hubs) and vendors. */
export function setupRepo(db: Executor): SetupRepo {
  return {
    async insertLegalEntity(merchantId, e: LegalEntity) {
      await db
        .insert(legalEntities)
        .values({ ...e, merchantId })
        .onConflictDoNothing();
    },
    async insertMarket(merchantId, m: Market) {
      await db
        .insert(markets)
        .values({ ...m, merchantId })
        .onConflictDoNothing();
    },
    async insertLocation(merchantId, l: Location) {
      await db
        .insert(locations)
        .values({ ...l, merchantId })
        .onConflictDoNothing();
    },
    async insertVendor(merchantId, v: Vendor) {
      await db
        .insert(vendors)
        .values({ ...v, merchantId })
        .onConflictDoNothing();
    },
    async upsertLegalEntity(merchantId, e) {
      const { id, ...fields } = e;
      const [row] = await db
        .insert(legalEntities)
        .values({ ...e, merchantId })
        .onConflictDoUpdate({ target: [legalEntities.merchantId, legalEntities.code], set: fields })
        .returning();
      if (!row) throw new Error("legal entity not written");
      return row as LegalEntity;
    },
    async upsertMarket(merchantId, m) {
      const { id, ...fields } = m;
      const [row] = await db
        .insert(markets)
        .values({ ...m, merchantId })
        .onConflictDoUpdate({ target: [markets.merchantId, markets.code], set: fields })
        .returning();
      if (!row) throw new Error("market not written");
      return row;
    },
    legalEntities: (merchantId) =>
      db.select().from(legalEntities).where(eq(legalEntities.merchantId, merchantId)) as Promise<
        LegalEntity[]
      >,
    markets: (merchantId) => db.select().from(markets).where(eq(markets.merchantId, merchantId)),
    locations: (merchantId) =>
      db.select().from(locations).where(eq(locations.merchantId, merchantId)) as Promise<Location[]>,
    vendors: (merchantId) => db.select().from(vendors).where(eq(vendors.merchantId, merchantId)),
    async locationByCode(merchantId, code) {
      const [row] = await db
        .select()
        .from(locations)
        .where(and(eq(locations.merchantId, merchantId), eq(locations.code, code)));
      return (row as Location | undefined) ?? null;
    },
  };
}
