import { and, eq, inArray } from "drizzle-orm";
import type { Consolidation, HubBag, HubPallet, HubRepo, HubUnit } from "../../app/logistics/records.ts";
import type { ManifestUnit, Reconciliation } from "../../domain/logistics/hub.ts";
import type { Executor } from "./database.ts";
import { consolidations, hubBags, hubPallets, hubParcels, hubUnits } from "./schema.ts";

const toUnit = (r: typeof hubUnits.$inferSelect): HubUnit => ({
  id: r.id,
  licencePlate: r.licencePlate,
  parcelId: r.parcelId,
  caseId: r.caseId,
  lineId: r.lineId,
  locationId: r.locationId,
  bagId: r.bagId,
  status: r.status as HubUnit["status"],
});
const toBag = (r: typeof hubBags.$inferSelect): HubBag => ({ ...r, status: r.status as HubBag["status"] });
const toConsolidation = (r: typeof consolidations.$inferSelect): Consolidation => ({
  ...r,
  status: r.status as Consolidation["status"],
  manifest: r.manifest as ManifestUnit[],
  reconciliation: (r.reconciliation as Reconciliation | null) ?? null,
});

export function hubRepo(db: Executor): HubRepo {
  return {
    async insertParcel(p) {
      const rows = await db
        .insert(hubParcels)
        .values(p)
        .onConflictDoNothing()
        .returning({ id: hubParcels.id });
      return rows.length > 0;
    },
    async parcelOf(shipmentId) {
      const [row] = await db.select().from(hubParcels).where(eq(hubParcels.shipmentId, shipmentId));
      return row ? { id: row.id, locationId: row.locationId, registeredAt: row.registeredAt } : null;
    },
    async insertUnits(merchantId, units, at) {
      if (units.length === 0) return;
      await db.insert(hubUnits).values(units.map((u) => ({ ...u, merchantId, createdAt: at })));
    },
    async unitsOfParcel(parcelId) {
      return (
        await db.select().from(hubUnits).where(eq(hubUnits.parcelId, parcelId)).orderBy(hubUnits.licencePlate)
      ).map(toUnit);
    },
    async unit(merchantId, licencePlate) {
      const [row] = await db
        .select()
        .from(hubUnits)
        .where(and(eq(hubUnits.merchantId, merchantId), eq(hubUnits.licencePlate, licencePlate)))
        .for("update");
      return row ? toUnit(row) : null;
    },
    async unitsInBags(bagIds) {
      if (bagIds.length === 0) return [];
      return (
        await db
          .select()
          .from(hubUnits)
          .where(inArray(hubUnits.bagId, [...bagIds]))
          .orderBy(hubUnits.licencePlate)
      ).map(toUnit);
    },
    async setUnits(ids, patch) {
      if (ids.length > 0)
        await db
          .update(hubUnits)
          .set(patch)
          .where(inArray(hubUnits.id, [...ids]));
    },
    async insertBag(merchantId, b) {
      await db.insert(hubBags).values({ ...b, merchantId });
    },
    async bag(merchantId, code) {
      const [row] = await db
        .select()
        .from(hubBags)
        .where(and(eq(hubBags.merchantId, merchantId), eq(hubBags.code, code)))
        .for("update");
      return row ? toBag(row) : null;
    },
    async setBags(ids, patch) {
      if (ids.length > 0)
        await db
          .update(hubBags)
          .set(patch)
          .where(inArray(hubBags.id, [...ids]));
    },
    async insertPallet(merchantId, p) {
      await db.insert(hubPallets).values({ ...p, merchantId });
    },
    async pallet(merchantId, code) {
      const [row] = await db
        .select()
        .from(hubPallets)
        .where(and(eq(hubPallets.merchantId, merchantId), eq(hubPallets.code, code)))
        .for("update");
      return row ?? null;
    },
    async bagsOnPallets(palletIds) {
      if (palletIds.length === 0) return [];
      return (
        await db
          .select()
          .from(hubBags)
          .where(inArray(hubBags.palletId, [...palletIds]))
          .orderBy(hubBags.code)
      ).map(toBag);
    },
    async setPallets(ids, consolidationId) {
      if (ids.length > 0)
        await db
          .update(hubPallets)
          .set({ consolidationId })
          .where(inArray(hubPallets.id, [...ids]));
    },
    async insertConsolidation(c) {
      await db.insert(consolidations).values({ ...c, manifest: [...c.manifest] });
    },
    async consolidation(merchantId, id) {
      const [row] = await db
        .select()
        .from(consolidations)
        .where(and(eq(consolidations.merchantId, merchantId), eq(consolidations.id, id)));
      return row ? toConsolidation(row) : null;
    },
    async updateConsolidation(c) {
      const { id, ...set } = c;
      await db
        .update(consolidations)
        .set({ ...set, manifest: [...c.manifest] })
        .where(eq(consolidations.id, id));
    },
  };
}

export type { HubPallet };
