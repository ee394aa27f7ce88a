import { useCallback, useEffect, useRef, useState } from "react";
import { ApiError } from "../../shared/api.ts";
import type { Client } from "../api.ts";
import { loadQueue, type QueuedAction, saveQueue } from "./queue.ts";

export interface SyncFailure {
  readonly action: QueuedAction;
  readonly error: unknown;
}

const RETRY_MS = 4000;

/**
 * Failures that say nothing about the action itself: no network, a server error, the key still in
 * flight, too many requests, a session that expired or lost its CSRF token (sign in again). The action
 * stays queued; anything else is the server refusing it.
 */
function keepForLater(e: unknown): boolean {
  if (!(e instanceof ApiError)) return true;
  const { status, code } = e.problem;
  return (
    status === 0 ||
    status >= 500 ||
    status === 401 ||
    status === 429 ||
    code === "csrf_failed" ||
    code === "idempotency_key_in_flight"
  );
}

/**
 * Sends the queued actions one by one, in order. A network failure stops the run (offline: retried
 * when the browser is back online, and every few seconds); a refusal drops the action and reports it.
 */
export function useSyncQueue(
  client: Client,
  storageKey: string,
  onSent: (a: QueuedAction, response: unknown) => void,
) {
  const [queue, setQueue] = useState<QueuedAction[]>(() => loadQueue(storageKey));
  const [online, setOnline] = useState(true);
  const [failures, setFailures] = useState<SyncFailure[]>([]);
  const running = useRef(false);
  const sent = useRef(onSent);
  sent.current = onSent;

  const sync = useCallback(async () => {
    if (running.current) return;
    running.current = true;
    try {
      for (;;) {
        const next = loadQueue(storageKey)[0];
        if (!next) break;
        try {
          const res = await client.once<unknown>(next.path, next.body, next.key);
          setOnline(true);
          saveQueue(
            storageKey,
            loadQueue(storageKey).filter((a) => a.key !== next.key),
          );
          sent.current(next, res);
        } catch (e) {
          const status = e instanceof ApiError ? e.problem.status : 0;
          if (keepForLater(e)) {
            setOnline(status !== 0);
            break;
          }
          saveQueue(
            storageKey,
            loadQueue(storageKey).filter((a) => a.key !== next.key),
          );
          setFailures((f) => [...f, { action: next, error: e }]);
          sent.current(next, null);
        }
        setQueue(loadQueue(storageKey));
      }
    } finally {
      running.current = false;
      setQueue(loadQueue(storageKey));
    }
  }, [client, storageKey]);

  const enqueue = useCallback(
    (a: QueuedAction) => {
      saveQueue(storageKey, [...loadQueue(storageKey), a]);
      setQueue(loadQueue(storageKey));
      void sync();
    },
    [storageKey, sync],
  );

  useEffect(() => {
    void sync();
    const on = () => void sync();
    const off = () => setOnline(false);
    window.addEventListener("online", on);
    window.addEventListener("offline", off);
    const timer = window.setInterval(() => {
      if (loadQueue(storageKey).length > 0) void sync();
    }, RETRY_MS);
    return () => {
      window.removeEventListener("online", on);
      window.removeEventListener("offline", off);
      window.clearInterval(timer);
    };
  }, [sync, storageKey]);

  return {
    queue,
    online,
    failures,
    enqueue,
    sync,
    dismissFailures: () => setFailures([]),
  };
}
