import { sql } from "drizzle-orm";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { configCache } from "../../../src/adapters/db/config-cache.ts";
import { watchConfig } from "../../../src/adapters/db/config-watch.ts";
import { type Database, openDatabase } from "../../../src/adapters/db/database.ts";
import { dbStore } from "../../../src/adapters/db/store.ts";
import type { Store } from "../../../src/app/ports/index.ts";
import { describeEachDb } from "../../support/databases.ts";
import { GENEROUS_POLICY, type Harness, merchantWithKey, startHarness } from "../../support/harness.ts";

/** Polls `check` until it holds (announcements travel over a connection): 5 s at most. */
async function eventually(check: () => Promise<boolean>): Promise<void> {
  const until = Date.now() + 5_000;
  while (!(await check())) {
    if (Date.now() > until) throw new Error("condition not reached in 5 s");
    await new Promise((r) => setTimeout(r, 20));
  }
}

/** A cache on `database` whose loads are counted. */
function counted(database: Database) {
  const cache = configCache(watchConfig(database));
  let loads = 0;
  const load = async () => {
    loads++;
    const r = await database.db.execute(sql`select name from merchants order by name limit 1`);
    return { name: String((r as unknown as { rows: { name: string }[] }).rows[0]?.name) };
  };
  return { cache, loads: () => loads, read: (m: string) => cache.read(`k:${m}`, load, m) };
}

describeEachDb("merchant configuration kept until it changes", (kind) => {
  let h: Harness;
  let merchantId = "";
  let store: Store;
  let live: ReturnType<typeof counted>;

  beforeAll(async () => {
    h = await startHarness(kind);
    merchantId = (await merchantWithKey(h.deps, "kept", { policy: GENEROUS_POLICY })).merchantId;
    store = h.deps.store;
    live = counted(h.database);
    await eventually(async () => {
      await live.read(merchantId);
      return live.cache.size() === 1;
    });
  });
  afterAll(() => h.close());

  it("answers a second read from memory, frozen", async () => {
    const before = live.loads();
    const a = await live.read(merchantId);
    const b = await live.read(merchantId);
    expect(live.loads()).toBe(before);
    expect(b).toBe(a);
    expect(() => {
      (a as { name: string }).name = "changed";
    }).toThrow(TypeError);
  });

  it("forgets a merchant when its row changes, whoever changed it (the trigger's NOTIFY)", async () => {
    await live.read(merchantId);
    const before = live.loads();
    await h.database.db.execute(sql`update merchants set name = 'Renamed' where id = ${merchantId}`);
    await eventually(async () => live.cache.size() === 0);
    expect((await live.read(merchantId)).name).toBe("Renamed");
    expect(live.loads()).toBe(before + 1);
  });

  it("keeps another merchant's entries when one merchant changes", async () => {
    const other = "00000000-0000-4000-8000-000000000001";
    await live.read(merchantId);
    await live.read(other);
    await h.database.db.execute(sql`update merchants set name = 'Again' where id = ${merchantId}`);
    await eventually(async () => live.cache.size() === 1);
    const before = live.loads();
    await live.read(other);
    expect(live.loads()).toBe(before);
  });

  it("does not keep a load that overlapped a change", async () => {
    const { cache } = counted(h.database);
    await eventually(async () => {
      await cache.read("probe", async () => 1, merchantId);
      return cache.size() === 1;
    });
    cache.forget(null);
    let release = () => {};
    const gate = new Promise<void>((r) => {
      release = r;
    });
    const reading = cache.read(
      "slow",
      async () => {
        await gate;
        return "old";
      },
      merchantId,
    );
    cache.forget(merchantId);
    release();
    expect(await reading).toBe("old");
    expect(cache.size()).toBe(0);
  });

  it("a transaction reads its own configuration writes, and the store forgets them at commit", async () => {
    const m = await store.read.merchants.byId(merchantId);
    if (!m) throw new Error("no merchant");
    const seen = await store.transaction(async (r) => {
      await r.merchants.updateSettings(merchantId, { ...m.settings, storeCreditExpiryDays: 17 });
      return (await r.merchants.byId(merchantId))?.settings.storeCreditExpiryDays;
    });
    expect(seen).toBe(17);
    expect((await store.read.merchants.byId(merchantId))?.settings.storeCreditExpiryDays).toBe(17);
  });

  it("a rolled-back configuration write leaves nothing stale", async () => {
    const m = await store.read.merchants.byId(merchantId);
    if (!m) throw new Error("no merchant");
    await expect(
      store.transaction(async (r) => {
        await r.merchants.updateSettings(merchantId, { ...m.settings, storeCreditExpiryDays: 99 });
        throw new Error("roll back");
      }),
    ).rejects.toThrow("roll back");
    expect((await store.read.merchants.byId(merchantId))?.settings.storeCreditExpiryDays).toBe(17);
  });

  it("an API key is refused once revoked or expired, though it was kept", async () => {
    const made = await merchantWithKey(h.deps, "keys");
    const hash = (await h.database.db.execute(
      sql`select key_hash from api_keys where merchant_id = ${made.merchantId}`,
    )) as unknown as { rows: { key_hash: string }[] };
    const keyHash = hash.rows[0]?.key_hash ?? "";
    const now = new Date();
    expect(await store.read.apiKeys.activeByHash(keyHash, now)).not.toBeNull();
    const later = new Date(now.getTime() + 3_600_000);
    await h.database.db.execute(
      sql`update api_keys set expires_at = ${later.toISOString()}::timestamptz where key_hash = ${keyHash}`,
    );
    await eventually(async () => (await store.read.apiKeys.activeByHash(keyHash, now))?.expiresAt !== null);
    expect(await store.read.apiKeys.activeByHash(keyHash, new Date(later.getTime() + 1))).toBeNull();
    expect(await store.read.apiKeys.activeByHash(keyHash, now)).not.toBeNull();
    await store.read.apiKeys.revoke(
      made.merchantId,
      (await store.read.apiKeys.list(made.merchantId))[0]?.id ?? "",
      now,
    );
    expect(await store.read.apiKeys.activeByHash(keyHash, now)).toBeNull();
  });
});

