import { desc, eq } from "drizzle-orm";
import type { NoticeRepo } from "../../app/notify/records.ts";
import type { Executor } from "./database.ts";
import { merchantNotices } from "./schema.ts";

export function noticeRepo(db: Executor): NoticeRepo {
  return {
    async insert(n) {
      await db.insert(merchantNotices).values(n);
    },
    async list(merchantId, limit) {
      const rows = await db
        .select()
        .from(merchantNotices)
        .where(eq(merchantNotices.merchantId, merchantId))
        .orderBy(desc(merchantNotices.createdAt), desc(merchantNotices.id))
        .limit(limit);
      return rows.map((r) => ({ ...r, data: r.data as Record<string, unknown> }));
    },
  };
}
