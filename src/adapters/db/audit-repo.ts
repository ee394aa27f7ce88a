import { and, desc, eq, lt } from "drizzle-orm";
import type { AuditRepo } from "../../app/audit-log.ts";
import type { Executor } from "./database.ts";
import { auditLog as t } from "./schema-security.ts";

export function auditRepo(db: Executor): AuditRepo {
  return {
    async append(e) {
      await db.insert(t).values({
        id: e.id,
        merchantId: e.merchantId,
        at: e.at,
        actorKind: e.actor.kind,
        actorId: e.actor.id,
        actorName: e.actor.name,
        action: e.action,
        method: e.method,
        path: e.path,
        status: e.status,
      });
    },
    async list(merchantId, limit, before) {
      const rows = await db
        .select()
        .from(t)
        .where(before ? and(eq(t.merchantId, merchantId), lt(t.at, before)) : eq(t.merchantId, merchantId))
        .orderBy(desc(t.at), desc(t.id))
        .limit(limit);
      return rows.map((r) => ({
        id: r.id,
        merchantId: r.merchantId,
        at: r.at,
        actor: { kind: r.actorKind, id: r.actorId, name: r.actorName },
        action: r.action,
        method: r.method,
        path: r.path,
        status: r.status,
      }));
    },
  };
}