function secretsOf(h: Harness) {
  if (!h.deps.secrets) throw new Error("the harness has secrets");
  return h.deps.secrets;
}

const url = process.env.TEST_DATABASE_URL;
describe.skipIf(!url)(
  `configuration changes across processes [postgres]${url ? "" : " — skipped: set TEST_DATABASE_URL to run on PostgreSQL"}`,
  () => {
    let h: Harness;
    let other: Database;
    let merchantId = "";

    beforeAll(async () => {
      h = await startHarness("postgres");
      merchantId = (await merchantWithKey(h.deps, "two", { policy: GENEROUS_POLICY })).merchantId;
      other = await openDatabase({ url: h.database.connectionString ?? "" });
    });
    afterAll(async () => {
      await other.close();
      await h.close();
    });

    it("a policy written by another process reaches this one's cache", async () => {
      const otherStore = dbStore(other, secretsOf(h), { configCache: true });
      const mine = h.deps.store;
      const name = async () =>
        (await mine.read.policies.get(merchantId, "default"))?.document as { name?: string };
      expect((await name()).name).not.toBe("Changed elsewhere");
      const before = await mine.read.policies.get(merchantId, "default");
      if (!before) throw new Error("no policy");
      const document = { ...(before.document as object), name: "Changed elsewhere" };
      await otherStore.transaction((r) =>
        r.policies.insert(merchantId, { ...before, version: before.version + 1, document }),
      );
      await eventually(async () => (await name()).name === "Changed elsewhere");
    });

    it("a lost listening connection empties the cache and listening resumes", async () => {
      const live = counted(h.database);
      await eventually(async () => {
        await live.read(merchantId);
        return live.cache.size() === 1;
      });
      const admin = new pg.Client({ connectionString: h.database.connectionString ?? "" });
      await admin.connect();
      try {
        await admin.query(
          "select pg_terminate_backend(pid) from pg_stat_activity where application_name = 'crossback config watch' and datname = current_database()",
        );
      } finally {
        await admin.end();
      }
      await eventually(async () => live.cache.size() === 0);
      await eventually(async () => {
        await live.read(merchantId);
        return live.cache.size() === 1;
      });
    });
  },
);
