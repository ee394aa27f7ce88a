import { and, asc, eq, sql } from "drizzle-orm";
import type { LocationRecord } from "../../app/logistics/ports.ts";
import type { LocationRepo } from "../../app/logistics/records.ts";
import type { LaneOverride } from "../../domain/logistics/lanes.ts";
import type { Money } from "../../domain/money.ts";
import type { Executor } from "./database.ts";
import { prepared } from "./prepared.ts";
import { locations, logisticsSettings } from "./schema.ts";

type Row = typeof locations.$inferSelect;

function toLocation(r: Row): LocationRecord {
  return {
    id: r.id,
    code: r.code,
    kind: r.kind as LocationRecord["kind"],
    name: r.name,
    country: r.country,
    address: r.address as Record<string, string>,
    accepts: r.accepts,
    handling: (r.handling as Money | null) ?? null,
    lanes: r.lanes as Record<string, LaneOverride>,
    asn: (r.asn as LocationRecord["asn"]) ?? null,
    vendorCode: r.vendorCode,
    active: r.active,
  };
}

export function locationRepo(db: Executor): LocationRepo {
  return {
    async upsert(merchantId, l) {
      const values = {
        id: l.id,
        merchantId,
        code: l.code,
        kind: l.kind,
        name: l.name,
        country: l.country,
        address: l.address,
        accepts: [...l.accepts],
        handling: l.handling,
        lanes: l.lanes,
        asn: l.asn,
        vendorCode: l.vendorCode,
        active: l.active,
      };
      const { id: _id, merchantId: _m, code: _c, ...set } = values;
      const [row] = await db
        .insert(locations)
        .values(values)
        .onConflictDoUpdate({ target: [locations.merchantId, locations.code], set })
        .returning();
      if (!row) throw new Error("location not written");
      return toLocation(row);
    },
    async list(merchantId) {
      const q = prepared(db, "locations_of_merchant", () =>
        db
          .select()
          .from(locations)
          .where(eq(locations.merchantId, sql.placeholder("m")))
          .orderBy(asc(locations.code))
          .prepare("locations_of_merchant"),
      );
      return (await q.execute({ m: merchantId })).map(toLocation);
    },
    async byCode(merchantId, code) {
      const [row] = await db
        .select()
        .from(locations)
        .where(and(eq(locations.merchantId, merchantId), eq(locations.code, code)));
      return row ? toLocation(row) : null;
    },
    async byId(merchantId, id) {
      const [row] = await db
        .select()
        .from(locations)
        .where(and(eq(locations.merchantId, merchantId), eq(locations.id, id)));
      return row ? toLocation(row) : null;
    },
    async settings(merchantId) {
      const [row] = await db
        .select()
        .from(logisticsSettings)
        .where(eq(logisticsSettings.merchantId, merchantId));
      return row?.document ?? null;
    },
    async saveSettings(merchantId, document, at) {
      await db
        .insert(logisticsSettings)
        .values({ merchantId, document, updatedAt: at })
        .onConflictDoUpdate({ target: logisticsSettings.merchantId, set: { document, updatedAt: at } });
    },
  };
}
