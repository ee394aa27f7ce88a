import { useCallback, useEffect, useRef, useState } from "react";
import type { Client } from "../api.ts";
import { type Filter, filterQuery } from "./queue-filter.ts";
import type { Page, ReturnCaseJson } from "./types.ts";

const PAGE = 25;

/** The queue's cases for a filter (memoised by the caller), page by page (cursor), with a reload after bulk actions. */
export function useQueue(client: Client, filter: Filter, onError: (e: unknown) => void) {
  const [items, setItems] = useState<readonly ReturnCaseJson[]>([]);
  const [cursor, setCursor] = useState<string | null>(null);
  const [loading, setLoading] = useState(true);
  const report = useRef(onError);
  report.current = onError;

  const fetchPage = useCallback(
    (after: string | null) =>
      client.merchant<Page<ReturnCaseJson>>(
        "GET",
        `/returns?${filterQuery(filter, { limit: String(PAGE), ...(after ? { cursor: after } : {}) })}`,
      ),
    [client, filter],
  );

  const reload = useCallback(async () => {
    setLoading(true);
    try {
      const page = await fetchPage(null);
      setItems(page.items);
      setCursor(page.nextCursor);
    } catch (e) {
      report.current(e);
    } finally {
      setLoading(false);
    }
  }, [fetchPage]);

  useEffect(() => {
    void reload();
  }, [reload]);

  async function loadMore() {
    if (!cursor) return;
    try {
      const page = await fetchPage(cursor);
      setItems((prev) => [...prev, ...page.items]);
      setCursor(page.nextCursor);
    } catch (e) {
      report.current(e);
    }
  }

  return { items, loading, hasMore: cursor !== null, loadMore, reload };
}
