import { createHash } from "node:crypto";
import type { DomainError } from "../domain/errors.ts";
import { err, ok, type Result } from "../domain/result.ts";
import type { Deps, Store } from "./ports/index.ts";

export interface Response {
  readonly status: number;
  readonly body: unknown;
}

/** A claim older than this whose process never committed is taken over by a retry. */
const IN_FLIGHT_MS = Number(process.env.CROSSBACK_IDEMPOTENCY_IN_FLIGHT_MS ?? 30_000);

export function requestFingerprint(method: string, path: string, body: unknown): string {
  return createHash("sha256")
    .update(`${method} ${path}\n${JSON.stringify(body ?? null)}`)
    .digest("hex");
}

/**
 * Runs a POST at most once per Idempotency-Key. The first transaction the use case commits also
 * stores the response (so a crash after the commit can never run it twice); a retry with the same
 * key and body gets the stored response, a different body is refused, a retry while the first is
 * still running is told so.
 */
export async function idempotent<T>(
  deps: Deps,
  merchantId: string,
  key: string | undefined,
  fingerprint: string,
  run: (store: Store) => Promise<T>,
  present: (value: T) => Response,
): Promise<Result<Response & { replayed: boolean }, DomainError>> {
  if (!key) return ok({ ...present(await run(deps.store)), replayed: false });
  const now = deps.clock.now();
  const existing = await deps.store.transaction((r) =>
    r.idempotency.claim(merchantId, key, fingerprint, now),
  );
  if (existing) {
    if (existing.fingerprint !== fingerprint) return err({ code: "idempotency_key_reused", key });
    if (existing.state !== "processing" && existing.statusCode !== null) {
      return ok({ status: existing.statusCode, body: existing.response, replayed: true });
    }
    const stale = new Date(now.getTime() - IN_FLIGHT_MS);
    const taken = await deps.store.transaction((r) =>
      r.idempotency.reclaim(merchantId, key, stale, deps.clock.now()),
    );
    if (!taken) return err({ code: "idempotency_key_in_flight", key });
  }
  // The use case's first transaction must return its final result type (every use case here does).
  let hooked = false;
  let committed = false;
  const store: Store = {
    read: deps.store.read,
    async transaction(fn) {
      const first = !hooked;
      hooked = true;
      const value = await deps.store.transaction(async (r) => {
        const v = await fn(r);
        if (first) {
          const res = present(v as unknown as T);
          await r.idempotency.finish(merchantId, key, "committed", res.status, res.body, deps.clock.now());
        }
        return v;
      });
      if (first) committed = true;
      return value;
    },
  };
  let value: T;
  try {
    value = await run(store);
  } catch (e) {
    if (!committed) await deps.store.transaction((r) => r.idempotency.release(merchantId, key));
    throw e;
  }
  const res = present(value);
  // Test-only crash injection (kill -9 tests): the use case committed, its final answer is not stored yet.
  if (process.env.CROSSBACK_FAULT === "before_idempotent_finish") process.kill(process.pid, "SIGKILL");
  await deps.store.transaction((r) =>
    r.idempotency.finish(merchantId, key, "completed", res.status, res.body, deps.clock.now()),
  );
  return ok({ ...res, replayed: false });
}
