import type { Deps } from "../ports/index.ts";
import { merchantConnection } from "./connections.ts";
import { type PlatformOrderOutcome, writePlatformOrder } from "./platform-orders.ts";
import type { Platform, SyncRun } from "./ports.ts";

/** One page of a backfill, as the CLI prints it. */
export interface BackfillProgress {
  readonly page: number;
  readonly totalPages: number | null;
  readonly created: number;
  readonly updated: number;
  readonly unchanged: number;
  readonly refused: readonly Extract<PlatformOrderOutcome, { status: "refused" }>[];
  /** Orders written by the whole run so far (resumed runs included). */
  readonly ordersSoFar: number;
}

export type BackfillResult =
  | { readonly ok: true; readonly resumed: boolean; readonly run: SyncRun }
  | { readonly ok: false; readonly error: string };

/**
 * Imports the platform's orders updated since `since`, page by page (cursor pagination). Each page is
 * read outside any transaction, then written in one transaction together with the run's next cursor:
 * an interrupted run resumes at the first page it had not finished, and a page read twice changes
 * nothing (orders are idempotent by external id and content).
 */
export async function runBackfill(
  deps: Deps,
  merchantId: string,
  platform: Platform,
  since: Date,
  onProgress: (p: BackfillProgress) => void,
): Promise<BackfillResult> {
  const opened = await merchantConnection(deps, merchantId, platform);
  if ("missing" in opened) return { ok: false, error: opened.missing };
  const adapter = deps.platforms?.get(platform);
  if (!adapter) return { ok: false, error: `${platform} is not available` };
  const api = adapter.api(opened.connection);
  const previous = await deps.store.read.platforms.run(merchantId, platform);
  const resumed = previous?.status === "running" && previous.since.getTime() === since.getTime();
  const now = deps.clock.now();
  let run: SyncRun =
    resumed && previous
      ? previous
      : {
          merchantId,
          platform,
          since,
          cursor: null,
          pages: 0,
          orders: 0,
          status: "running",
          startedAt: now,
          updatedAt: now,
        };
  if (!resumed) await deps.store.transaction((r) => r.platforms.putRun(run));
  for (;;) {
    const page = await api.ordersPage(since, run.cursor);
    const outcomes: PlatformOrderOutcome[] = [];
    const next: SyncRun = await deps.store.transaction(async (r) => {
      // A try the store runs again (a deadlock) starts from an empty page.
      outcomes.length = 0;
      for (const o of page.orders) outcomes.push(await writePlatformOrder(deps, r, merchantId, platform, o));
      const written = outcomes.filter((o) => o.status !== "refused").length;
      const saved: SyncRun = {
        ...run,
        cursor: page.next,
        pages: run.pages + 1,
        orders: run.orders + written,
        status: page.next ? "running" : "done",
        updatedAt: deps.clock.now(),
      };
      await r.platforms.putRun(saved);
      return saved;
    });
    run = next;
    const count = (s: PlatformOrderOutcome["status"]) => outcomes.filter((o) => o.status === s).length;
    onProgress({
      page: run.pages,
      totalPages: page.totalPages,
      created: count("created"),
      updated: count("updated"),
      unchanged: count("unchanged"),
      refused: outcomes.filter(
        (o): o is Extract<PlatformOrderOutcome, { status: "refused" }> => o.status === "refused",
      ),
      ordersSoFar: run.orders,
    });
    if (!page.next) return { ok: true, resumed, run };
  }
}
