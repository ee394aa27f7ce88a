import { and, asc, eq, inArray, lt, or, sql } from "drizzle-orm";
import type { ShipmentEventRow, ShipmentRecord, ShipmentRepo } from "../../app/logistics/records.ts";
import { FINISHED_STATUSES } from "../../domain/case-status.ts";
import type { LaneEstimate } from "../../domain/logistics/lanes.ts";
import type { RoutingDecision } from "../../domain/logistics/routing.ts";
import type { ShipmentStatus } from "../../domain/logistics/shipment-status.ts";
import { nextCounter } from "./counter.ts";
import type { Executor } from "./database.ts";
import { caseRoutes, returnCases, returnShipments, shipmentEvents } from "./schema.ts";

type Row = typeof returnShipments.$inferSelect;

function toShipment(r: Row): ShipmentRecord {
  return {
    ...r,
    method: r.method as ShipmentRecord["method"],
    status: r.status as ShipmentStatus,
    cost: r.cost !== null && r.costCurrency ? { amount: r.cost, currency: r.costCurrency } : null,
    destination: r.destination as Record<string, unknown>,
    lines: r.lines as ShipmentRecord["lines"],
    customs: (r.customs as Record<string, unknown> | null) ?? null,
    lane: (r.lane as LaneEstimate | null) ?? null,
    request: r.request as Record<string, unknown>,
  };
}

function toRow(s: ShipmentRecord): Row {
  const { cost, ...rest } = s;
  return {
    ...rest,
    lines: [...s.lines],
    cost: cost?.amount ?? null,
    costCurrency: cost?.currency ?? null,
  };
}

export function shipmentRepo(db: Executor): ShipmentRepo {
  const one = async (where: ReturnType<typeof eq>) => {
    const [row] = await db.select().from(returnShipments).where(where);
    return row ? toShipment(row) : null;
  };
  return {
    async insert(s) {
      await db.insert(returnShipments).values(toRow(s));
    },
    async update(s) {
      const { id, ...set } = toRow(s);
      await db.update(returnShipments).set(set).where(eq(returnShipments.id, id));
    },
    get: (merchantId, id) =>
      one(and(eq(returnShipments.merchantId, merchantId), eq(returnShipments.id, id)) ?? sql`false`),
    async lock(id) {
      const [row] = await db.select().from(returnShipments).where(eq(returnShipments.id, id)).for("update");
      return row ? toShipment(row) : null;
    },
    async byCase(merchantId, caseId) {
      const rows = await db
        .select()
        .from(returnShipments)
        .where(and(eq(returnShipments.merchantId, merchantId), eq(returnShipments.caseId, caseId)))
        .orderBy(asc(returnShipments.createdAt));
      return rows.map(toShipment);
    },
    byCode: (merchantId, code) =>
      one(and(eq(returnShipments.merchantId, merchantId), eq(returnShipments.code, code)) ?? sql`false`),
    async byTracking(trackingNumber, merchantId) {
      const rows = await db
        .select()
        .from(returnShipments)
        .where(
          merchantId
            ? and(
                eq(returnShipments.trackingNumber, trackingNumber),
                eq(returnShipments.merchantId, merchantId),
              )
            : eq(returnShipments.trackingNumber, trackingNumber),
        );
      return rows.map(toShipment);
    },
    async unfinished(staleBefore, limit) {
      const rows = await db
        .select()
        .from(returnShipments)
        .where(and(eq(returnShipments.status, "purchasing"), lt(returnShipments.updatedAt, staleBefore)))
        .orderBy(asc(returnShipments.updatedAt))
        .limit(limit);
      return rows.map(toShipment);
    },
    async trackable(limit) {
      const rows = await db
        .select()
        .from(returnShipments)
        .where(inArray(returnShipments.status, ["label_created", "in_transit", "exception"]))
        .orderBy(sql`${returnShipments.polledAt} asc nulls first`)
        .limit(limit);
      return rows.map(toShipment);
    },
    async unusedToVoid(now, limit) {
      const rows = await db
        .select({ s: returnShipments })
        .from(returnShipments)
        .innerJoin(returnCases, eq(returnCases.id, returnShipments.caseId))
        .where(
          and(
            eq(returnShipments.status, "label_created"),
            or(lt(returnShipments.labelExpiresAt, now), inArray(returnCases.status, [...FINISHED_STATUSES])),
          ),
        )
        .orderBy(asc(returnShipments.createdAt))
        .limit(limit);
      return rows.map((r) => toShipment(r.s));
    },
    async appendEvent(shipmentId, e) {
      await db.insert(shipmentEvents).values({ shipmentId, ...e });
    },
    async events(merchantId, shipmentId) {
      const rows = await db
        .select({ e: shipmentEvents })
        .from(shipmentEvents)
        .innerJoin(returnShipments, eq(returnShipments.id, shipmentEvents.shipmentId))
        .where(and(eq(returnShipments.merchantId, merchantId), eq(shipmentEvents.shipmentId, shipmentId)))
        .orderBy(asc(shipmentEvents.id));
      return rows.map(
        ({ e: r }): ShipmentEventRow => ({
          at: r.at,
          status: r.status as ShipmentStatus,
          trackingStatus: r.trackingStatus,
          message: r.message,
          location: r.location,
          source: r.source,
        }),
      );
    },
    async saveRoute(merchantId, caseId, decision, at) {
      await db
        .insert(caseRoutes)
        .values({ caseId, merchantId, decision, decidedAt: at })
        .onConflictDoNothing();
    },
    async route(merchantId, caseId) {
      const [row] = await db
        .select()
        .from(caseRoutes)
        .where(and(eq(caseRoutes.merchantId, merchantId), eq(caseRoutes.caseId, caseId)));
      return row ? (row.decision as RoutingDecision) : null;
    },
    nextSequence: (merchantId, name) => nextCounter(db, merchantId, name),
  };
}
