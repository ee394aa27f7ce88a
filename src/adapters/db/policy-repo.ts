import { and, desc, eq, sql } from "drizzle-orm";
import type { PolicyRepo, StoredPolicy } from "../../app/ports/index.ts";
import type { Executor } from "./database.ts";
import { prepared } from "./prepared.ts";
import { returnPolicies } from "./schema.ts";

const columns = {
  id: returnPolicies.policyId,
  version: returnPolicies.version,
  document: returnPolicies.document,
  createdAt: returnPolicies.createdAt,
  actorId: returnPolicies.actorId,
};

export function policyRepo(db: Executor): PolicyRepo {
  return {
    async lock(merchantId) {
      await db.execute(sql`select pg_advisory_xact_lock(hashtext(${`policies:${merchantId}`}))`);
    },
    async insert(merchantId, p: StoredPolicy) {
      const rows = await db
        .insert(returnPolicies)
        .values({
          merchantId,
          policyId: p.id,
          version: p.version,
          document: p.document,
          createdAt: p.createdAt,
          actorId: p.actorId,
        })
        .onConflictDoNothing()
        .returning({ v: returnPolicies.version });
      return rows.length > 0;
    },
    async get(merchantId, id, version) {
      if (version !== undefined) {
        const q = prepared(db, "policy_version", () =>
          db
            .select(columns)
            .from(returnPolicies)
            .where(
              and(
                eq(returnPolicies.merchantId, sql.placeholder("m")),
                eq(returnPolicies.policyId, sql.placeholder("id")),
                eq(returnPolicies.version, sql.placeholder("v")),
              ),
            )
            .prepare("policy_version"),
        );
        const [row] = await q.execute({ m: merchantId, id, v: version });
        return row ?? null;
      }
      const [row] = await db
        .select(columns)
        .from(returnPolicies)
        .where(and(eq(returnPolicies.merchantId, merchantId), eq(returnPolicies.policyId, id)))
        .orderBy(desc(returnPolicies.version))
        .limit(1);
      return row ?? null;
    },
    latestAll: (merchantId) =>
      db
        .selectDistinctOn([returnPolicies.policyId], columns)
        .from(returnPolicies)
        .where(eq(returnPolicies.merchantId, merchantId))
        .orderBy(returnPolicies.policyId, desc(returnPolicies.version)),
    versions: (merchantId, id) =>
      db
        .select({
          version: returnPolicies.version,
          createdAt: returnPolicies.createdAt,
          actorId: returnPolicies.actorId,
        })
        .from(returnPolicies)
        .where(and(eq(returnPolicies.merchantId, merchantId), eq(returnPolicies.policyId, id)))
        .orderBy(sql`${returnPolicies.version} asc`),
  };
}
